"""Posting fields a form does not offer (owner, status, featured, slug) changes nothing."""

import pytest
from django.urls import reverse

from hubsi.models import Status
from tests.factories import make_challenge, make_draft_innovation, make_user, verify_email

pytestmark = pytest.mark.django_db

SMUGGLED = {
    "status": Status.PUBLISHED,
    "featured": "on",
    "published_at": "2020-01-01T00:00:00Z",
    "owners": "999",
    "slug": "hijacked",
    "curator_note": "<script>alert(1)</script>",
}


def test_a_new_innovation_ignores_smuggled_fields(client):
    sara = verify_email(make_user("sara@example.org"))
    client.force_login(sara)
    challenge = make_challenge()
    response = client.post(
        reverse("innovations:new-innovation"),
        {
            "name": "Warm Wonen Genk",
            "language": "nl",
            "problem": "Huurders in Genk betalen te veel voor energie.",
            "challenges": [challenge.pk],
            "action": "next",
            **SMUGGLED,
        },
    )
    assert response.status_code == 302
    innovation = sara.innovations.get()
    assert innovation.status == Status.DRAFT
    assert innovation.featured is False and innovation.published_at is None
    assert innovation.slug != "hijacked" and innovation.curator_note == ""
    assert list(innovation.owners.all()) == [sara]


@pytest.mark.parametrize("step", ["problem", "system", "approach", "partnership", "practical"])
def test_every_step_ignores_smuggled_fields(client, step):
    sara = verify_email(make_user("sara@example.org"))
    client.force_login(sara)
    innovation = make_draft_innovation(owners=[sara])
    slug = innovation.slug
    client.post(reverse("innovations:edit-step", args=[slug, step]), {"action": "save", **SMUGGLED})
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT
    assert innovation.featured is False and innovation.published_at is None
    assert innovation.slug == slug and innovation.curator_note == ""
    assert list(innovation.owners.all()) == [sara]
