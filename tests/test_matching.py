"""Matching: rankings on a small hand-built world, explanations, funding eligibility, and a
query count that does not grow with the data.

The world around Sara's innovation "Warm Wonen" (citizens' collective in Limburg, insight
stage, needs coaching and funding, citizens and government on board, looking for a financier):

    themes      housing (T1): energy poverty among tenants (C1), housing for young people (C2)
                work (T2): long-term unemployment (C3)

Every expected order below is computed by hand from the weights in `front.matching.WEIGHTS`
(challenge 4 each, theme 2, need offered 3 each, stage 2, own region 2, wider area 1,
wanted role 3, role named by a fund 1, place open to citizens 1).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from front import matching
from funding.models import today
from hubsi.caching import bump_catalogue_version
from hubsi.models import Status
from innovations.models import Innovation
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_space,
    make_supporter,
    make_theme,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def world():
    housing = make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    work = make_theme(name_nl="Werk", name_en="Work", slug="work")
    c1 = make_challenge(
        housing,
        name_nl="Energiearmoede bij huurders",
        name_en="Energy poverty among tenants",
        slug="energy-poverty",
    )
    c2 = make_challenge(
        housing, name_nl="Wonen voor jongeren", name_en="Housing for young people", slug="young"
    )
    c3 = make_challenge(
        work, name_nl="Langdurige werkloosheid", name_en="Long-term unemployment", slug="jobs"
    )
    sara = make_innovation(
        name="Warm Wonen",
        organisation_role="citizen",
        stage="insight",
        challenges=[c1],
        regions=["limburg"],
        needs=["coaching", "funding"],
        partner_roles=["citizen", "government"],
        wanted_roles=["financier"],
    )
    w = {"housing": housing, "work": work, "c1": c1, "c2": c2, "c3": c3, "sara": sara}

    # Supporters.
    w["alpha"] = make_supporter(
        name="Alpha Coaching",
        helix_role="knowledge",
        offers=["coaching"],
        challenges=[c1],
        stages=["insight"],
        regions=["limburg"],
    )
    w["beta"] = make_supporter(
        name="Beta Fund",
        helix_role="financier",
        offers=["funding"],
        themes=[housing],
        regions=["limburg"],
    )
    w["gamma"] = make_supporter(
        name="Gamma Network",
        helix_role="business",
        offers=["network"],
        challenges=[c1],
        regions=["flanders"],
    )
    w["delta"] = make_supporter(
        name="Delta City",
        helix_role="government",
        offers=["coaching", "funding"],
        challenges=[c3],
        regions=["limburg"],
    )
    # Shares nothing that counts: another theme, an offer Sara does not need.
    w["epsilon"] = make_supporter(
        name="Epsilon Jobs", helix_role="knowledge", offers=["network"], challenges=[c3]
    )

    # Funding, relative to today in the platform's time zone.
    on = today()
    w["f_open"] = make_funding(
        name="Open Energy Call",
        deadline=on + 30 * DAY,
        challenges=[c1],
        eligible_roles=["citizen", "civil_society"],
        stages=["insight"],
        regions=["limburg"],
    )
    w["f_rolling"] = make_funding(
        name="Rolling Housing Fund", themes=[housing], regions=["flanders"]
    )
    w["f_today"] = make_funding(name="Deadline Today Grant", deadline=on)
    w["f_soon"] = make_funding(name="Another Open Grant", deadline=on + 5 * DAY)
    w["f_upcoming"] = make_funding(
        name="Upcoming Call", opens_on=on + 10 * DAY, deadline=on + 60 * DAY, challenges=[c1]
    )
    make_funding(name="Closed Call", deadline=on - DAY, challenges=[c1])
    make_funding(name="Business Only", eligible_roles=["business"], challenges=[c1])
    make_funding(name="Scaling Only", stages=["scaling"], challenges=[c1])
    make_funding(name="Antwerp Only", regions=["antwerp"], challenges=[c1])
    make_funding(name="Mobility Fund", challenges=[c3])

    # Experimentation places.
    w["genk_lab"] = make_space(
        name="Genk Lab", host=w["alpha"], region="limburg", challenges=[c1], open_to_citizens=True
    )
    w["flemish_lab"] = make_space(
        name="Flemish Living Lab", host=w["gamma"], region="flanders", themes=[housing]
    )
    make_space(name="Antwerp Lab", host=w["gamma"], region="antwerp", challenges=[c1])
    make_space(name="Hasselt Jobs Lab", host=w["delta"], region="limburg", challenges=[c3])

    # Other innovations.
    w["cold_homes"] = make_innovation(
        name="Cold Homes",
        stage="insight",
        challenges=[c1],
        regions=["flanders"],
        needs=["coaching"],
    )
    w["young"] = make_innovation(
        name="Young Housing", stage="scaling", challenges=[c2], regions=["antwerp"]
    )
    make_innovation(name="Jobs First", challenges=[c3], regions=["limburg"], needs=["coaching"])
    make_innovation(name="Legal Aid Tenants", challenges=[c1], needs=["legal"])

    _add_unpublished_decoys(w)
    return w


def _add_unpublished_decoys(w):
    """Content that would match best of all, in every status but published."""
    c1, housing = w["c1"], w["housing"]
    for status in [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.ARCHIVED]:
        hidden = make_supporter(
            name=f"GEHEIM supporter {status}",
            status=status,
            helix_role="financier",
            offers=["coaching", "funding"],
            challenges=[c1],
            themes=[housing],
            stages=["insight"],
            regions=["limburg"],
        )
        make_space(name=f"GEHEIM place of hidden host {status}", host=hidden, challenges=[c1])
        make_space(name=f"GEHEIM place {status}", status=status, host=w["alpha"], challenges=[c1])
        make_funding(name=f"GEHEIM fund {status}", status=status, challenges=[c1])
        make_innovation(
            name=f"GEHEIM innovation {status}",
            status=status,
            challenges=[c1],
            regions=["limburg"],
            needs=["coaching"],
        )


def url(obj, language: str = "nl") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def names(matches):
    return [m.obj.name for m in matches]


def scores(matches):
    return [m.score for m in matches]


# --- Rankings -------------------------------------------------------------------------------


def test_supporters_are_ranked_by_what_they_share_with_the_innovation(world):
    matches = matching.supporters_for(world["sara"])
    # Alpha: challenge 4 + coaching 3 + stage 2 + Limburg 2 = 11
    # Delta: coaching 3 + funding 3 + Limburg 2 = 8 (another challenge, but offers both needs)
    # Beta: theme housing 2 + funding 3 + Limburg 2 = 7
    # Gamma: challenge 4 + all of Flanders 1 = 5
    # Epsilon shares nothing that counts: not suggested.
    assert names(matches) == ["Alpha Coaching", "Delta City", "Beta Fund", "Gamma Network"]
    assert scores(matches) == [11, 8, 7, 5]


def test_unusual_partners_lack_in_the_partnership_and_wanted_roles_come_first(world):
    matches = matching.unusual_partners(world["sara"])
    # Citizens (the lead) and government are on board: Delta City is not unusual.
    # Beta (financier, wanted): theme 2 + wanted 3 + Limburg 2 = 7
    # Alpha (knowledge): challenge 4 + Limburg 2 = 6
    # Gamma (business): challenge 4 + all of Flanders 1 = 5
    # Epsilon (knowledge) works on another theme only.
    assert names(matches) == ["Beta Fund", "Alpha Coaching", "Gamma Network"]
    assert scores(matches) == [7, 6, 5]


def test_funding_open_and_rolling_come_before_upcoming_and_closed_never(world):
    matches = matching.funding_for(world["sara"])
    # Open or rolling, by relevance then deadline:
    #   Open Energy Call: challenge 4 + stage named 2 + role named 1 + Limburg 2 = 9
    #   Rolling Housing Fund: theme 2 + all of Flanders 1 = 3
    #   Deadline Today Grant (0, deadline today), Another Open Grant (0, in 5 days)
    # Upcoming: Upcoming Call (challenge 4) comes after all of them despite its score.
    # Closed, business-only, scaling-only, Antwerp-only and mobility calls are not eligible.
    assert names(matches) == [
        "Open Energy Call",
        "Rolling Housing Fund",
        "Deadline Today Grant",
        "Another Open Grant",
        "Upcoming Call",
    ]
    assert scores(matches) == [9, 3, 0, 0, 4]


def test_experimentation_places_are_in_the_innovations_area_and_on_its_challenges(world):
    matches = matching.spaces_for(world["sara"])
    # Genk Lab: challenge 4 + Limburg 2 + open to citizens (citizens take part) 1 = 7
    # Flemish Living Lab: theme 2 + all of Flanders 1 = 3
    # Antwerp Lab lies outside Limburg; Hasselt Jobs Lab is about another theme.
    assert names(matches) == ["Genk Lab", "Flemish Living Lab"]
    assert scores(matches) == [7, 3]


def test_similar_innovations_share_challenges_then_themes(world):
    matches = matching.similar_innovations(world["sara"])
    # Cold Homes: challenge 4 + theme 2 + same stage 2 = 8 (all of Flanders is not Limburg)
    # Legal Aid Tenants: challenge 4 + theme 2 + same stage (default insight) 2 = 8 -> by name
    # Young Housing: theme 2 = 2 (another challenge of housing, scaling, Antwerp)
    # Jobs First works on another theme; Warm Wonen itself is never similar to itself.
    assert names(matches) == ["Cold Homes", "Legal Aid Tenants", "Young Housing"]
    assert scores(matches) == [8, 8, 2]


def test_innovations_for_supporter_need_what_it_offers_in_its_challenges(world):
    matches = matching.innovations_for_supporter(world["alpha"], limit=5)
    # Alpha offers coaching on energy poverty, serves insight, works in Limburg.
    # Warm Wonen: coaching 3 + challenge 4 + insight 2 + Limburg 2 = 11
    # Cold Homes: coaching 3 + challenge 4 + insight 2 = 9 (Flanders-wide is not in Limburg)
    # Legal Aid Tenants needs legal help only; Jobs First works on another challenge.
    assert names(matches) == ["Warm Wonen", "Cold Homes"]
    assert scores(matches) == [11, 9]


def test_innovations_for_a_supporter_of_a_whole_theme_and_a_wide_area(world):
    matches = matching.innovations_for_supporter(world["beta"], limit=5)
    # Beta offers funding to housing in Limburg. Warm Wonen needs funding: 3 + theme 2 +
    # Limburg 2 = 7. Nobody else needs funding.
    assert names(matches) == ["Warm Wonen"]
    assert scores(matches) == [7]


def test_limit_bounds_every_section(world):
    assert names(matching.supporters_for(world["sara"], limit=2)) == [
        "Alpha Coaching",
        "Delta City",
    ]
    assert matching.funding_for(world["sara"], limit=0) == []


def test_an_inactive_challenge_is_never_matched_on_or_named(world):
    hidden = make_challenge(world["work"], name_en="Retired challenge", is_active=False)
    innovation = make_innovation(challenges=[world["c1"], hidden], regions=["limburg"])
    make_supporter(name="Only Retired", challenges=[hidden])
    with translation.override("en"):
        matches = matching.supporters_for(innovation, limit=20)
    assert "Only Retired" not in names(matches)
    assert not [r for m in matches for r in m.reasons if "retired" in r.lower()]


# --- Explanations ---------------------------------------------------------------------------


def reasons_by_name(matches):
    return {m.obj.name: m.reasons for m in matches}


def test_supporter_explanations_say_why_in_plain_words(world):
    with translation.override("en"):
        reasons = reasons_by_name(matching.supporters_for(world["sara"]))
    assert reasons["Alpha Coaching"] == [
        "offers coaching, which this innovation needs",
        "also works on energy poverty among tenants",
        "supports innovations in the insight stage, like this one",
        "works in Limburg, where this innovation is active",
    ]
    assert reasons["Delta City"] == [
        "offers coaching and funding, which this innovation needs",
        "works in Limburg, where this innovation is active",
    ]
    assert reasons["Beta Fund"] == [
        "offers funding, which this innovation needs",
        "is interested in housing",
        "works in Limburg, where this innovation is active",
    ]
    assert reasons["Gamma Network"] == [
        "also works on energy poverty among tenants",
        "works across all of Flanders",
    ]


def test_unusual_partner_explanations_name_the_missing_role(world):
    with translation.override("en"):
        reasons = reasons_by_name(matching.unusual_partners(world["sara"]))
    assert reasons["Beta Fund"] == [
        "a financier, a role not yet in this partnership, interested in housing",
        "this innovation is looking for financiers as partners",
        "works in Limburg, where this innovation is active",
    ]
    assert reasons["Alpha Coaching"][0] == (
        "a knowledge institution, a role not yet in this partnership, "
        "that also works on energy poverty among tenants"
    )


def test_funding_explanations_follow_eligibility(world):
    with translation.override("en"):
        reasons = reasons_by_name(matching.funding_for(world["sara"]))
    assert reasons["Open Energy Call"] == [
        "is meant for energy poverty among tenants",
        "is open to citizens and citizens' collectives, like this innovation's lead organisation",
        "supports the insight stage, where this innovation is now",
        "is available in Limburg, where this innovation is active",
    ]
    assert reasons["Rolling Housing Fund"] == [
        "is meant for housing",
        "is open to every kind of organisation",
        "is available across all of Flanders",
    ]
    assert reasons["Deadline Today Grant"] == [
        "is open to work on any challenge",
        "is open to every kind of organisation",
    ]


def test_place_and_innovation_explanations(world):
    with translation.override("en"):
        places = reasons_by_name(matching.spaces_for(world["sara"]))
        similar = reasons_by_name(matching.similar_innovations(world["sara"]))
        wanted = reasons_by_name(matching.innovations_for_supporter(world["alpha"]))
    assert places["Genk Lab"] == [
        "is listed for energy poverty among tenants",
        "is in Limburg, where this innovation is active",
        "is open to citizens, who take part in this innovation",
    ]
    assert places["Flemish Living Lab"] == ["is listed for housing", "serves all of Flanders"]
    assert similar["Cold Homes"] == [
        "also works on energy poverty among tenants",
        "is also in the insight stage",
    ]
    assert similar["Young Housing"] == ["works on another challenge in housing"]
    assert wanted["Warm Wonen"] == [
        "needs coaching, which this supporter offers",
        "works on energy poverty among tenants",
        "is in the insight stage, which this supporter serves",
        "is active in Limburg, where this supporter works",
    ]


def test_explanation_names_every_shared_challenge(world):
    make_supporter(name="Both Challenges", challenges=[world["c1"], world["c2"]])
    innovation = make_innovation(challenges=[world["c1"], world["c2"]], stage="scaling")
    with translation.override("en"):
        matches = matching.supporters_for(innovation, limit=10)
    both = next(m for m in matches if m.obj.name == "Both Challenges")
    # Two shared challenges: 4 + 4.
    assert both.score == 8
    assert both.reasons == [
        "also works on energy poverty among tenants and housing for young people"
    ]


def test_explanations_follow_the_visitors_language(world):
    with translation.override("nl"):
        reasons = reasons_by_name(matching.supporters_for(world["sara"]))
    assert any("energiearmoede bij huurders" in r for r in reasons["Alpha Coaching"])


# --- Regions ----------------------------------------------------------------------------------


def test_wide_areas_count_everywhere_they_cover():
    challenge = make_challenge()
    brussels = make_innovation(challenges=[challenge], regions=["brussels"])
    make_supporter(name="Flanders Wide", challenges=[challenge], regions=["flanders"])
    make_supporter(name="Belgium Wide", challenges=[challenge], regions=["belgium"])
    make_supporter(name="Europe Wide", challenges=[challenge], regions=["europe"])
    with translation.override("en"):
        reasons = reasons_by_name(matching.supporters_for(brussels))
    # Brussels lies in Belgium and Europe, not in Flanders.
    assert reasons["Belgium Wide"][-1] == "works across all of Belgium"
    assert reasons["Europe Wide"][-1] == "works across all of Europe"
    assert reasons["Flanders Wide"] == [
        "also works on " + challenge.name_en[:1].lower() + challenge.name_en[1:]
    ]


def test_a_flanders_wide_innovation_finds_places_in_every_province():
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge], regions=["flanders"])
    make_space(name="In Limburg", region="limburg", challenges=[challenge])
    make_space(name="In Brussels", region="brussels", challenges=[challenge])
    with translation.override("en"):
        matches = matching.spaces_for(innovation)
    assert names(matches) == ["In Limburg"]
    assert matches[0].reasons[-1] == (
        "is in Limburg, within the area where this innovation is active"
    )


def test_a_wide_region_is_named_mid_sentence():
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge], regions=["flanders"])
    make_supporter(name="Flemish", challenges=[challenge], regions=["flanders"])
    with translation.override("en"):
        (match,) = matching.supporters_for(innovation)
    assert match.reasons[-1] == "works in all of Flanders, where this innovation is active"


def test_regions_within():
    assert matching.regions_within(["flanders"]) == {
        "antwerp",
        "limburg",
        "east_flanders",
        "flemish_brabant",
        "west_flanders",
    }
    assert "brussels" in matching.regions_within(["belgium"])
    assert matching.regions_within(["limburg"]) == set()


# --- Funding eligibility edge cases -----------------------------------------------------------


@pytest.fixture
def applicant():
    return make_innovation(organisation_role="civil_society", stage="insight", regions=["limburg"])


def test_funding_with_its_deadline_today_is_still_open(applicant):
    make_funding(name="Last Day", deadline=today())
    matches = matching.funding_for(applicant)
    assert names(matches) == ["Last Day"]
    assert matches[0].obj.timing == "open"


def test_funding_that_closed_yesterday_is_never_suggested(applicant):
    make_funding(name="Too Late", deadline=today() - DAY)
    make_funding(name="Long Gone", opens_on=today() - 90 * DAY, deadline=today() - 30 * DAY)
    assert matching.funding_for(applicant) == []


def test_rolling_funding_comes_before_upcoming_funding(applicant):
    make_funding(name="A Upcoming", opens_on=today() + DAY)
    make_funding(name="B Upcoming without deadline", opens_on=today() + 2 * DAY)
    make_funding(name="Z Rolling")
    matches = matching.funding_for(applicant)
    assert names(matches) == ["Z Rolling", "A Upcoming", "B Upcoming without deadline"]
    assert [m.obj.timing for m in matches] == ["rolling", "upcoming", "upcoming"]


def test_open_funding_by_deadline_when_equally_relevant(applicant):
    make_funding(name="Later", deadline=today() + 20 * DAY)
    make_funding(name="Sooner", deadline=today() + 2 * DAY)
    make_funding(name="Rolling")
    assert names(matching.funding_for(applicant)) == ["Sooner", "Later", "Rolling"]


def test_funding_restricted_to_other_roles_stages_or_regions_is_not_eligible(applicant):
    make_funding(name="Roles", eligible_roles=["business", "financier"])
    make_funding(name="Stages", stages=["scaling"])
    make_funding(name="Regions", regions=["antwerp", "west_flanders"])
    make_funding(name="Eligible", eligible_roles=["civil_society"], regions=["belgium"])
    assert names(matching.funding_for(applicant)) == ["Eligible"]


# --- Visibility -------------------------------------------------------------------------------


def test_nothing_unpublished_is_ever_suggested(world):
    sections = matching.matches_for_innovation(world["sara"], limit=50)
    everything = [
        *sections.supporters,
        *sections.funding,
        *sections.spaces,
        *sections.innovations,
        *sections.partners,
        *matching.innovations_for_supporter(world["alpha"], limit=50),
        *matching.innovations_for_supporter(world["beta"], limit=50),
    ]
    assert everything
    assert not [m.obj.name for m in everything if "GEHEIM" in m.obj.name]


def test_the_innovation_page_shows_no_unpublished_match(client, world):
    html = client.get(url(world["sara"])).content.decode()
    assert "Alpha Coaching" in html
    assert "GEHEIM" not in html


# --- The innovation page ----------------------------------------------------------------------


def test_innovation_page_shows_every_section_with_reasons(client, world):
    response = client.get(url(world["sara"], "en"))
    html = response.content.decode()
    for heading in [
        "Supporters who can help",
        "Funding it may be eligible for",
        "Experimentation places",
        "Similar innovations",
        "Unusual partners",
    ]:
        assert heading in html
    assert "offers coaching, which this innovation needs" in html
    assert "a financier, a role not yet in this partnership, interested in housing" in html
    assert "Upcoming Call" in html and "Genk Lab" in html and "Cold Homes" in html
    # The problem still comes first, the suggestions after the innovation's own content.
    assert html.index("The problem") < html.index("Supporters who can help")


def test_innovation_page_without_matches_says_so_helpfully(client):
    lonely = make_innovation(name="Lonely", regions=["limburg"])
    html = client.get(url(lonely, "en")).content.decode()
    assert "No supporter on the platform matches" in html
    assert "No other published innovation works on" in html


def test_matching_for_the_innovation_page_takes_one_query_per_section(world):
    innovation = Innovation.objects.published().for_detail().get(pk=world["sara"].pk)
    matching.matches_for_innovation(innovation)  # builds the facet index, once per version
    with CaptureQueriesContext(connection) as queries:
        matching.matches_for_innovation(innovation)
    # The innovation's own values come from the page's prefetch: no query.
    # supporters: 1 ranking, 2 offers, 3 regions (prefetched for the cards)
    # funding: 4 ranking (funder joined)
    # places: 5 ranking (host joined)
    # similar innovations: 6 ordering the best score groups of the facet index by name,
    # 7 the rows returned, 8 challenges, 9 regions (prefetched for the cards)
    # unusual partners: 10 ranking, 11 offers, 12 regions
    assert len(queries) == 12, "\n".join(q["sql"] for q in queries.captured_queries)


def test_innovation_page_query_count_does_not_grow_with_the_data(client, world):
    page = url(world["sara"])
    client.get(page)  # warm up: one-off lookups
    with CaptureQueriesContext(connection) as few:
        client.get(page)
    for index in range(8):
        supporter = make_supporter(
            name=f"More Coaching {index}",
            offers=["coaching", "funding"],
            challenges=[world["c1"]],
            themes=[world["housing"]],
            regions=["limburg", "flanders"],
            helix_role="financier",
        )
        make_space(host=supporter, challenges=[world["c1"]], themes=[world["housing"]])
        make_funding(challenges=[world["c1"]], themes=[world["housing"]], regions=["limburg"])
        make_innovation(
            challenges=[world["c1"], world["c2"]], regions=["limburg"], needs=["coaching"]
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(page)
    assert response.status_code == 200
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


def test_similar_innovations_sharing_a_challenge_are_enough_only_when_they_outscore_the_rest():
    theme = make_theme(slug="similar-theme")
    shared, neighbour = make_challenge(theme), make_challenge(theme)
    subject = make_innovation(challenges=[shared], stage="co_creation", regions=["limburg"])
    # Sharing only the theme, the stage and the region: 2 + 2 + 2 = 6, and first by name.
    theme_only = make_innovation(
        name="Aaa same theme", challenges=[neighbour], stage="co_creation", regions=["limburg"]
    )
    # Sharing the challenge and its theme but nothing else: 4 + 2 = 6, later by name.
    for n in range(5):
        make_innovation(name=f"Zzz shared {n}", challenges=[shared], stage="scaling")
    names = [m.obj.name for m in matching.similar_innovations(subject)]
    assert names[0] == theme_only.name  # a tie at 6: the theme-wide ranking decides

    # Now those sharing the challenge also share the stage: 8 beats anything theme-only.
    Innovation.objects.filter(name__startswith="Zzz").update(stage="co_creation")
    bump_catalogue_version()  # what saving them does, after the commit
    names = [m.obj.name for m in matching.similar_innovations(subject)]
    assert names == [f"Zzz shared {n}" for n in range(5)]


def test_similar_innovations_from_the_facet_index_equal_the_sql_ranking(monkeypatch):
    import random

    from hubsi import facet_index, vocabulary

    rng = random.Random(11)
    themes = [make_theme(slug=f"similar-{n}") for n in range(2)]
    challenges = [make_challenge(rng.choice(themes)) for _ in range(4)]
    for n in range(40):
        make_innovation(
            name=rng.choice(["Aa", "Bb", "Cc"]) + f" {n % 7}",
            challenges=rng.sample(challenges, rng.randint(1, 2)),
            stage=rng.choice(vocabulary.Stage.values[:3]),
            regions=rng.sample(["limburg", "antwerp", "flanders"], rng.randint(0, 2)),
        )
    make_innovation(challenges=challenges[:1], status=Status.DRAFT)  # never a match
    innovations = list(Innovation.objects.published().for_detail())
    from_index = {i.pk: matching.similar_innovations(i, 6) for i in innovations}
    monkeypatch.setattr(facet_index, "get", lambda *args: None)  # as while it is built
    for innovation in innovations:
        expected = matching.similar_innovations(innovation, 6)
        got = from_index[innovation.pk]
        assert [(m.obj.pk, m.score) for m in got] == [(m.obj.pk, m.score) for m in expected]
