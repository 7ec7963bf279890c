"""The curators' workplace: the queue on the admin's index and decisions on the change form."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from connections.models import ContactRequest, Report, ReportKind, ReportReason
from hubsi import services
from hubsi.curation import reconstruct_submitted_at, review_queue
from hubsi.kinds import registered_kinds
from hubsi.models import Revision, Status
from tests.factories import make_innovation, make_space, make_supporter, make_user
from tests.test_admin_curation import change_logged, messages_of


def admin_url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def change_url(obj) -> str:
    return admin_url(f"{obj._meta.app_label}_{obj._meta.model_name}_change", obj.pk)


def decide_url(obj) -> str:
    return admin_url(f"{obj._meta.app_label}_{obj._meta.model_name}_decide", obj.pk)


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def submit_changes(obj, *, submitted_at, **data) -> Revision:
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        data=data,
        submitted_at=submitted_at,
    )


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


# The queue ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_queue_holds_submissions_and_submitted_changes_of_every_kind_oldest_first(curator):
    space = make_space(status=Status.SUBMITTED, submitted_at=ago(days=9))
    innovation = make_innovation(
        status=Status.SUBMITTED, submitted_at=ago(days=2), organisation_name="Energiek Genk"
    )
    supporter = make_supporter(status=Status.PUBLISHED)
    submit_changes(supporter, submitted_at=ago(days=5), description="Nieuw.")
    # Not waiting for a decision: a draft, unsubmitted changes, content sent back.
    make_innovation(status=Status.DRAFT)
    submit_changes(make_innovation(), submitted_at=None, tagline="Nog bezig.")
    make_innovation(status=Status.CHANGES_REQUESTED, submitted_at=ago(days=20))

    queue = review_queue(curator)

    assert [(item.kind.model, item.pk) for item in queue] == [
        (type(space), space.pk),
        (type(supporter), supporter.pk),
        (type(innovation), innovation.pk),
    ]
    assert [item.first_time for item in queue] == [True, False, True]
    assert queue[0].organisation == space.host.name
    assert queue[1].organisation == supporter.name
    assert queue[2].organisation == "Energiek Genk"


@pytest.mark.django_db
def test_queue_covers_every_registered_kind(curator):
    """A kind registered later (learning offers) is in the queue without a change to it."""
    makers = {"innovation": make_innovation, "supporter": make_supporter, "space": make_space}
    for kind in registered_kinds():
        if kind.name in makers:
            makers[kind.name](status=Status.SUBMITTED, submitted_at=ago(hours=1))

    kinds_in_queue = {item.kind.name for item in review_queue(curator)}

    assert kinds_in_queue == {kind.name for kind in registered_kinds()} & set(makers)


@pytest.mark.django_db
def test_index_shows_the_queue_with_counts_and_links(curator_client):
    innovation = make_innovation(
        status=Status.SUBMITTED, name="Warme huurders", submitted_at=ago(days=3)
    )

    html = curator_client.get(admin_url("index")).content.decode()

    assert "HUBSI curation" in html
    assert "Django administration" not in html and "Site administration" not in html
    assert 'id="review-queue"' in html
    assert f'href="{change_url(innovation)}"' in html
    assert "Warme huurders" in html
    assert "3\xa0days" in html  # waiting how long
    assert "First time" in html
    assert ">Innovations</a>: <strong>1</strong>" in html
    assert ">Supporters</a>: <strong>0</strong>" in html


@pytest.mark.django_db
def test_index_shows_open_reports_and_flagged_contact_requests(curator_client, owner):
    innovation = make_innovation(owners=[owner])
    request = ContactRequest.objects.create(
        sender=make_user(), innovation=innovation, message="Hallo", reported_at=timezone.now()
    )
    Report.objects.create(
        kind=ReportKind.CONTACT_REQUEST, contact_request=request, reason=ReportReason.SPAM
    )
    Report.objects.create(kind=ReportKind.INNOVATION, reason=ReportReason.FALSE)
    Report.objects.create(kind=ReportKind.INNOVATION, reason=ReportReason.FALSE, handled=True)

    html = curator_client.get(admin_url("index")).content.decode()

    assert ">Open reports</a>: <strong>2</strong>" in html
    assert ">Contact requests reported as abuse, not handled yet</a>: <strong>1</strong>" in html
    assert ">Failed background tasks</a>: <strong>0</strong>" in html


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_the_queue(curator_client):
    """Per kind two queries (submissions; published content with submitted changes), one per
    other waiting work, plus the admin's own (session, user, permissions, recent actions)."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get(admin_url("index")).status_code == 200
        return len(queries)

    make_innovation(status=Status.SUBMITTED, submitted_at=ago(days=1))
    count()  # warms the content type and permission caches
    few = count()
    for days in range(2, 8):
        make_innovation(status=Status.SUBMITTED, submitted_at=ago(days=days))
        make_space(status=Status.SUBMITTED, submitted_at=ago(days=days))
        submit_changes(make_supporter(), submitted_at=ago(days=days), description="x")

    assert count() == few


# Submission time ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_submitting_records_when(owner):
    innovation = make_innovation(status=Status.DRAFT, owners=[owner])

    services.content_submit(obj=innovation, by=owner)

    innovation.refresh_from_db()
    assert innovation.submitted_at is not None
    assert timezone.now() - innovation.submitted_at < timedelta(minutes=1)


@pytest.mark.django_db
def test_submission_time_of_existing_content_is_taken_from_the_log(owner):
    innovation = make_innovation(status=Status.SUBMITTED, owners=[owner])
    unknown = make_innovation(status=Status.SUBMITTED)
    content_type = ContentType.objects.get_for_model(innovation)
    for when in (ago(days=30), ago(days=4)):
        entry = LogEntry.objects.create(
            user=owner,
            content_type=content_type,
            object_id=str(innovation.pk),
            object_repr=str(innovation),
            action_flag=CHANGE,
            change_message="Submitted for review",
        )
        LogEntry.objects.filter(pk=entry.pk).update(action_time=when)
    expected = LogEntry.objects.filter(object_id=str(innovation.pk)).latest("action_time")

    reconstruct_submitted_at(apps, "innovations", "Innovation")

    innovation.refresh_from_db()
    unknown.refresh_from_db()
    assert innovation.submitted_at == expected.action_time
    assert unknown.submitted_at is None


@pytest.mark.django_db
def test_the_data_migration_fills_every_kind_from_the_log(owner):
    supporter = make_supporter(status=Status.SUBMITTED, managers=[owner])
    space = make_space(status=Status.SUBMITTED, host=supporter)
    for obj in (supporter, space):
        LogEntry.objects.create(
            user=owner,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj),
            action_flag=CHANGE,
            change_message="Submitted for review",
        )
    migration = importlib.import_module("supporters.migrations.0004_submitted_at")

    migration.from_the_log(apps, None)

    supporter.refresh_from_db()
    space.refresh_from_db()
    assert supporter.submitted_at is not None and space.submitted_at is not None


# Decisions on the change form -----------------------------------------------------------------


@pytest.mark.django_db
def test_change_form_of_a_submission_offers_the_decisions(curator_client):
    innovation = make_innovation(status=Status.SUBMITTED)

    html = curator_client.get(change_url(innovation)).content.decode()

    assert f'action="{decide_url(innovation)}"' in html
    for decision in ("publish", "request_changes", "archive"):
        assert f'name="decision" value="{decision}"' in html
    assert "Reviewer&#x27;s checklist" in html or "Reviewer's checklist" in html
    assert '<textarea id="id_decision_note" name="note"' in html


@pytest.mark.django_db
def test_change_form_of_published_content_without_changes_offers_no_decision(curator_client):
    html = curator_client.get(change_url(make_innovation())).content.decode()

    assert 'name="decision"' not in html


@pytest.mark.django_db
def test_publishing_from_the_change_form_goes_to_the_next_item(
    curator_client, curator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    first = make_innovation(status=Status.SUBMITTED, owners=[owner], submitted_at=ago(days=3))
    following = make_space(status=Status.SUBMITTED, submitted_at=ago(days=1))
    make_innovation(status=Status.SUBMITTED, submitted_at=ago(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(decide_url(first), {"decision": "publish"})

    assert response.status_code == 302
    assert response.url == change_url(following)
    first.refresh_from_db()
    assert first.status == Status.PUBLISHED
    assert change_logged(first, curator, "Published")
    assert [mail.to for mail in mailoutbox] == [[owner.email]]


@pytest.mark.django_db
def test_the_last_decision_returns_to_the_empty_queue(curator_client):
    only = make_innovation(status=Status.SUBMITTED)

    response = curator_client.post(decide_url(only), {"decision": "archive"})

    assert response.url == admin_url("index")
    only.refresh_from_db()
    assert only.status == Status.ARCHIVED


@pytest.mark.django_db
def test_requesting_changes_needs_a_note(curator_client):
    innovation = make_innovation(status=Status.SUBMITTED)

    response = curator_client.post(decide_url(innovation), {"decision": "request_changes"})

    assert response.url == change_url(innovation)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert "Write a note" in str(messages_of(response)[0])


@pytest.mark.django_db
def test_requesting_changes_from_the_change_form_sends_the_note(
    curator_client, owner, mailoutbox, django_capture_on_commit_callbacks
):
    innovation = make_innovation(status=Status.SUBMITTED, owners=[owner])
    note = "Beschrijf wie het probleem heeft."

    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(decide_url(innovation), {"decision": "request_changes", "note": note})

    innovation.refresh_from_db()
    assert innovation.status == Status.CHANGES_REQUESTED
    assert innovation.curator_note == note
    [mail] = mailoutbox
    assert note in mail.body


@pytest.mark.django_db
def test_publishing_pending_changes_from_the_change_form(curator_client):
    innovation = make_innovation(tagline="Oud.")
    submit_changes(innovation, submitted_at=ago(days=1), tagline="Nieuw.")

    html = curator_client.get(change_url(innovation)).content.decode()
    assert "Publish the changes" in html
    curator_client.post(decide_url(innovation), {"decision": "publish"})

    innovation.refresh_from_db()
    assert innovation.tagline == "Nieuw."
    assert not Revision.objects.for_object(innovation).exists()


@pytest.mark.django_db
def test_a_refused_decision_stays_on_the_form_and_says_why(curator_client):
    draft = make_innovation(status=Status.DRAFT)

    response = curator_client.post(decide_url(draft), {"decision": "publish"})

    assert response.url == change_url(draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert "cannot go from" in str(messages_of(response)[0])


@pytest.mark.django_db
def test_decisions_are_posted_only(curator_client):
    innovation = make_innovation(status=Status.SUBMITTED)

    assert curator_client.get(decide_url(innovation)).status_code == 405
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
