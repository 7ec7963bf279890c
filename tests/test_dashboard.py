"""The dashboard says what to do next: what is missing in each profile, what is new since the
last visit (the stored matches), funding deadlines coming, contact requests waiting, and for
supporter managers the innovations that newly fit (front/dashboard.py, docs/selfservice.md)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from connections import services as connections
from front.models import Section
from hubsi.models import Status
from tests.factories import (
    make_draft_innovation,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)
from tests.factories import (
    make_stored_match as match,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = datetime.date.today()
LONG_VIEW = "Huurders wonen in slecht geïsoleerde woningen. " * 5


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


def dashboard(client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def came_before(user, days=1):
    """Her last visit was `days` ago: what was found after it is new."""
    User.objects.filter(pk=user.pk).update(
        dashboard_seen_at=timezone.now() - datetime.timedelta(days=days)
    )


def step_url(obj, namespace, kind, step):
    return reverse(f"{namespace}:edit-{kind}-step", args=[obj.slug, step])


# What is missing ------------------------------------------------------------------------------


def test_a_published_innovation_lists_what_is_missing_with_links_to_the_steps(client, sara):
    innovation = make_innovation(
        owners=[sara], name="Warm Wonen", systemic_view="Te weinig isolatie.", regions=["limburg"]
    )
    html = dashboard(client)
    assert "To add to the profile" in html
    assert "The system around the problem is described in a few words" in html
    assert step_url(innovation, "innovations", "innovation", "system") in html
    assert "Say what support you need" in html
    assert step_url(innovation, "innovations", "innovation", "partnership") in html
    assert "Add the regions where you work" not in html  # it has a region


def test_a_complete_profile_has_nothing_to_add(client, sara):
    make_innovation(
        owners=[sara],
        systemic_view=LONG_VIEW,
        regions=["limburg"],
        needs=["coaching"],
        wanted_roles=["government"],
        impact="Veertig gezinnen besparen samen.",
    )
    assert "To add to the profile" not in dashboard(client)


def test_a_draft_leaves_its_open_steps_to_what_to_do_next(client, sara):
    draft = make_draft_innovation(owners=[sara], systemic_view="", needs=[])
    html = dashboard(client)
    assert "Continue with step 2: The system around it" in html
    assert "Describe the system around the problem" not in html  # step 2 is the next step
    assert "Say what support you need" in html  # a later, complete step misses an answer
    assert step_url(draft, "innovations", "innovation", "partnership") in html


def test_a_published_profile_lists_even_what_its_steps_require(client, sara):
    supporter = make_supporter(managers=[sara], offers=[], regions=["limburg"])
    html = dashboard(client)
    assert "Choose the kinds of support you offer" in html
    assert step_url(supporter, "supporters", "supporter", "offer") in html


def test_supporter_profiles_places_and_offers_have_their_own_checks(client, sara):
    supporter = make_supporter(managers=[sara], offers=["coaching"], regions=["limburg"])
    space = make_space(host=supporter, name="Proefwoning")
    make_learning_offer(provider=supporter, stages=["insight"])
    html = dashboard(client)
    assert "Choose the challenges you work on" in html
    assert step_url(supporter, "supporters", "supporter", "offer") in html
    assert "Choose the kinds of support you offer" not in html
    assert "Describe the facilities of the place." in html
    assert step_url(space, "supporters", "space", "place") in html
    assert "Say who it is for." in html
    assert "Say for which stages of an innovation it is." not in html


def test_pending_changes_count_as_what_the_owner_sees(client, sara):
    from hubsi.models import Revision

    innovation = make_innovation(owners=[sara], systemic_view=LONG_VIEW, regions=["limburg"])
    Revision.objects.create(content_object=innovation, data={"needs": ["coaching"]})
    html = dashboard(client)
    assert "Say what support you need" not in html
    assert "Say which partners you are looking for." in html


# New since the last visit ---------------------------------------------------------------------


def test_the_first_visit_shows_deadlines_but_nothing_new(client, sara):
    innovation = make_innovation(owners=[sara], name="Warm Wonen")
    soon = make_funding(name="Oproep Warme Wijken", deadline=TODAY + datetime.timedelta(days=10))
    later = make_funding(name="Oproep Later", deadline=TODAY + datetime.timedelta(days=45))
    match(innovation, Section.FUNDING, soon)
    match(innovation, Section.FUNDING, later, rank=2)
    match(innovation, Section.SUPPORTERS, make_supporter(name="Energiehuis"))

    html = dashboard(client)
    assert "Funding deadlines in the next 30 days" in html
    assert "Oproep Warme Wijken" in html and soon.get_absolute_url() in html
    assert "Oproep Later" not in html
    assert "New since your last visit" not in html and "Energiehuis" not in html
    assert User.objects.get(pk=sara.pk).dashboard_seen_at is not None


def test_matches_found_since_the_last_visit_are_new(client, sara):
    innovation = make_innovation(owners=[sara], name="Warm Wonen")
    came_before(sara, days=2)
    long_ago = timezone.now() - datetime.timedelta(days=5)
    host = make_supporter(name="Energiehuis Limburg")
    match(innovation, Section.SUPPORTERS, host)
    match(innovation, Section.PARTNERS, host)  # the same supporter: listed once
    match(innovation, Section.SPACES, make_space(host=host, name="Proefwoning Genk"))
    match(innovation, Section.FUNDING, make_funding(name="Fonds Nieuw"))
    match(innovation, Section.LEARNING, make_learning_offer(name="Leren co-creëren"))
    match(
        innovation,
        Section.SUPPORTERS,
        make_supporter(name="Oude Bekende"),
        rank=2,
        found_at=long_ago,
    )
    # Never shown: unpublished, closed or past suggestions the table still holds.
    match(
        innovation,
        Section.SUPPORTERS,
        make_supporter(name="Verborgen Kring", status=Status.DRAFT),
        rank=3,
    )
    match(
        innovation,
        Section.FUNDING,
        make_funding(name="Gesloten Oproep", deadline=TODAY - datetime.timedelta(days=1)),
        rank=2,
    )
    match(
        innovation,
        Section.LEARNING,
        make_learning_offer(
            name="Voorbij Traject",
            start_date=TODAY - datetime.timedelta(days=9),
            end_date=TODAY - datetime.timedelta(days=8),
        ),
        rank=2,
    )

    html = dashboard(client)
    assert "New since your last visit" in html
    for name in ["Energiehuis Limburg", "Proefwoning Genk", "Fonds Nieuw", "Leren co-creëren"]:
        assert name in html
    assert html.count(">Energiehuis Limburg</a>") == 1
    assert "Supporter: " in html and "Experimentation place: " in html
    for name in ["Oude Bekende", "Verborgen Kring", "Gesloten Oproep", "Voorbij Traject"]:
        assert name not in html
    # The next visit starts from this one: nothing is new any more.
    assert "New since your last visit" not in dashboard(client)


def test_a_draft_innovation_shows_no_matches(client, sara):
    draft = make_draft_innovation(owners=[sara])
    came_before(sara)
    match(draft, Section.SUPPORTERS, make_supporter(name="Energiehuis"))
    assert "Energiehuis" not in dashboard(client)


def test_someone_elses_matches_are_not_hers(client, sara):
    make_innovation(owners=[sara])
    came_before(sara)
    match(make_innovation(name="Van Koen"), Section.FUNDING, make_funding(name="Fonds Koen"))
    assert "Fonds Koen" not in dashboard(client)


# Contact requests and supporter managers ------------------------------------------------------


def test_contact_requests_waiting_for_an_answer_link_to_the_answer(client, sara):
    innovation = make_innovation(owners=[sara], name="Warm Wonen")
    koen = verify_email(make_user("koen@example.org"))
    request = connections.contact_request_send(sender=koen, target=innovation, message="Hallo!")
    html = dashboard(client)
    assert "1 contact request is waiting for your answer" in html
    assert reverse("connections:contact-request-detail", args=[request.pk]) in html

    supporter = make_supporter(managers=[sara], name="Energiehuis")
    for email in ["an@example.org", "bo@example.org"]:
        connections.contact_request_send(
            sender=verify_email(make_user(email)), target=supporter, message="Dag!"
        )
    html = dashboard(client)
    assert "2 contact requests are waiting for your answer" in html
    assert 'href="#contact-requests-heading"' in html


def test_supporter_managers_see_innovations_that_newly_fit(client, sara):
    supporter = make_supporter(managers=[sara], name="Energiehuis", challenges=[])
    came_before(sara)
    match(make_innovation(name="Buurtbatterij Genk"), Section.SUPPORTERS, supporter)
    match(make_innovation(name="Zoekt Partners"), Section.PARTNERS, supporter)
    match(
        make_innovation(name="Nog Geen Nieuws"),
        Section.SUPPORTERS,
        supporter,
        found_at=timezone.now() - datetime.timedelta(days=3),
    )
    match(
        make_innovation(name="Nog Een Ontwerp", status=Status.DRAFT), Section.SUPPORTERS, supporter
    )
    match(make_innovation(name="Voor Een Ander"), Section.SUPPORTERS, make_supporter())

    html = dashboard(client)
    assert "Innovations that newly fit what you offer" in html
    assert "Buurtbatterij Genk" in html and "Zoekt Partners" in html
    for name in ["Nog Geen Nieuws", "Nog Een Ontwerp", "Voor Een Ander"]:
        assert name not in html
