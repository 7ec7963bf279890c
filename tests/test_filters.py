"""The list filters of the design's table: alone, combined, repeated, and with bad values."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_space,
    make_supporter,
    make_theme,
)

pytestmark = pytest.mark.django_db


def names(response) -> set[str]:
    return {obj.name for obj in response.context["object_list"]}


@pytest.fixture
def housing():
    theme = make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    return {
        "theme": theme,
        "tenants": make_challenge(theme, slug="energy-poverty-tenants"),
        "homeless": make_challenge(theme, slug="homelessness"),
        "lonely": make_challenge(make_theme(slug="care"), slug="loneliness-elderly"),
    }


@pytest.fixture
def innovations(housing):
    return {
        "genk": make_innovation(
            name="Warm Wonen Genk",
            challenges=[housing["tenants"]],
            stage="insight",
            regions=["limburg"],
            partner_roles=["citizen"],
            wanted_roles=["business"],
            needs=["coaching"],
        ),
        "ghent": make_innovation(
            name="Dak Boven Gent",
            challenges=[housing["homeless"]],
            stage="scaling",
            regions=["east_flanders"],
            partner_roles=["civil_society", "government"],
            wanted_roles=["financier"],
            needs=["funding"],
        ),
        "flanders": make_innovation(
            name="Samen Tegen Eenzaamheid",
            challenges=[housing["lonely"]],
            stage="insight",
            regions=["flanders"],
            partner_roles=["knowledge"],
            needs=["coaching", "space"],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Warm Wonen Genk", "Dak Boven Gent", "Samen Tegen Eenzaamheid"}),
        ("challenge=energy-poverty-tenants", {"Warm Wonen Genk"}),
        ("theme=housing", {"Warm Wonen Genk", "Dak Boven Gent"}),
        ("stage=insight", {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"}),
        (
            "stage=insight&stage=scaling",
            {"Warm Wonen Genk", "Dak Boven Gent", "Samen Tegen Eenzaamheid"},
        ),
        # A province also finds what serves all of Flanders.
        ("region=limburg", {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"}),
        ("region=east_flanders", {"Dak Boven Gent", "Samen Tegen Eenzaamheid"}),
        ("region=flanders", {"Samen Tegen Eenzaamheid"}),
        ("region=brussels", set()),
        ("role=government", {"Dak Boven Gent"}),
        ("role=citizen&role=knowledge", {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"}),
        ("wanted=business", {"Warm Wonen Genk"}),
        ("support=coaching", {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"}),
        (
            "support=coaching&stage=insight&region=limburg",
            {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"},
        ),
        ("support=coaching&theme=housing", {"Warm Wonen Genk"}),
        ("q=genk", {"Warm Wonen Genk"}),
        ("q=GENK&stage=scaling", set()),
        ("q=wonen", {"Warm Wonen Genk"}),
    ],
)
def test_innovation_filters(client, innovations, query, expected):
    response = client.get(f"/innovations/?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert f"{len(expected)} " in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "stage=nonsense",
        "stage=insight&stage=%3Cscript%3E",
        "region=mars",
        "challenge=does-not-exist",
        "theme=",
        "sort=sideways",
        "page=abc",
        "page=-1",
        "page=99999",
        "q=" + "x" * 5000,
        "q=%00%01",
        "unknown=1",
        "stage[]=insight",
        "page=1e9",
    ],
)
def test_bad_values_never_fail(client, innovations, query):
    response = client.get(f"/innovations/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_unknown_values_are_ignored_and_reported(client, innovations):
    response = client.get("/innovations/?stage=insight&stage=nonsense")
    assert names(response) == {"Warm Wonen Genk", "Samen Tegen Eenzaamheid"}
    html = response.content.decode()
    assert "stage=nonsense" in html
    assert response.context["ignored"] == [("stage", "nonsense")]


def test_page_out_of_range_shows_the_last_page(client, settings, housing):
    for index in range(25):
        make_innovation(name=f"Innovatie {index:02}", challenges=[housing["tenants"]])
    response = client.get("/innovations/?page=99")
    assert response.context["page_obj"].number == 2
    assert len(response.context["object_list"]) == 5


def test_facet_counts_follow_the_other_filters(client, innovations):
    response = client.get("/innovations/?stage=insight")
    facets = {
        f["name"]: {o["value"]: o["count"] for o in f["options"]}
        for f in response.context["facets"]
    }
    # The stage facet ignores its own filter, so other stages stay visible with their count.
    assert facets["stage"]["scaling"] == 1
    assert facets["stage"]["insight"] == 2
    # Other facets count within the stage filter.
    assert facets["support"]["coaching"] == 2
    assert facets["support"]["funding"] == 0
    # A region count equals what a click on it gives: Limburg includes Flanders-wide items.
    assert facets["region"]["limburg"] == 2


def test_sort_by_name(client, innovations):
    response = client.get("/innovations/?sort=name")
    assert [o.name for o in response.context["object_list"]] == [
        "Dak Boven Gent",
        "Samen Tegen Eenzaamheid",
        "Warm Wonen Genk",
    ]


def test_filtered_list_is_not_indexed_and_detail_links_carry_the_query(client, innovations):
    response = client.get("/innovations/?stage=scaling")
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "?back=stage%3Dscaling" in html
    detail = client.get(f"/innovations/{innovations['ghent'].slug}/?back=stage%3Dscaling")
    assert 'href="/innovations/?stage=scaling"' in detail.content.decode()


def test_empty_result_explains_what_to_do(client, innovations):
    response = client.get("/innovations/?stage=scaling&region=limburg")
    html = response.content.decode()
    assert "Nothing matches all of these filters." in html or "Niets" in html
    assert names(response) == set()


@pytest.fixture
def supporters(housing):
    return {
        "lab": make_supporter(
            name="Sociaal Lab Hasselt",
            helix_role="knowledge",
            offers=["coaching", "knowledge"],
            stages=["insight"],
            challenges=[housing["tenants"]],
            regions=["limburg"],
        ),
        "fund": make_supporter(
            name="Impactfonds Vlaanderen",
            helix_role="financier",
            offers=["funding"],
            stages=["scaling"],
            themes=[housing["theme"]],
            regions=["flanders"],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=financier", {"Impactfonds Vlaanderen"}),
        ("support=coaching", {"Sociaal Lab Hasselt"}),
        ("stage=scaling", {"Impactfonds Vlaanderen"}),
        # Interest in the whole housing theme covers each of its challenges.
        ("challenge=energy-poverty-tenants", {"Sociaal Lab Hasselt", "Impactfonds Vlaanderen"}),
        ("challenge=homelessness", {"Impactfonds Vlaanderen"}),
        ("theme=housing", {"Sociaal Lab Hasselt", "Impactfonds Vlaanderen"}),
        ("region=antwerp", {"Impactfonds Vlaanderen"}),
        ("region=limburg&support=funding", {"Impactfonds Vlaanderen"}),
        ("q=hasselt", {"Sociaal Lab Hasselt"}),
    ],
)
def test_supporter_filters(client, supporters, query, expected):
    assert names(client.get(f"/supporters/?{query}")) == expected


def test_supporters_sorted_by_name_by_default(client, supporters):
    response = client.get("/supporters/")
    assert [o.name for o in response.context["object_list"]] == [
        "Impactfonds Vlaanderen",
        "Sociaal Lab Hasselt",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("open=1", {"Buurtlabo Genk"}),
        ("region=limburg", {"Buurtlabo Genk"}),
        ("region=antwerp", {"Stadslab Antwerpen"}),
        ("role=government", {"Stadslab Antwerpen"}),
        ("challenge=energy-poverty-tenants", {"Buurtlabo Genk"}),
        ("theme=housing", {"Buurtlabo Genk"}),
        ("q=antwerpen", {"Stadslab Antwerpen"}),
    ],
)
def test_space_filters(client, housing, query, expected):
    make_space(
        name="Buurtlabo Genk",
        region="limburg",
        open_to_citizens=True,
        challenges=[housing["tenants"]],
        host=make_supporter(helix_role="civil_society"),
    )
    make_space(
        name="Stadslab Antwerpen",
        region="antwerp",
        municipality="Antwerpen",
        host=make_supporter(helix_role="government"),
    )
    assert names(client.get(f"/spaces/?{query}")) == expected


def test_space_is_hidden_while_its_host_is_not_published(client):
    host = make_supporter(status="draft")
    make_space(name="Verborgen Plek", host=host)
    assert names(client.get("/spaces/")) == set()


@pytest.fixture
def funding(housing):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    return {
        "open": make_funding(
            name="Open Oproep",
            opens_on=today - 10 * day,
            deadline=today + 30 * day,
            instrument="grant",
            eligible_roles=["citizen"],
            stages=["insight"],
            challenges=[housing["tenants"]],
            regions=["limburg"],
        ),
        "today": make_funding(name="Laatste Dag", deadline=today, instrument="prize"),
        "rolling": make_funding(
            name="Doorlopend Fonds",
            deadline=None,
            instrument="loan",
            themes=[housing["theme"]],
            regions=["flanders"],
        ),
        "upcoming": make_funding(
            name="Komende Oproep",
            opens_on=today + 5 * day,
            deadline=today + 60 * day,
            instrument="grant",
        ),
        "closed": make_funding(
            name="Gesloten Oproep",
            opens_on=today - 60 * day,
            deadline=today - day,
            instrument="grant",
        ),
    }


def test_funding_open_means_open_today_or_rolling(client, funding):
    assert names(client.get("/funding/?open=1")) == {
        "Open Oproep",
        "Laatste Dag",
        "Doorlopend Fonds",
    }


def test_funding_default_order_is_open_by_deadline_then_rolling_upcoming_closed(client, funding):
    response = client.get("/funding/")
    assert [o.name for o in response.context["object_list"]] == [
        "Laatste Dag",
        "Open Oproep",
        "Doorlopend Fonds",
        "Komende Oproep",
        "Gesloten Oproep",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("instrument=loan", {"Doorlopend Fonds"}),
        (
            "instrument=grant&instrument=prize",
            {"Open Oproep", "Laatste Dag", "Komende Oproep", "Gesloten Oproep"},
        ),
        ("role=citizen", {"Open Oproep"}),
        ("stage=insight", {"Open Oproep"}),
        ("challenge=energy-poverty-tenants", {"Open Oproep", "Doorlopend Fonds"}),
        ("region=limburg&open=1", {"Open Oproep", "Doorlopend Fonds"}),
    ],
)
def test_funding_filters(client, funding, query, expected):
    assert names(client.get(f"/funding/?{query}")) == expected


def test_challenge_list_filters_by_theme(client, housing):
    response = client.get("/challenges/?theme=housing")
    assert {c.slug for c in response.context["object_list"]} == {
        "energy-poverty-tenants",
        "homelessness",
    }


def test_chosen_filters_show_as_chips_that_each_remove_one_value(client, catalogue):
    challenge = catalogue["challenge"].slug
    response = client.get(
        f"/innovations/?challenge={challenge}&stage=insight&stage=scaling&q=warm&page=1"
    )

    chips = {chip["label"]: chip["querystring"] for chip in response.context["chips"]}
    assert chips == {
        "“warm”": f"challenge={challenge}&stage=insight&stage=scaling",
        f"Uitdaging: {catalogue['challenge'].name_nl}": "q=warm&stage=insight&stage=scaling",
        "Fase: Inzicht": f"q=warm&challenge={challenge}&stage=scaling",
        "Fase: Opschalen": f"q=warm&challenge={challenge}&stage=insight",
    }
    assert "Filteren en zoeken (4 gekozen)" in response.content.decode()
