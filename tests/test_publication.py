"""The publication life-cycle: who may move content where, through the services only."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from hubsi import services
from hubsi.models import Status
from tests.factories import make_funding, make_innovation, make_space, make_supporter

pytestmark = pytest.mark.django_db


def test_owner_submits_a_draft(owner):
    innovation = make_innovation(status=Status.DRAFT, owners=[owner])
    services.content_submit(obj=innovation, by=owner)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert LogEntry.objects.filter(
        object_id=str(innovation.pk), change_message="Submitted for review"
    ).exists()


def test_submission_emails_the_curators(
    owner, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["curatoren@europa-wse.example"]
    innovation = make_innovation(name="Warm Wonen", status=Status.DRAFT, owners=[owner])
    with django_capture_on_commit_callbacks(execute=True):
        services.content_submit(obj=innovation, by=owner)
    assert [m.to for m in mailoutbox] == [["curatoren@europa-wse.example"]]
    assert "Warm Wonen" in mailoutbox[0].subject


def test_other_user_cannot_submit(owner, other_user):
    innovation = make_innovation(status=Status.DRAFT, owners=[owner])
    with pytest.raises(PermissionDenied):
        services.content_submit(obj=innovation, by=other_user)


def test_owner_cannot_publish(owner):
    innovation = make_innovation(status=Status.SUBMITTED, owners=[owner])
    with pytest.raises(PermissionDenied):
        services.content_publish(obj=innovation, by=owner)


def test_curator_publishes_a_submission_and_owners_are_told(
    curator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    innovation = make_innovation(name="Warm Wonen", status=Status.SUBMITTED, owners=[owner])
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=innovation, by=curator)
    innovation.refresh_from_db()
    assert innovation.status == Status.PUBLISHED
    assert innovation.published_at is not None
    assert mailoutbox[0].to == ["sara@example.org"]
    assert innovation.get_absolute_url() in mailoutbox[0].body


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.CHANGES_REQUESTED, Status.ARCHIVED, Status.PUBLISHED]
)
def test_curator_publishes_only_submissions(curator, status):
    innovation = make_innovation(status=status)
    with pytest.raises(services.TransitionNotAllowed):
        services.content_publish(obj=innovation, by=curator)


def test_request_changes_needs_a_note_and_emails_it(
    curator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    innovation = make_innovation(status=Status.SUBMITTED, owners=[owner])
    with pytest.raises(ValidationError):
        services.content_request_changes(obj=innovation, by=curator, note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.content_request_changes(obj=innovation, by=curator, note="Beschrijf de doelgroep.")
    innovation.refresh_from_db()
    assert innovation.status == Status.CHANGES_REQUESTED
    assert innovation.curator_note == "Beschrijf de doelgroep."
    assert "Beschrijf de doelgroep." in mailoutbox[0].body


def test_owner_resubmits_after_changes_requested(owner):
    innovation = make_innovation(status=Status.CHANGES_REQUESTED, owners=[owner])
    services.content_submit(obj=innovation, by=owner)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED, Status.CHANGES_REQUESTED]
)
def test_curator_archives_anything_and_restores_as_draft(curator, status):
    innovation = make_innovation(status=status, featured=status == Status.PUBLISHED)
    services.content_archive(obj=innovation, by=curator)
    innovation.refresh_from_db()
    assert (innovation.status, innovation.featured) == (Status.ARCHIVED, False)
    services.content_restore(obj=innovation, by=curator)
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT


def test_only_published_content_can_be_featured(curator):
    draft = make_innovation(status=Status.DRAFT)
    with pytest.raises(services.TransitionNotAllowed):
        services.content_feature(obj=draft, by=curator)
    published = make_innovation()
    services.content_feature(obj=published, by=curator)
    published.refresh_from_db()
    assert published.featured


def test_staff_without_curator_permissions_cannot_publish(owner):
    from tests.factories import make_user

    staff = make_user("staff@example.org", is_staff=True)
    innovation = make_innovation(status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.content_publish(obj=innovation, by=staff)


def test_space_managers_are_the_hosts_managers(owner):
    host = make_supporter(managers=[owner])
    space = make_space(host=host, status=Status.DRAFT)
    services.content_submit(obj=space, by=owner)
    space.refresh_from_db()
    assert space.status == Status.SUBMITTED


def test_curator_publishes_funding(curator):
    funding = make_funding(status=Status.SUBMITTED)
    services.content_publish(obj=funding, by=curator)
    funding.refresh_from_db()
    assert funding.status == Status.PUBLISHED


def test_curator_publishes_a_funding_draft_directly(curator, django_capture_on_commit_callbacks):
    funding = make_funding(status=Status.DRAFT)
    # After the commit the owners are mailed: funding has none (and no error either).
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=funding, by=curator)
    funding.refresh_from_db()
    assert funding.status == Status.PUBLISHED


def test_curator_cannot_publish_an_innovation_draft_that_was_not_submitted(curator):
    innovation = make_innovation(status=Status.DRAFT)
    with pytest.raises(services.TransitionNotAllowed):
        services.content_publish(obj=innovation, by=curator)
