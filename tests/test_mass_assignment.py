"""Posting fields a form does not offer (owner, status, featured, slug) changes nothing.

Every self-service form that writes content is tried: the first step of a new innovation,
supporter profile and place, every later step, and the submission. Each POST carries, next to
the form's own fields, the fields that only curators or the platform set; afterwards those are
exactly as before, and published content's pending changes hold only the step's own fields.
"""

import pytest
from django.urls import reverse

from hubsi.models import Revision, Status
from supporters.models import ExperimentationSpace
from tests.factories import (
    make_challenge,
    make_draft_innovation,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)

pytestmark = pytest.mark.django_db

SMUGGLED = {
    "status": Status.PUBLISHED,
    "featured": "on",
    "published_at": "2020-01-01T00:00:00Z",
    "created_at": "2020-01-01T00:00:00Z",
    "owners": "999",
    "slug": "hijacked",
    "curator_note": "<script>alert(1)</script>",
    "staff_content": "on",
    "search_vector": "hijacked",
    "id": "999",
    "pk": "999",
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
    client.post(
        reverse("innovations:edit-innovation-step", args=[slug, step]),
        {"action": "save", **SMUGGLED},
    )
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT
    assert innovation.featured is False and innovation.published_at is None
    assert innovation.slug == slug and innovation.curator_note == ""
    assert list(innovation.owners.all()) == [sara]


# Supporter profiles and places (supporters/selfservice.py) ---------------------------------

# On top of SMUGGLED: who manages a profile, which organisation hosts a place.
MANAGERS = {"managers": "999", "host": "999"}

SUPPORTER_STEPS = {
    "organisation": {
        "name": "Energiehuis Genk",
        "helix_role": "civil_society",
        "description": "Wij begeleiden bewonerscollectieven bij energieprojecten.",
    },
    "offer": {"offers": ["coaching"], "regions": ["limburg"]},
}
SPACE_STEPS = {
    "place": {
        "name": "Proefwoning Winterslag",
        "description": "Een woning waar renovaties met bewoners getest worden.",
        "municipality": "Genk",
        "region": "limburg",
    },
    "access": {"access": "Op aanvraag, gratis voor bewoners."},
}


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


@pytest.fixture
def koen():
    """Someone else, with a profile and a place of his own."""
    user = verify_email(make_user("koen@example.org"))
    make_space(host=make_supporter(managers=[user]), slug="koens-plek")
    return user


def smuggled(koen) -> dict:
    """Every field no form offers, pointing at Koen and his organisation where it names one."""
    return {
        **SMUGGLED,
        "owners": str(koen.pk),
        "managers": str(koen.pk),
        "host": str(koen.supporters.get().pk),
    }


def curated_fields(obj) -> dict:
    """What only curators or the platform set, as stored now."""
    obj.refresh_from_db()
    fields = {
        name: getattr(obj, name)
        for name in ("status", "featured", "published_at", "created_at", "slug", "curator_note")
    }
    fields["pk"] = obj.pk
    # Who owns it: the managers of a profile, or the host of a place (and so its managers).
    fields["owners"] = sorted(obj.owner_users().values_list("pk", flat=True))
    fields["host"] = getattr(obj, "host_id", None)
    return fields


def draft_supporter(sara, status=Status.DRAFT):
    return make_supporter(managers=[sara], status=status, offers=["coaching"], regions=["limburg"])


def draft_space(sara, status=Status.DRAFT):
    return make_space(host=draft_supporter(sara), status=status, access="Op aanvraag.")


def test_a_new_supporter_profile_ignores_smuggled_fields(client, sara, koen):
    response = client.post(
        reverse("supporters:new-supporter"),
        {**SUPPORTER_STEPS["organisation"], "action": "next", **smuggled(koen)},
    )
    assert response.status_code == 302
    supporter = sara.supporters.get()
    assert supporter.status == Status.DRAFT
    assert supporter.featured is False and supporter.published_at is None
    assert supporter.slug != "hijacked" and supporter.curator_note == ""
    assert list(supporter.managers.all()) == [sara]
    assert koen.supporters.count() == 1  # Koen's own, untouched


def test_a_new_place_ignores_smuggled_fields_and_a_host_sara_does_not_manage(client, sara, koen):
    host = draft_supporter(sara)
    data = {**SPACE_STEPS["place"], "action": "next", **smuggled(koen)}
    # The form offers a host: Sara may only choose among her own organisations.
    response = client.post(reverse("supporters:new-space"), data)
    assert response.status_code == 200  # the form again, with an error on the host
    assert not ExperimentationSpace.objects.filter(host=host).exists()

    response = client.post(reverse("supporters:new-space"), {**data, "host": host.pk})

    assert response.status_code == 302
    space = ExperimentationSpace.objects.get(host=host)
    assert space.status == Status.DRAFT
    assert space.featured is False and space.published_at is None
    assert space.slug not in ("hijacked", "koens-plek") and space.curator_note == ""
    assert ExperimentationSpace.objects.filter(host__managers=koen).count() == 1


@pytest.mark.parametrize("step", SUPPORTER_STEPS)
@pytest.mark.parametrize("action", ["save", "next"])
def test_every_supporter_step_ignores_smuggled_fields(client, sara, koen, step, action):
    supporter = draft_supporter(sara)
    before = curated_fields(supporter)

    response = client.post(
        reverse("supporters:edit-supporter-step", args=[supporter.slug, step]),
        {**SUPPORTER_STEPS[step], "action": action, **smuggled(koen)},
    )

    assert response.status_code == 302  # saved: the smuggled fields were not even an error
    assert curated_fields(supporter) == before


@pytest.mark.parametrize("step", SPACE_STEPS)
@pytest.mark.parametrize("action", ["save", "next"])
def test_every_place_step_ignores_smuggled_fields(client, sara, koen, step, action):
    space = draft_space(sara)
    before = curated_fields(space)

    response = client.post(
        reverse("supporters:edit-space-step", args=[space.slug, step]),
        {**SPACE_STEPS[step], "action": action, **smuggled(koen)},
    )

    assert response.status_code == 302
    assert curated_fields(space) == before


@pytest.mark.parametrize(
    ("kind", "url_name", "steps"),
    [
        ("supporter", "supporters:edit-supporter-step", SUPPORTER_STEPS),
        ("space", "supporters:edit-space-step", SPACE_STEPS),
    ],
)
def test_pending_changes_of_published_content_hold_only_the_steps_fields(
    client, sara, koen, kind, url_name, steps
):
    """Published content changes only after review: what waits for the curators is the step's
    own fields, never a status, a manager or a host."""
    obj = (draft_supporter if kind == "supporter" else draft_space)(sara, Status.PUBLISHED)
    before = curated_fields(obj)

    for step, data in steps.items():
        changed = {**data, "name": "Nieuwe naam"} if "name" in data else data
        client.post(
            reverse(url_name, args=[obj.slug, step]),
            {**changed, "action": "save", **smuggled(koen)},
        )

    assert curated_fields(obj) == before
    pending = Revision.objects.for_object(obj).get().data
    offered = {name for data in steps.values() for name in data} | {"logo", "website"}
    assert pending and set(pending) <= offered, pending


@pytest.mark.parametrize("kind", ["innovation", "supporter", "space"])
def test_submitting_ignores_smuggled_fields(client, sara, koen, kind):
    """Submitting moves a draft to "submitted", and nothing else."""
    if kind == "innovation":
        obj = make_draft_innovation(owners=[sara])
        url = reverse("innovations:submit-innovation", args=[obj.slug])
    elif kind == "supporter":
        obj = draft_supporter(sara)
        url = reverse("supporters:submit-supporter", args=[obj.slug])
    else:
        obj = draft_space(sara)
        url = reverse("supporters:submit-space", args=[obj.slug])
    before = curated_fields(obj)
    owners = list(obj.owners.all()) if kind == "innovation" else None

    response = client.post(url, {"may_publish": "on", "accepts_terms": "on", **smuggled(koen)})

    assert response.status_code == 302
    after = curated_fields(obj)
    assert after.pop("status") == Status.SUBMITTED
    before.pop("status")
    assert after == before
    if owners is not None:
        assert list(obj.owners.all()) == owners
