"""Two owners edit the same innovation at the same time: neither silently overwrites the other.

Each step form carries what it was based on (a fingerprint per field). When someone else saved
a field in the meantime, a field this person left alone keeps the other's text; a field both
changed is not saved, and the step shows both texts until this person saves again.
"""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from hubsi.models import Revision, Status
from tests.factories import make_draft_innovation, make_innovation, make_user, verify_email

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def owners():
    sara, tom = (verify_email(make_user(f"{name}@example.org")) for name in ("sara", "tom"))
    browsers = []
    for user in (sara, tom):
        browser = Client()
        browser.force_login(user)
        browsers.append(browser)
    return browsers


def step_url(innovation, step="system"):
    return reverse("innovations:edit-innovation-step", args=[innovation.slug, step])


def based_on(page) -> str:
    html = page.content.decode()
    return unescape(re.search(r'name="based_on" value="([^"]*)"', html).group(1))


def test_both_changing_one_text_shows_both_and_saves_nothing_until_saved_again(owners):
    sara, tom = owners
    innovation = make_draft_innovation(owners=[], systemic_view="Eigenaars investeren niet.")
    innovation.owners.add(*(c.session["_auth_user_id"] for c in owners))
    sara_form = based_on(sara.get(step_url(innovation)))
    tom.post(
        step_url(innovation),
        {
            "systemic_view": "Tom: huurders kennen hun rechten niet.",
            "based_on": based_on(tom.get(step_url(innovation))),
            "action": "save",
        },
    )
    response = sara.post(
        step_url(innovation),
        {
            "systemic_view": "Sara: premies bereiken huurders niet.",
            "based_on": sara_form,
            "action": "next",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this step while you were editing" in page
    assert "Tom: huurders kennen hun rechten niet." in page  # their text, beside the field
    assert "Sara: premies bereiken huurders niet." in page  # her own text, kept in the field
    innovation.refresh_from_db()
    assert innovation.systemic_view == "Tom: huurders kennen hun rechten niet."

    # Saving again, now knowing Tom's text, is a deliberate choice: it saves.
    response = sara.post(
        step_url(innovation),
        {
            "systemic_view": "Sara en Tom: premies en rechten bereiken huurders niet.",
            "based_on": based_on(response),
            "action": "next",
        },
    )
    assert response.status_code == 302
    innovation.refresh_from_db()
    assert innovation.systemic_view == "Sara en Tom: premies en rechten bereiken huurders niet."


def test_a_field_only_the_other_owner_changed_keeps_their_text(owners):
    sara, tom = owners
    innovation = make_draft_innovation(owners=[], approach="Oud.", target_group="Huurders.")
    innovation.owners.add(*(c.session["_auth_user_id"] for c in owners))
    sara_form = based_on(sara.get(step_url(innovation, "approach")))
    tom_form = based_on(tom.get(step_url(innovation, "approach")))
    tom.post(
        step_url(innovation, "approach"),
        {
            "approach": "Tom: buurtcoaches.",
            "target_group": "Huurders.",
            "stage": "insight",
            "based_on": tom_form,
            "action": "save",
        },
    )
    # Sara changes only the target group; her form still holds the old approach.
    response = sara.post(
        step_url(innovation, "approach"),
        {
            "approach": "Oud.",
            "target_group": "Huurders in Genk.",
            "stage": "insight",
            "based_on": sara_form,
            "action": "next",
        },
    )
    assert response.status_code == 302
    innovation.refresh_from_db()
    assert innovation.approach == "Tom: buurtcoaches."
    assert innovation.target_group == "Huurders in Genk."


def test_pending_changes_of_published_content_are_protected_too(owners):
    sara, tom = owners
    innovation = make_innovation(systemic_view="Publiek.", status=Status.PUBLISHED)
    innovation.owners.add(*(c.session["_auth_user_id"] for c in owners))
    sara_form = based_on(sara.get(step_url(innovation)))
    tom.post(
        step_url(innovation),
        {
            "systemic_view": "Tom.",
            "based_on": based_on(tom.get(step_url(innovation))),
            "action": "save",
        },
    )
    response = sara.post(
        step_url(innovation), {"systemic_view": "Sara.", "based_on": sara_form, "action": "save"}
    )
    assert "Someone else changed this step while you were editing" in response.content.decode()
    assert Revision.objects.for_object(innovation).get().data["systemic_view"] == "Tom."
    innovation.refresh_from_db()
    assert innovation.systemic_view == "Publiek."  # the public version waits for review
