"""Curation in the Django admin, as Lien (a curator, not a superuser) uses it."""

from html import unescape

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import WARNING, get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from funding.models import FundingOpportunity
from hubsi.models import Status
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_space,
    make_supporter,
)

MAKERS = {
    Innovation: make_innovation,
    Supporter: make_supporter,
    ExperimentationSpace: make_space,
    FundingOpportunity: make_funding,
    LearningOffer: make_learning_offer,
}
REVIEWED_MODELS = list(MAKERS)


def admin_url(name: str, *args) -> str:
    # English admin (/en/admin/...), so the assertions read the source strings.
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def changelist_url(model) -> str:
    return admin_url(f"{model._meta.app_label}_{model._meta.model_name}_changelist")


def change_url(obj) -> str:
    return admin_url(f"{obj._meta.app_label}_{obj._meta.model_name}_change", obj.pk)


def run_action(client, action: str, objects, **data):
    model = type(objects[0])
    return client.post(
        changelist_url(model),
        {"action": action, "_selected_action": [obj.pk for obj in objects], **data},
    )


def messages_of(response) -> list:
    return list(get_messages(response.wsgi_request))


def change_logged(obj, user, text: str) -> bool:
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        user=user,
        action_flag=CHANGE,
        change_message__contains=text,
    ).exists()


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


# Actions ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Innovation, Supporter, ExperimentationSpace, LearningOffer])
def test_publish_action_publishes_submitted_content_and_logs_it(curator_client, curator, model):
    obj = MAKERS[model](status=Status.SUBMITTED)

    response = run_action(curator_client, "publish", [obj])

    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == Status.PUBLISHED
    assert obj.published_at is not None
    assert change_logged(obj, curator, "Published")
    assert "Published 1 " in str(messages_of(response)[0])


@pytest.mark.django_db
def test_publish_action_emails_the_owners(
    curator_client, owner, mailoutbox, django_capture_on_commit_callbacks
):
    innovation = make_innovation(status=Status.SUBMITTED, owners=[owner])

    with django_capture_on_commit_callbacks(execute=True):
        run_action(curator_client, "publish", [innovation])

    assert [mail.to for mail in mailoutbox] == [[owner.email]]


@pytest.mark.django_db
def test_publishing_a_draft_is_refused_with_a_message(curator_client):
    draft = make_innovation(status=Status.DRAFT, name="Energiecoaches")
    submitted = make_innovation(status=Status.SUBMITTED)

    response = run_action(curator_client, "publish", [draft, submitted])

    draft.refresh_from_db()
    submitted.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert submitted.status == Status.PUBLISHED
    [done, skipped] = messages_of(response)
    assert "Published 1 innovation." in str(done)
    assert skipped.level == WARNING
    assert "Skipped 1 innovation" in str(skipped)
    assert "Energiecoaches" in str(skipped)
    assert "cannot go from “Draft” to “Published”" in str(skipped)


@pytest.mark.django_db
def test_archive_action_archives_and_unfeatures(curator_client, curator):
    innovation = make_innovation(status=Status.PUBLISHED, featured=True)

    run_action(curator_client, "archive", [innovation])

    innovation.refresh_from_db()
    assert innovation.status == Status.ARCHIVED
    assert innovation.featured is False
    assert change_logged(innovation, curator, "Archived")


@pytest.mark.django_db
def test_restore_action_brings_archived_content_back_as_draft(curator_client, curator):
    archived = make_supporter(status=Status.ARCHIVED)
    published = make_supporter(status=Status.PUBLISHED)

    response = run_action(curator_client, "restore", [archived, published])

    archived.refresh_from_db()
    published.refresh_from_db()
    assert archived.status == Status.DRAFT
    assert published.status == Status.PUBLISHED
    assert change_logged(archived, curator, "Restored as draft")
    assert messages_of(response)[-1].level == WARNING


@pytest.mark.django_db
def test_feature_action_features_published_content(curator_client, curator):
    innovation = make_innovation(status=Status.PUBLISHED)

    run_action(curator_client, "feature", [innovation])

    innovation.refresh_from_db()
    assert innovation.featured is True
    assert change_logged(innovation, curator, "Featured")


@pytest.mark.django_db
def test_feature_action_refuses_unpublished_content(curator_client):
    submitted = make_innovation(status=Status.SUBMITTED, name="Buurtbudget")

    response = run_action(curator_client, "feature", [submitted])

    submitted.refresh_from_db()
    assert submitted.featured is False
    [message] = messages_of(response)
    assert message.level == WARNING
    assert "Buurtbudget" in str(message)
    assert "Only published content can be featured." in str(message)


@pytest.mark.django_db
def test_unfeature_action_stops_featuring(curator_client, curator):
    innovation = make_innovation(status=Status.PUBLISHED, featured=True)

    run_action(curator_client, "unfeature", [innovation])

    innovation.refresh_from_db()
    assert innovation.featured is False
    assert change_logged(innovation, curator, "No longer featured")


@pytest.mark.django_db
def test_request_changes_first_asks_for_a_note(curator_client):
    submitted = make_innovation(status=Status.SUBMITTED, name="Warme buren")
    draft = make_innovation(status=Status.DRAFT, name="Koude kamers")

    response = run_action(curator_client, "request_changes", [submitted, draft])

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="note"' in html
    assert "<textarea" in html
    assert "Warme buren" in html
    # The draft is not waiting for review: it is named as left alone, not sent along.
    assert "These are not waiting for review" in html
    assert f'name="_selected_action" value="{draft.pk}"' not in html
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


@pytest.mark.django_db
def test_request_changes_requires_a_note(curator_client):
    submitted = make_innovation(status=Status.SUBMITTED)

    response = run_action(curator_client, "request_changes", [submitted], post="yes", note="   ")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.curator_note == ""


@pytest.mark.django_db
def test_request_changes_stores_the_note_and_emails_the_owners(
    curator_client, curator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    submitted = make_innovation(status=Status.SUBMITTED, owners=[owner])
    note = "Beschrijf welk probleem jullie aanpakken en voor wie."

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(curator_client, "request_changes", [submitted], post="yes", note=note)

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.CHANGES_REQUESTED
    assert submitted.curator_note == note
    assert change_logged(submitted, curator, "Changes requested")
    [mail] = mailoutbox
    assert mail.to == [owner.email]
    assert note in mail.body


# Forms --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_status_cannot_be_changed_in_the_form(curator_client):
    draft = make_innovation(status=Status.DRAFT)

    response = curator_client.get(change_url(draft))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "curator_note" not in form.fields
    assert "published_at" not in form.fields


@pytest.mark.django_db
def test_vocabulary_fields_are_checkboxes(curator_client):
    innovation = make_innovation()

    response = curator_client.get(change_url(innovation))

    assert 'type="checkbox" name="needs" value="coaching"' in response.content.decode()


@pytest.mark.django_db
def test_challenge_autocomplete_answers_curators(curator_client):
    make_challenge(name_nl="Energiearmoede bij huurders", name_en="Energy poverty of tenants")

    response = curator_client.get(
        admin_url("autocomplete"),
        {
            "app_label": "innovations",
            "model_name": "innovation",
            "field_name": "challenges",
            "term": "energ",
        },
    )

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


# The review queue -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", REVIEWED_MODELS)
def test_curators_can_open_each_changelist_and_change_form(curator_client, model):
    obj = MAKERS[model](status=Status.SUBMITTED)

    assert curator_client.get(changelist_url(model)).status_code == 200
    assert curator_client.get(change_url(obj)).status_code == 200


@pytest.mark.django_db
def test_curators_can_open_themes_and_challenges(curator_client):
    challenge = make_challenge()

    assert curator_client.get(change_url(challenge)).status_code == 200
    assert curator_client.get(change_url(challenge.theme)).status_code == 200
    assert curator_client.get(changelist_url(type(challenge))).status_code == 200
    assert curator_client.get(changelist_url(type(challenge.theme))).status_code == 200


@pytest.mark.django_db
def test_curators_can_add_funding_opportunities(curator_client):
    url = admin_url("funding_fundingopportunity_add")

    assert curator_client.get(url).status_code == 200


@pytest.mark.django_db
def test_curators_cannot_delete_innovations(curator_client):
    innovation = make_innovation()

    delete = curator_client.post(admin_url("innovations_innovation_delete", innovation.pk))
    bulk_delete = run_action(curator_client, "delete_selected", [innovation], post="yes")
    changelist = curator_client.get(changelist_url(Innovation))

    assert delete.status_code == 403
    assert Innovation.objects.filter(pk=innovation.pk).exists()
    assert bulk_delete.status_code in (200, 302)
    assert 'value="delete_selected"' not in changelist.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("model", REVIEWED_MODELS)
def test_checklist_is_visible_on_the_changelist_and_the_change_form(curator_client, model):
    obj = MAKERS[model](status=Status.SUBMITTED)

    for url in (changelist_url(model), change_url(obj)):
        html = curator_client.get(url).content.decode()
        assert "Reviewer's checklist" in html
        assert "Is it free of personal data" in html


@pytest.mark.django_db
def test_innovation_checklist_asks_the_design_questions(curator_client):
    html = unescape(curator_client.get(changelist_url(Innovation)).content.decode())

    assert "Is it a social innovation, within the platform's scope?" in html
    assert "Are the problem and the approach clear?" in html
    assert "Are results or first evidence described?" in html
    assert "Can it scale or be transferred to other places?" in html


@pytest.mark.django_db
def test_submitted_items_come_first_in_the_queue(curator_client):
    make_innovation(status=Status.PUBLISHED, name="Al gepubliceerd")
    make_innovation(status=Status.SUBMITTED, name="Wacht op review")
    make_innovation(status=Status.DRAFT, name="Nog een ontwerp")

    response = curator_client.get(changelist_url(Innovation))

    names = [obj.name for obj in response.context["cl"].result_list]
    assert names[0] == "Wacht op review"


@pytest.mark.django_db
def test_status_filter_shows_the_queue_with_counts(curator_client):
    make_innovation(status=Status.PUBLISHED)
    waiting = make_innovation(status=Status.SUBMITTED)

    response = curator_client.get(changelist_url(Innovation), {"status": "submitted"})

    assert list(response.context["cl"].result_list) == [waiting]
    assert "Submitted for review (1)" in response.content.decode()


@pytest.mark.django_db
def test_only_published_items_link_to_their_public_page(curator_client):
    published = make_innovation(status=Status.PUBLISHED)
    draft = make_innovation(status=Status.DRAFT)

    html = curator_client.get(changelist_url(Innovation)).content.decode()

    assert f'href="/en/innovations/{published.slug}/"' in html
    assert f"/innovations/{draft.slug}/" not in html


@pytest.mark.django_db
def test_a_place_of_an_unpublished_host_has_no_public_link(curator_client):
    space = make_space(status=Status.PUBLISHED, host=make_supporter(status=Status.DRAFT))

    html = curator_client.get(change_url(space)).content.decode()

    assert f"/spaces/{space.slug}/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("model", REVIEWED_MODELS)
def test_changelist_query_count_does_not_grow_with_rows(curator_client, model):
    make = MAKERS[model]
    for _ in range(3):
        make(status=Status.SUBMITTED)
    url = changelist_url(model)
    curator_client.get(url)  # warm up: session, user and permission caches

    with CaptureQueriesContext(connection) as few:
        assert curator_client.get(url).status_code == 200
    for _ in range(12):
        make(status=Status.PUBLISHED)
    with CaptureQueriesContext(connection) as many:
        response = curator_client.get(url)

    assert len(response.context["cl"].result_list) == 15
    assert len(many) == len(few)
    # 1 session, 2 user, 3-4 the user's and the group's permissions, 5 the status filter's
    # counts, 6-7 the filtered and the total count, 8 the page of rows (hosts joined).
    assert len(few) <= 8
