"""Edits to published content never go live unreviewed: they wait as pending changes, the
public page keeps the published version, and a curator publishes them or sends them back."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hubsi import services
from hubsi.models import DraftInput, OwnershipInvitation, Revision, Status, SubmissionConsent
from tests.factories import make_challenge, make_draft_innovation, make_user, verify_email

# These tests read the English interface (source strings); Dutch is covered by the journeys.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org", language="en"))
    client.force_login(user)
    return user


@pytest.fixture
def published(sara):
    return make_draft_innovation(
        owners=[sara],
        name="Warm Wonen Genk",
        status=Status.PUBLISHED,
        approach="Huurders isoleren samen.",
        regions=["limburg"],
    )


def step_url(innovation, step):
    return reverse("innovations:edit-innovation-step", args=[innovation.slug, step])


def edit_approach(client, innovation, approach="Huurders en eigenaars isoleren samen."):
    return client.post(
        step_url(innovation, "approach"),
        {"approach": approach, "stage": innovation.stage, "action": "save"},
    )


def public_page(client, innovation) -> str:
    return client.get(innovation.get_absolute_url()).content.decode()


def submit(client, innovation):
    return client.post(
        reverse("innovations:submit-innovation", args=[innovation.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )


def test_editing_published_content_keeps_the_public_page_as_it_was(client, sara, published):
    edit_approach(client, published)
    published.refresh_from_db()
    assert published.approach == "Huurders isoleren samen."
    assert published.status == Status.PUBLISHED
    html = public_page(client, published)
    assert "Huurders isoleren samen." in html
    assert "Huurders en eigenaars isoleren samen." not in html


def test_the_pending_changes_hold_only_what_changed(client, sara, published):
    edit_approach(client, published)
    revision = Revision.objects.for_object(published).get()
    assert revision.data == {"approach": "Huurders en eigenaars isoleren samen."}
    assert revision.created_by == sara
    assert not revision.is_submitted


def test_the_form_shows_the_pending_changes_not_the_published_text(client, sara, published):
    edit_approach(client, published)
    html = client.get(step_url(published, "approach")).content.decode()
    assert "Huurders en eigenaars isoleren samen." in html
    assert "kept apart as pending changes" in html


def test_changing_a_field_back_drops_the_pending_change(client, sara, published):
    edit_approach(client, published)
    edit_approach(client, published, approach="Huurders isoleren samen.")
    assert not Revision.objects.exists()


def test_relations_are_kept_as_pending_changes_too(client, sara, published):
    client.post(step_url(published, "practical"), {"regions": ["antwerp", "limburg"]})
    assert Revision.objects.get().data == {"regions": ["antwerp", "limburg"]}
    assert list(published.regions.values_list("pk", flat=True)) == ["limburg"]


def test_the_preview_shows_what_changed_field_by_field(client, sara, published):
    edit_approach(client, published)
    html = client.get(
        reverse("innovations:preview-innovation", args=[published.slug])
    ).content.decode()
    assert "Your changes to the published version" in html
    assert "Huurders isoleren samen." in html and "Huurders en eigenaars isoleren samen." in html


def test_submitting_changes_keeps_the_content_published_and_emails_the_curators(
    client, sara, published, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["curatoren@europa-wse.example"]
    edit_approach(client, published)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, published)
    assert response["Location"] == reverse("dashboard")
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert Revision.objects.get().is_submitted
    assert SubmissionConsent.objects.get().pending_changes
    assert [mail.to for mail in mailoutbox] == [["curatoren@europa-wse.example"]]
    # In the curators' language (Dutch: the list of addresses has no accounts), not the sender's.
    assert mailoutbox[0].subject == "Te beoordelen: wijzigingen aan “Warm Wonen Genk”"
    assert "Huurders isoleren samen." in public_page(client, published)


def test_without_changes_there_is_nothing_to_submit(client, sara, published):
    response = submit(client, published)
    assert response.status_code == 200
    assert "There are no changes to submit" in response.content.decode()
    assert not SubmissionConsent.objects.exists()


def test_changes_waiting_for_review_cannot_be_edited(client, sara, published):
    edit_approach(client, published)
    submit(client, published)
    response = edit_approach(client, published, approach="Nog iets anders.")
    assert response["Location"] == reverse("innovations:preview-innovation", args=[published.slug])
    assert Revision.objects.get().data["approach"] == "Huurders en eigenaars isoleren samen."


def test_publishing_the_changes_applies_them_to_the_public_page(
    client, sara, published, curator, mailoutbox, django_capture_on_commit_callbacks
):
    edit_approach(client, published)
    client.post(step_url(published, "practical"), {"regions": ["antwerp"]})
    submit(client, published)
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(obj=published, by=curator)
    published.refresh_from_db()
    assert published.approach == "Huurders en eigenaars isoleren samen."
    assert list(published.regions.values_list("pk", flat=True)) == ["antwerp"]
    assert not Revision.objects.exists()
    assert "Huurders en eigenaars isoleren samen." in public_page(client, published)
    assert [mail.to for mail in mailoutbox] == [["sara@example.org"]]
    assert published.get_absolute_url() in mailoutbox[0].body


def test_only_submitted_changes_can_be_published(sara, published, curator):
    services.content_save_step(
        obj=published, by=sara, step="approach", changes={"approach": "Nieuw."}
    )
    with pytest.raises(services.TransitionNotAllowed):
        services.revision_publish(obj=published, by=curator)


def test_owners_cannot_publish_their_own_changes(client, sara, published):
    edit_approach(client, published)
    submit(client, published)
    with pytest.raises(PermissionDenied):
        services.revision_publish(obj=published, by=sara)


def test_requested_changes_go_back_to_the_owners_with_the_note(
    client, sara, published, curator, mailoutbox, django_capture_on_commit_callbacks
):
    edit_approach(client, published)
    submit(client, published)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_request_changes(obj=published, by=curator, note="Noem de eigenaars.")
    published.refresh_from_db()
    revision = Revision.objects.get()
    assert published.status == Status.PUBLISHED
    assert not revision.is_submitted and revision.curator_note == "Noem de eigenaars."
    body = mailoutbox[0].body
    assert "Noem de eigenaars." in body and "published version stays online" in body
    assert reverse("innovations:edit-innovation", args=[published.slug]) in body
    # The note is shown beside the form and on the dashboard; editing is possible again.
    assert "Noem de eigenaars." in client.get(step_url(published, "approach")).content.decode()
    assert "Noem de eigenaars." in client.get(reverse("dashboard")).content.decode()
    edit_approach(client, published, approach="Huurders en eigenaars (de verhuurders) samen.")
    assert "verhuurders" in Revision.objects.get().data["approach"]


def test_the_dashboard_says_changes_are_not_submitted_yet(client, sara, published):
    edit_approach(client, published)
    html = client.get(reverse("dashboard")).content.decode()
    assert "you have changes that are not submitted" in html
    assert reverse("innovations:submit-innovation", args=[published.slug]) in html


def test_deleting_content_removes_its_pending_records(sara):
    draft = make_draft_innovation(owners=[sara])
    DraftInput.objects.create(content_object=draft, step="practical", data={"website": ["x"]})
    services.invitation_create(obj=draft, by=sara, email="tom@example.org")
    services.content_delete(obj=draft, by=sara)
    assert not DraftInput.objects.exists()
    assert not OwnershipInvitation.objects.exists()


# The admin's review queue ----------------------------------------------------------------------


@pytest.fixture
def submitted_changes(client, sara, published):
    edit_approach(client, published)
    client.post(
        step_url(published, "problem"),
        {
            "name": published.name,
            "language": "nl",
            "problem": published.problem,
            "challenges": [
                make_challenge(
                    name_nl="Renovatie van huurwoningen", name_en="Renovating rented homes"
                ).pk
            ],
        },
    )
    submit(client, published)
    client.logout()
    return published


def changelist(query=""):
    return reverse("admin:innovations_innovation_changelist") + query


def test_the_review_queue_filters_content_with_changes_to_review(
    client, curator, submitted_changes
):
    make_draft_innovation(name="Zonder wijzigingen", status=Status.PUBLISHED)
    client.force_login(curator)
    html = client.get(changelist("?pending=submitted")).content.decode()
    assert "Warm Wonen Genk" in html and "Zonder wijzigingen" not in html


def test_the_change_form_shows_the_changes_field_by_field(client, curator, submitted_changes):
    client.force_login(curator)
    html = client.get(
        reverse("admin:innovations_innovation_change", args=[submitted_changes.pk])
    ).content.decode()
    assert "Pending changes" in html
    assert "Huurders isoleren samen." in html
    assert "Huurders en eigenaars isoleren samen." in html
    assert "Renovatie van huurwoningen" in html or "Renovating rented homes" in html


def test_the_curator_publishes_the_changes_from_the_queue(client, curator, submitted_changes):
    client.force_login(curator)
    response = client.post(
        changelist("?pending=submitted"),
        {"action": "publish_changes", "_selected_action": [submitted_changes.pk]},
        follow=True,
    )
    assert "Published the changes to 1" in response.content.decode()
    submitted_changes.refresh_from_db()
    assert submitted_changes.approach == "Huurders en eigenaars isoleren samen."
    assert submitted_changes.challenges.get().name_nl == "Renovatie van huurwoningen"


def test_publish_explains_itself_for_published_content_with_changes(
    client, curator, submitted_changes
):
    client.force_login(curator)
    response = client.post(
        changelist(),
        {"action": "publish", "_selected_action": [submitted_changes.pk]},
        follow=True,
    )
    assert "Publish pending changes" in response.content.decode()
    assert Revision.objects.get().is_submitted


def test_the_curator_requests_changes_to_pending_changes_from_the_queue(
    client, curator, submitted_changes, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(curator)
    data = {"action": "request_changes", "_selected_action": [submitted_changes.pk]}
    page = client.post(changelist(), data).content.decode()
    assert "Warm Wonen Genk" in page and 'name="note"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist(), {**data, "post": "yes", "note": "Bron van de cijfers?"})
    revision = Revision.objects.get()
    assert revision.curator_note == "Bron van de cijfers?" and not revision.is_submitted
    submitted_changes.refresh_from_db()
    assert submitted_changes.status == Status.PUBLISHED
    assert "Bron van de cijfers?" in mailoutbox[0].body


def test_the_changes_panel_escapes_what_the_owners_typed(client, sara, published, curator):
    edit_approach(client, published, approach="<script>alert(1)</script>\nTweede regel")
    submit(client, published)
    client.force_login(curator)
    html = client.get(
        reverse("admin:innovations_innovation_change", args=[published.pk])
    ).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Tweede regel" in html
    assert "<script>alert(1)" not in html


def test_a_curators_later_edit_is_not_overwritten_by_the_changes(
    client, curator, submitted_changes
):
    # Lien corrects the published approach in the admin while the owners' changes wait.
    submitted_changes.approach = "Huurders isoleren samen, met de stad."
    submitted_changes.save()
    client.force_login(curator)
    data = {"action": "publish_changes", "_selected_action": [submitted_changes.pk]}

    html = client.post(changelist("?pending=submitted"), data, follow=True).content.decode()

    assert "Skipped 1 innovation" in html
    assert (
        "the published version changed after the owners proposed their changes, in: approach."
        in html
    )
    submitted_changes.refresh_from_db()
    assert submitted_changes.approach == "Huurders isoleren samen, met de stad."
    assert Revision.objects.get().is_submitted
    change_form = client.get(
        reverse("admin:innovations_innovation_change", args=[submitted_changes.pk])
    ).content.decode()
    assert "Changed in the published version since the owners proposed their changes" in change_form
    assert "Huurders isoleren samen, met de stad." in change_form

    # She compared both and decides for the owners' version.
    data["action"] = "publish_changes_over_edits"
    html = client.post(changelist("?pending=submitted"), data, follow=True).content.decode()

    assert "Published the changes to 1" in html
    submitted_changes.refresh_from_db()
    assert submitted_changes.approach == "Huurders en eigenaars isoleren samen."


def test_a_curators_edit_of_another_field_lets_the_changes_publish(
    client, curator, submitted_changes
):
    submitted_changes.tagline = "Samen warmer wonen."
    submitted_changes.save()
    client.force_login(curator)
    client.post(
        changelist("?pending=submitted"),
        {"action": "publish_changes", "_selected_action": [submitted_changes.pk]},
    )
    submitted_changes.refresh_from_db()
    assert submitted_changes.approach == "Huurders en eigenaars isoleren samen."
    assert submitted_changes.tagline == "Samen warmer wonen."
