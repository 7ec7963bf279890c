"""Curators open the owners' preview of an item in review from its change form: read-only, and
only past the admin's two-factor check. Everyone else gets what they got before (hubsi/
selfservice/views.py, PreviewView)."""

from urllib.parse import urlparse

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hubsi.models import Revision, Status
from tests.factories import make_innovation, make_space, make_user

pytestmark = pytest.mark.django_db


def preview_url(obj) -> str:
    name = (
        "supporters:preview-space"
        if obj._meta.model_name == "experimentationspace"
        else ("innovations:preview-innovation")
    )
    with translation.override("en"):
        return reverse(name, args=[obj.slug])


def change_url(obj) -> str:
    with translation.override("en"):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def sara():
    return make_user("sara@example.org")


@pytest.fixture
def submission(sara):
    return make_innovation(
        status=Status.SUBMITTED, owners=[sara], name="Warme huurders", tagline="Samen isoleren"
    )


@pytest.fixture
def lien(client, curator):
    """The curator, signed in and past the admin's two-factor check (she opened the admin)."""
    client.force_login(curator)
    assert client.get(reverse("admin:index")).status_code == 200
    return client


def test_the_change_form_of_a_submission_links_to_its_preview(lien, submission):
    html = lien.get(change_url(submission)).content.decode()

    assert f'href="{preview_url(submission)}" id="hubsi-preview-link"' in html


def test_a_curator_reads_the_preview_without_the_owners_actions(lien, submission, sara):
    response = lien.get(preview_url(submission))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Warme huurders" in html and "Samen isoleren" in html
    assert "as a curator" in html
    assert f'href="{change_url(submission)}"' in html  # back to the review
    with translation.override("en"):
        for owner_only in ("submit-innovation", "edit-innovation", "delete-innovation"):
            assert reverse(f"innovations:{owner_only}", args=[submission.slug]) not in html
    assert reverse("dashboard") not in html.split("<main", 1)[1]

    # The owner's own preview is as it was: her dashboard, her notice.
    sara_client = Client()
    sara_client.force_login(sara)
    own = sara_client.get(preview_url(submission)).content.decode()
    assert "as a curator" not in own
    assert "You will get an email when a curator has looked at it." in own


def test_the_preview_of_pending_changes_shows_them_to_the_curator(lien, sara):
    innovation = make_innovation(owners=[sara], tagline="Oude slogan")
    Revision.objects.create(
        content_type=ContentType.objects.get_for_model(innovation),
        object_id=innovation.pk,
        data={"tagline": "Nieuwe slogan"},
        submitted_at=innovation.updated_at,
    )

    html = lien.get(preview_url(innovation)).content.decode()

    assert "The owners' changes to the published version" in html
    assert "Nieuwe slogan" in html and "Oude slogan" in html


def test_a_curator_of_places_reads_a_place_in_review(lien, sara):
    space = make_space(status=Status.SUBMITTED, name="Proeftuin Genk")

    assert lien.get(preview_url(space)).status_code == 200


def test_others_get_what_they_got_before(client, submission):
    anonymous = client.get(preview_url(submission))
    assert anonymous.status_code == 302
    assert urlparse(anonymous["Location"]).path == reverse("account_login")

    koen = Client()
    koen.force_login(make_user("koen@example.org"))
    assert koen.get(preview_url(submission)).status_code == 404

    # Staff without the permission to change innovations, past two-factor or not.
    staff = Client()
    staff.force_login(make_user("staf@europa-wse.example", is_staff=True))
    assert staff.get(preview_url(submission)).status_code == 404


def test_a_curator_not_past_two_factor_gets_the_404(client, curator, submission):
    client.force_login(curator)  # signed in, but never through the admin's two-factor check

    assert client.get(preview_url(submission)).status_code == 404
