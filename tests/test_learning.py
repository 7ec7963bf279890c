"""Learning offers (learning/): the list with its filters and order, the detail page, the
iCalendar feed, and the self-service flow of a provider. Past, unpublished and unpublished
providers' offers never reach a list, a search, a feed, a count or the sitemap."""

import datetime
from decimal import Decimal

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from hubsi import services
from hubsi.models import Revision, Status
from learning.models import LearningOffer
from tests.factories import (
    make_challenge,
    make_learning_offer,
    make_space,
    make_supporter,
    make_theme,
    make_user,
    verify_email,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def days(n: int) -> datetime.date:
    return TODAY + n * DAY


def listed(client, query: str = "") -> list[str]:
    response = client.get(reverse("learning:offer-list") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return [offer.name for offer in response.context["object_list"]]


# Timing follows from the dates ------------------------------------------------------------


def test_upcoming_running_and_past_follow_from_the_dates():
    running = make_learning_offer(name="Running", start_date=days(-2), end_date=days(3))
    today_only = make_learning_offer(name="Today", start_date=TODAY)
    upcoming = make_learning_offer(name="Upcoming", start_date=days(5))
    past = make_learning_offer(name="Past", start_date=days(-9), end_date=days(-1))
    yesterday = make_learning_offer(name="Yesterday", start_date=days(-1))
    self_paced = make_learning_offer(name="Self-paced")
    offers = LearningOffer.objects.all()
    assert set(offers.running()) == {running, today_only}
    assert set(offers.upcoming()) == {upcoming}
    assert set(offers.past()) == {past, yesterday}
    assert set(offers.current()) == {running, today_only, upcoming, self_paced}
    assert [o.timing for o in (running, upcoming, past, self_paced)] == [
        "running",
        "upcoming",
        "past",
        "self_paced",
    ]


def test_today_is_judged_in_the_platform_time_zone(settings):
    # 23:30 UTC on 31 March is already 1 April in Brussels (summer time).
    offer = make_learning_offer(start_date=datetime.date(2027, 3, 31))
    late = datetime.datetime(2027, 3, 31, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("Europe/Brussels"):
        on = timezone.localdate(late)
    assert on == datetime.date(2027, 4, 1)
    assert list(LearningOffer.objects.past(on)) == [offer]


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_published_current_offers_only(client):
    make_learning_offer(name="Published", start_date=days(3))
    make_learning_offer(name="Draft", status=Status.DRAFT, start_date=days(3))
    make_learning_offer(name="Submitted", status=Status.SUBMITTED, start_date=days(3))
    make_learning_offer(name="Archived", status=Status.ARCHIVED)
    make_learning_offer(name="Over", start_date=days(-3))
    hidden_provider = make_supporter(status=Status.DRAFT)
    make_learning_offer(name="Unpublished provider", provider=hidden_provider)
    assert listed(client) == ["Published"]
    assert listed(client, "past=1") == ["Published", "Over"]


def test_running_and_upcoming_come_by_start_date_then_self_paced(client):
    make_learning_offer(name="Self-paced course", format="course")
    make_learning_offer(name="Later", start_date=days(30))
    make_learning_offer(name="Running", start_date=days(-5), end_date=days(5))
    make_learning_offer(name="Soon", start_date=days(2))
    make_learning_offer(name="Old", start_date=days(-40))
    make_learning_offer(name="Older", start_date=days(-80))
    assert listed(client) == ["Running", "Soon", "Later", "Self-paced course"]
    # Past ones after the rest, the latest first.
    assert listed(client, "past=1")[-2:] == ["Old", "Older"]


def test_filters_narrow_the_list_and_the_facets_count_what_a_click_gives(client):
    theme = make_theme(slug="work")
    challenge = make_challenge(theme, slug="long-term-unemployment")
    make_learning_offer(
        name="Scaling abroad",
        competences=["scaling", "business_model"],
        format="programme",
        regions=["flanders"],
        audiences=["civil_society"],
        stages=["scaling"],
        price=Decimal("450.00"),
    )
    make_learning_offer(
        name="Co-creation online",
        competences=["co_creation"],
        format="course",
        online=True,
        regions=["limburg"],
        audiences=["citizen"],
        challenges=[challenge],
    )
    make_learning_offer(name="Intervision", competences=["leadership"], format="peer_learning")
    assert listed(client, "competence=scaling") == ["Scaling abroad"]
    assert listed(client, "format=course&format=peer_learning") == [
        "Co-creation online",
        "Intervision",
    ]
    assert listed(client, "online=1") == ["Co-creation online"]
    assert listed(client, "free=1") == ["Co-creation online", "Intervision"]
    # Limburg also finds what is for all of Flanders.
    assert listed(client, "region=limburg") == ["Co-creation online", "Scaling abroad"]
    assert listed(client, "role=citizen") == ["Co-creation online"]
    assert listed(client, "stage=scaling") == ["Scaling abroad"]
    assert listed(client, f"theme={theme.slug}") == ["Co-creation online"]
    assert listed(client, f"challenge={challenge.slug}") == ["Co-creation online"]
    response = client.get(reverse("learning:offer-list") + "?free=1&sort=date")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    counts = {o["value"]: o["count"] for o in facets["format"]["options"]}
    assert counts["course"] == 1 and counts["peer_learning"] == 1 and counts["programme"] == 0
    assert facets["free"]["options"][0]["count"] == 2
    html = response.content.decode()
    assert "2 results" in html


def test_past_offers_are_not_counted_in_the_facets(client):
    make_learning_offer(format="workshop", start_date=days(-10))
    make_learning_offer(format="workshop", start_date=days(10))
    response = client.get(reverse("learning:offer-list"))
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    counts = {o["value"]: o["count"] for o in facets["format"]["options"]}
    assert counts["workshop"] == 1


def test_the_text_search_narrows_the_list(client):
    make_learning_offer(name="Internationaal schalen", description="Naar Nederland en verder.")
    make_learning_offer(name="Intrapreneurship", description="Binnen je organisatie.")
    assert listed(client, "q=schalen") == ["Internationaal schalen"]


@pytest.mark.parametrize(
    "query",
    [
        "competence=nonsense",
        "format=%00",
        "past=yes&past=2",
        "free=0&online=maybe",
        "sort=price",
        "page=999",
        "page=-1",
        "region=mars&role=<script>",
        "q=" + "x" * 5000,
    ],
)
def test_hostile_filter_values_never_fail(client, query):
    make_learning_offer()
    response = client.get(reverse("learning:offer-list") + "?" + query)
    assert response.status_code == 200
    calendar = client.get(reverse("learning:offer-calendar") + "?" + query)
    assert calendar.status_code == 200


def test_unknown_values_are_named_on_the_page(client):
    html = client.get(reverse("learning:offer-list") + "?competence=juggling").content.decode()
    assert "competence=juggling" in html and "not recognised" in html


# The detail page --------------------------------------------------------------------------


def test_the_detail_shows_dates_price_audience_place_and_a_call_to_register(client):
    provider = make_supporter(name="Hogeschool PXL")
    space = make_space(host=provider, name="Living lab Genk")
    offer = make_learning_offer(
        provider=provider,
        name="Co-creatie in de praktijk",
        language="nl",
        space=space,
        location="Genk",
        start_date=datetime.date(2030, 3, 5),
        end_date=datetime.date(2030, 3, 6),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 0),
        registration_deadline=datetime.date(2030, 2, 20),
        price=Decimal("120.00"),
        price_note="Gratis voor burgercollectieven.",
        audiences=["citizen", "civil_society"],
        registration_url="https://pxl.example/inschrijven",
    )
    html = client.get(offer.get_absolute_url()).content.decode()
    assert '<h1 lang="nl">Co-creatie in de praktijk</h1>' in html
    assert "5 March 2030 to 6 March 2030, 09:30 to 16:00" in html
    assert "€ 120" in html and "Gratis voor burgercollectieven." in html
    assert "Civil society organisation, Citizen or citizens&#x27; collective" in html
    assert f'href="{space.get_absolute_url()}"' in html
    assert f'href="{provider.get_absolute_url()}"' in html
    assert 'href="https://pxl.example/inschrijven"' in html
    assert "Register on the website of Hogeschool PXL" in html
    assert "Register by 20 February 2030." in html


def test_a_past_offer_keeps_its_page_without_a_registration_call(client):
    offer = make_learning_offer(start_date=days(-3))
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "This offer has taken place" in html
    assert "Register on the website" not in html


def test_a_self_paced_free_offer_says_so(client):
    offer = make_learning_offer(format="course")
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Self-paced: start when you want" in html and "Free" in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.ARCHIVED])
def test_an_unpublished_offer_has_no_page(client, status):
    offer = make_learning_offer(status=status)
    assert client.get(offer.get_absolute_url()).status_code == 404


def test_an_offer_of_an_unpublished_provider_has_no_page(client):
    offer = make_learning_offer(provider=make_supporter(status=Status.ARCHIVED))
    assert client.get(offer.get_absolute_url()).status_code == 404


# The iCalendar feed -----------------------------------------------------------------------


def calendar_events(client, query: str = "") -> dict:
    response = client.get(reverse("learning:offer-calendar") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_every_current_dated_offer_as_an_event(client, settings):
    settings.SITE_URL = "https://hubsi.example"
    timed = make_learning_offer(
        name="Timed",
        start_date=datetime.date(2030, 3, 5),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
    )
    make_learning_offer(
        name="All day", start_date=datetime.date(2030, 4, 1), end_date=datetime.date(2030, 4, 3)
    )
    make_learning_offer(name="Self-paced")
    make_learning_offer(name="Past", start_date=days(-2))
    make_learning_offer(name="Draft", status=Status.DRAFT, start_date=days(2))
    events = calendar_events(client)
    assert set(events) == {"Timed", "All day"}
    event = events["Timed"]
    assert event["UID"] == f"learning-offer-{timed.pk}@hubsi.example"
    assert event["DTSTAMP"]
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(
        2030, 3, 5, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    assert str(start.tzinfo) == "Europe/Brussels"
    assert event.decoded("DTEND").hour == 12
    assert str(event["URL"]) == "https://hubsi.example" + timed.get_absolute_url()
    all_day = events["All day"]
    # All-day dates: DTEND is the day after the last day (RFC 5545).
    assert all_day.decoded("DTSTART") == datetime.date(2030, 4, 1)
    assert all_day.decoded("DTEND") == datetime.date(2030, 4, 4)


def test_the_calendar_takes_the_list_filters(client):
    make_learning_offer(name="Online", online=True, start_date=days(4))
    make_learning_offer(name="On site", start_date=days(4), competences=["policy"])
    assert set(calendar_events(client, "online=1")) == {"Online"}
    assert set(calendar_events(client, "competence=policy")) == {"On site"}
    # Past offers stay out, even when the list's `past=1` is passed on.
    make_learning_offer(name="Past", start_date=days(-4), online=True)
    assert set(calendar_events(client, "online=1&past=1")) == {"Online"}


def test_the_list_links_its_calendar_with_its_filters(client):
    html = client.get(reverse("learning:offer-list") + "?online=1").content.decode()
    assert f'href="{reverse("learning:offer-calendar")}?online=1"' in html
    assert 'rel="alternate" type="text/calendar"' in html


# Everywhere the kinds appear -------------------------------------------------------------


def test_search_finds_published_current_offers_only(client):
    make_learning_offer(name="Systeemdenken voor starters", start_date=days(3))
    make_learning_offer(name="Systeemdenken vorig jaar", start_date=days(-300))
    make_learning_offer(name="Systeemdenken concept", status=Status.DRAFT)
    response = client.get(reverse("search") + "?q=systeemdenken")
    groups = {str(g["label"]): g for g in response.context["groups"]}
    group = groups["Learning offers"]
    assert group["count"] == 1
    assert [item.name for item in group["items"]] == ["Systeemdenken voor starters"]


def test_the_challenge_hub_lists_its_current_offers(client):
    challenge = make_challenge()
    make_learning_offer(name="About it", challenges=[challenge], start_date=days(3))
    make_learning_offer(name="Past", challenges=[challenge], start_date=days(-3))
    make_learning_offer(name="Elsewhere", start_date=days(3))
    response = client.get(challenge.get_absolute_url())
    assert [o.name for o in response.context["learning"]] == ["About it"]
    assert response.context["learning_count"] == 1
    assert "About it" in response.content.decode()


def test_the_home_page_announces_upcoming_offers(client):
    make_learning_offer(name="Upcoming workshop", start_date=days(6))
    make_learning_offer(name="Past workshop", start_date=days(-6))
    make_learning_offer(name="Self-paced course")
    html = client.get(reverse("home")).content.decode()
    assert "Upcoming workshop" in html
    assert "Past workshop" not in html and "Self-paced course" not in html


def test_the_sitemap_lists_current_published_offers(client):
    current = make_learning_offer(start_date=days(3))
    past = make_learning_offer(start_date=days(-3))
    draft = make_learning_offer(status=Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert current.get_absolute_url() in xml and reverse("learning:offer-list") in xml
    assert past.get_absolute_url() not in xml and draft.get_absolute_url() not in xml


def test_a_saved_search_of_learning_offers_gets_new_current_ones(client):
    from connections import services as connections_services
    from connections.digests import new_matches

    koen = verify_email(make_user("koen@example.org"))
    saved = connections_services.saved_search_create(
        user=koen, name="Online", list_kind="learning", query="online=1"
    )
    since = timezone.now() - datetime.timedelta(hours=1)
    make_learning_offer(name="Online soon", online=True, start_date=days(3))
    make_learning_offer(name="Online past", online=True, start_date=days(-3))
    make_learning_offer(name="On site", start_date=days(3))
    items, count = new_matches(saved, since, timezone.now())
    assert count == 1 and [item.name for item in items] == ["Online soon"]
    html = client.get(reverse("learning:offer-list") + "?online=1").content.decode()
    assert "list=learning&amp;online=1" in html  # "Save this search"


# Self-service: a provider adds and edits offers -------------------------------------------


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


def offer_step(provider=None, **overrides):
    data = {
        "name": "Internationaal schalen",
        "language": "nl",
        "format": "programme",
        "description": "Een traject van drie maanden om je innovatie over de grens te brengen.",
        "competences": ["scaling", "partnerships"],
        "audiences": ["civil_society"],
        "stages": ["scaling"],
        "action": "next",
        **overrides,
    }
    if provider is not None:
        data["provider"] = provider.pk
    return data


def practical_step(**overrides):
    return {
        "start_date": "2030-09-15",
        "end_date": "2030-12-15",
        "regions": ["flanders"],
        "price": "250",
        "price_note": "Halve prijs voor burgercollectieven.",
        "registration_url": "https://www.example.org/schalen",
        "action": "next",
        **overrides,
    }


def test_a_new_offer_needs_a_published_organisation_profile(client, sara):
    make_supporter(managers=[sara], status=Status.DRAFT)
    html = client.get(reverse("learning:new-offer")).content.decode()
    assert "published profile" in html
    assert LearningOffer.objects.count() == 0


def test_a_provider_adds_an_offer_in_two_steps_and_submits_it(
    client, sara, curator, mailoutbox, django_capture_on_commit_callbacks
):
    provider = make_supporter(managers=[sara], name="Sociale Innovatiefabriek")
    other = make_supporter(name="Someone else's")
    # Someone else's organisation cannot be chosen.
    response = client.post(reverse("learning:new-offer"), offer_step(other))
    assert response.status_code == 200 and LearningOffer.objects.count() == 0
    response = client.post(reverse("learning:new-offer"), offer_step(provider))
    offer = LearningOffer.objects.get()
    assert (offer.provider, offer.status) == (provider, Status.DRAFT)
    assert response["Location"] == reverse(
        "learning:edit-offer-step", args=[offer.slug, "practical"]
    )
    # The end before the start is refused at the field; the rest is kept.
    client.post(
        reverse("learning:edit-offer-step", args=[offer.slug, "practical"]),
        practical_step(end_date="2030-09-01"),
    )
    offer.refresh_from_db()
    assert offer.end_date is None and offer.price == Decimal("250")
    response = client.post(
        reverse("learning:edit-offer-step", args=[offer.slug, "practical"]), practical_step()
    )
    assert response["Location"] == reverse("learning:preview-offer", args=[offer.slug])
    preview = client.get(response["Location"]).content.decode()
    assert "15 September 2030 to 15 December 2030" in preview and "€ 250" in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learning:submit-offer", args=[offer.slug]),
            {"may_publish": "on", "accepts_terms": "on"},
        )
    offer.refresh_from_db()
    assert offer.status == Status.SUBMITTED
    assert client.get(offer.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=offer, by=curator)
    assert client.get(offer.get_absolute_url()).status_code == 200
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Your learning offers" in dashboard and "Internationaal schalen" in dashboard


def test_edits_to_a_published_offer_wait_for_review(
    client, sara, curator, django_capture_on_commit_callbacks
):
    provider = make_supporter(managers=[sara])
    offer = make_learning_offer(
        provider=provider,
        start_date=datetime.date(2030, 9, 15),
        price=Decimal("250"),
        regions=["flanders"],
    )
    client.post(
        reverse("learning:edit-offer-step", args=[offer.slug, "practical"]),
        practical_step(start_date="2030-10-01", end_date="", price="99.50"),
    )
    offer.refresh_from_db()
    assert offer.start_date == datetime.date(2030, 9, 15)  # the public version stays
    revision = Revision.objects.for_object(offer).get()
    assert revision.data["start_date"] == "2030-10-01" and revision.data["price"] == "99.50"
    preview = client.get(reverse("learning:preview-offer", args=[offer.slug])).content.decode()
    assert "Your changes to the published version" in preview and "1 October 2030" in preview
    client.post(
        reverse("learning:submit-offer", args=[offer.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(obj=offer, by=curator)
    offer.refresh_from_db()
    assert (offer.start_date, offer.price) == (datetime.date(2030, 10, 1), Decimal("99.50"))


# Matching --------------------------------------------------------------------------------


def test_an_innovation_gets_fitting_offers_explained():
    from front.learning_matches import learning_for
    from tests.factories import make_innovation

    challenge = make_challenge(name_en="Loneliness among the elderly")
    innovation = make_innovation(
        stage="scaling", needs=["scaling"], regions=["limburg"], challenges=[challenge]
    )
    best = make_learning_offer(
        name="Internationaal schalen",
        stages=["scaling"],
        competences=["scaling"],
        regions=["flanders"],
        start_date=days(10),
    )
    online = make_learning_offer(
        name="Online course",
        challenges=[challenge],
        regions=["west_flanders"],
        online=True,
        start_date=days(20),
    )
    make_learning_offer(name="Elsewhere", stages=["scaling"], regions=["west_flanders"])
    make_learning_offer(name="Past", stages=["scaling"], start_date=days(-5))
    make_learning_offer(name="Draft", stages=["scaling"], status=Status.DRAFT)
    make_learning_offer(name="Unrelated", stages=["awareness"], competences=["digital"])
    matches = learning_for(innovation)
    assert [m.obj for m in matches] == [best, online]
    assert matches[0].reasons == [
        "for innovations in the scaling stage, like this one",
        "about scaling, also internationally, which this innovation needs",
        "open to all of Flanders",
    ]
    assert matches[1].reasons == [
        "about loneliness among the elderly",
        "online, so open from anywhere",
    ]
    assert matches[0].score > matches[1].score


def test_the_innovation_page_shows_its_learning_matches(client):
    from tests.factories import make_innovation

    innovation = make_innovation(stage="insight", needs=["training"])
    make_learning_offer(name="Probleemverkenning", stages=["insight"], start_date=days(4))
    html = client.get(innovation.get_absolute_url()).content.decode()
    assert "Learning offers that fit" in html and "Probleemverkenning" in html
    assert "for innovations in the insight stage, like this one" in html
    assert "builds skills, which this innovation needs" in html


def test_the_dashboard_shows_offers_for_her_innovation_and_the_reach_of_her_offers(client):
    from tests.factories import make_innovation

    sara = verify_email(make_user("sara@example.org"))
    client.force_login(sara)
    provider = make_supporter(managers=[sara])
    make_learning_offer(provider=provider, stages=["scaling"], start_date=days(3))
    make_learning_offer(provider=provider, stages=["awareness"], start_date=days(-3))  # past
    make_innovation(owners=[sara], stage="scaling", name="Warme Buurt")
    make_innovation(stage="scaling")
    make_innovation(stage="awareness")
    make_innovation(stage="scaling", status=Status.DRAFT)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Learning offers for Warme Buurt" in html
    assert "fit 2 published innovations" in html
