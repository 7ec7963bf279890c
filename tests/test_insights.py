"""/insights/ and the challenge hub's figures: every figure on the page equals a direct database
query (docs/insights.md defines them), over demo data built to have gaps, and hidden content
never counts."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding.models import FundingOpportunity
from hubsi.models import Status
from hubsi.vocabulary import HelixRole, Region, Stage, SupportType, regions_covering
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_space,
    make_supporter,
    make_theme,
)

PROVINCES_AND_BRUSSELS = [
    "west_flanders",
    "east_flanders",
    "antwerp",
    "flemish_brabant",
    "limburg",
    "brussels",
]
WIDER = ["flanders", "belgium", "europe"]


# --- Demo data with gaps --------------------------------------------------------------------


@pytest.fixture
def ecosystem(db):
    """Two themes, three challenges; innovations that look for governments most supporters are
    not; needs few supporters offer; content that is not public on every axis."""
    housing = make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    care = make_theme(name_nl="Zorg", name_en="Care", slug="care")
    energy = make_challenge(housing, slug="energy-poverty", name_en="Energy poverty")
    other = make_challenge(housing, slug="homelessness", name_en="Homelessness")
    lonely = make_challenge(care, slug="loneliness", name_en="Loneliness")
    make_innovation(
        challenges=[energy],
        stage="insight",
        regions=["limburg"],
        partner_roles=["citizen"],
        wanted_roles=["government", "business"],
        needs=["coaching", "funding"],
    )
    make_innovation(
        challenges=[energy],
        stage="insight",
        regions=["limburg", "flanders"],
        partner_roles=["citizen", "knowledge"],
        wanted_roles=["government"],
        needs=["funding", "legal"],
    )
    make_innovation(
        challenges=[energy, other],
        stage="scaling",
        regions=["antwerp"],
        wanted_roles=["government"],
        needs=["space"],
    )
    make_innovation(
        challenges=[lonely],
        stage="co_creation",
        regions=["brussels"],
        partner_roles=["government"],
        wanted_roles=["knowledge"],
        needs=["coaching"],
    )
    make_innovation(
        challenges=[other], stage="awareness", regions=["europe"], wanted_roles=["financier"]
    )
    for status in (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.ARCHIVED):
        make_innovation(
            status=status,
            challenges=[energy],
            stage="insight",
            regions=["limburg"],
            partner_roles=["business"],
            wanted_roles=["government"],
            needs=["funding"],
        )
    government = make_supporter(
        helix_role="government", challenges=[energy], regions=["limburg"], offers=["coaching"]
    )
    knowledge = make_supporter(
        helix_role="knowledge",
        themes=[housing],
        regions=["flanders"],
        offers=["coaching", "knowledge"],
    )
    financier = make_supporter(
        helix_role="financier", challenges=[lonely], regions=["brussels"], offers=["funding"]
    )
    make_supporter(helix_role="business", regions=["antwerp"], offers=["procurement"])
    hidden_host = make_supporter(
        status=Status.DRAFT,
        helix_role="government",
        challenges=[energy],
        regions=["limburg"],
        offers=["funding"],
    )
    make_space(host=government, municipality="Genk", region="limburg", challenges=[energy])
    make_space(host=knowledge, municipality=" gent ", region="east_flanders", themes=[housing])
    make_space(host=financier, municipality="Atlantis", region="brussels", challenges=[lonely])
    make_space(host=knowledge, municipality="Leuven", region="flanders", challenges=[energy])
    make_space(host=hidden_host, municipality="Genk", region="limburg", challenges=[energy])
    make_space(host=government, status=Status.DRAFT, municipality="Hasselt", region="limburg")
    today = timezone.localdate()
    make_funding(name="Soon", challenges=[energy], deadline=today + datetime.timedelta(days=3))
    make_funding(name="Later", themes=[housing], deadline=today + datetime.timedelta(days=40))
    make_funding(name="Today", challenges=[lonely], deadline=today)
    make_funding(
        name="Too late", challenges=[energy], deadline=today + datetime.timedelta(days=120)
    )
    make_funding(name="Closed", challenges=[energy], deadline=today - datetime.timedelta(days=1))
    make_funding(name="Rolling", challenges=[energy])
    make_funding(
        name="Draft call",
        status=Status.DRAFT,
        challenges=[energy],
        deadline=today + datetime.timedelta(days=5),
    )
    day = datetime.timedelta(days=1)
    make_learning_offer(
        provider=knowledge,
        name="Starts soon",
        challenges=[energy],
        regions=["limburg"],
        start_date=today + 2 * day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Wide course",
        themes=[housing],
        regions=["flanders", "limburg"],
        start_date=today + 30 * day,
        end_date=today + 60 * day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Care today",
        challenges=[lonely],
        regions=["brussels"],
        start_date=today,
    )
    make_learning_offer(
        provider=knowledge, name="Self-paced", challenges=[energy], regions=["antwerp"]
    )
    make_learning_offer(
        provider=knowledge,
        name="Running",
        challenges=[energy],
        regions=["limburg"],
        start_date=today - 5 * day,
        end_date=today + 5 * day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Far away",
        challenges=[energy],
        regions=["limburg"],
        start_date=today + 100 * day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Over",
        challenges=[energy],
        regions=["limburg"],
        start_date=today - 10 * day,
        end_date=today - day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Draft course",
        status=Status.DRAFT,
        challenges=[energy],
        regions=["limburg"],
        start_date=today + 3 * day,
    )
    make_learning_offer(
        name="Hidden provider",
        provider=hidden_host,
        challenges=[energy],
        regions=["limburg"],
        start_date=today + 4 * day,
    )
    make_learning_offer(
        provider=knowledge,
        name="Belgian care",
        challenges=[lonely],
        regions=["belgium"],
        start_date=today + 9 * day,
    )
    return {"housing": housing, "care": care, "energy": energy, "other": other, "lonely": lonely}


# --- Direct database queries: the definitions of docs/insights.md ----------------------------


def innovations_in(theme=None, challenge=None, region=None):
    queryset = Innovation.objects.filter(status=Status.PUBLISHED)
    if theme:
        queryset = queryset.filter(challenges__theme__slug=theme)
    if challenge:
        queryset = queryset.filter(challenges__slug=challenge)
    if region:
        queryset = queryset.filter(regions__code__in=regions_covering([region]))
    return Innovation.objects.filter(pk__in=queryset.values("pk"))


def supporters_in(theme=None, challenge=None, region=None):
    queryset = Supporter.objects.filter(status=Status.PUBLISHED)
    if theme:
        queryset = queryset.filter(Q(themes__slug=theme) | Q(challenges__theme__slug=theme))
    if challenge:
        queryset = queryset.filter(
            Q(challenges__slug=challenge) | Q(themes__challenges__slug=challenge)
        )
    if region:
        queryset = queryset.filter(regions__code__in=regions_covering([region]))
    return Supporter.objects.filter(pk__in=queryset.values("pk"))


def spaces_in(theme=None, challenge=None):
    queryset = ExperimentationSpace.objects.filter(
        status=Status.PUBLISHED, host__status=Status.PUBLISHED
    )
    if theme:
        queryset = queryset.filter(Q(themes__slug=theme) | Q(challenges__theme__slug=theme))
    if challenge:
        queryset = queryset.filter(
            Q(challenges__slug=challenge) | Q(themes__challenges__slug=challenge)
        )
    return ExperimentationSpace.objects.filter(pk__in=queryset.values("pk"))


def learning_in(theme=None, challenge=None, region=None, on=None):
    """Published offers of a published provider that are not past (their last day, the end
    date else the start date, is today or later; no dates: never past)."""
    on = on or timezone.localdate()
    queryset = LearningOffer.objects.filter(
        status=Status.PUBLISHED, provider__status=Status.PUBLISHED
    ).filter(
        Q(end_date__gte=on)
        | Q(end_date__isnull=True, start_date__gte=on)
        | Q(end_date__isnull=True, start_date__isnull=True)
    )
    if theme:
        queryset = queryset.filter(Q(themes__slug=theme) | Q(challenges__theme__slug=theme))
    if challenge:
        queryset = queryset.filter(
            Q(challenges__slug=challenge) | Q(themes__challenges__slug=challenge)
        )
    if region:
        queryset = queryset.filter(regions__code__in=regions_covering([region]))
    return LearningOffer.objects.filter(pk__in=queryset.values("pk"))


def count_with(queryset, **lookup) -> int:
    return queryset.filter(**lookup).distinct().count()


# --- Reading the page -----------------------------------------------------------------------


class Tables(HTMLParser):
    """Every `table.figures` of a page: caption -> rows of cell texts (links' text included)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = None
        self._caption = None
        self._cell = None
        self._row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "figures" in (attrs.get("class") or ""):
            self._table, self._caption = [], ""
        elif self._table is not None and tag == "caption":
            self._cell = []
        elif self._table is not None and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("th", "td"):
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if self._table is None:
            return
        if tag == "caption":
            self._caption = " ".join("".join(self._cell).split())
            self._cell = None
        elif tag in ("th", "td") and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self.tables[self._caption] = self._table
            self._table = None


def tables_of(response) -> dict[str, dict[str, list[str]]]:
    """caption -> {row heading: [numbers]} (header row left out)."""
    parser = Tables()
    parser.feed(response.content.decode())
    return {
        caption: {row[0]: row[1:] for row in rows[1:] if row}
        for caption, rows in parser.tables.items()
    }


def numbers(cells: list[str]) -> list[int]:
    return [int(cell) for cell in cells]


SELECTIONS = [
    {},
    {"challenge": "energy-poverty"},
    {"theme": "housing"},
    {"region": "limburg"},
    {"challenge": "energy-poverty", "region": "limburg"},
    {"theme": "care", "region": "brussels"},
]


def _query(selection: dict) -> str:
    return "&".join(f"{name}={value}" for name, value in selection.items())


# --- The figures ----------------------------------------------------------------------------


@pytest.mark.parametrize("selection", SELECTIONS, ids=_query)
def test_stage_journey_equals_the_database(client, ecosystem, selection):
    tables = tables_of(client.get(f"/en/insights/?{_query(selection)}"))
    table = tables["Published innovations per stage"]
    innovations = innovations_in(**selection)
    for number, stage in enumerate(Stage, start=1):
        expected = count_with(innovations, stage=stage)
        assert numbers(table[f"{number}. {stage.label}"]) == [expected], stage
    assert numbers(table["Total"]) == [innovations.count()]


@pytest.mark.parametrize("selection", SELECTIONS, ids=_query)
def test_helix_equals_the_database(client, ecosystem, selection):
    tables = tables_of(client.get(f"/en/insights/?{_query(selection)}"))
    table = tables["Helix roles: in partnerships, wanted and among supporters"]
    innovations, supporters = innovations_in(**selection), supporters_in(**selection)
    for role in HelixRole:
        expected = [
            count_with(innovations, partner_roles__code=role),
            count_with(innovations, wanted_roles__code=role),
            count_with(supporters, helix_role=role),
        ]
        assert numbers(table[str(role.label)]) == expected, role


@pytest.mark.parametrize("selection", SELECTIONS, ids=_query)
def test_needs_equal_the_database(client, ecosystem, selection):
    tables = tables_of(client.get(f"/en/insights/?{_query(selection)}"))
    table = tables["Support needed and offered"]
    innovations, supporters = innovations_in(**selection), supporters_in(**selection)
    for support in SupportType:
        expected = [
            count_with(innovations, needs__code=support),
            count_with(supporters, offers__code=support),
        ]
        assert numbers(table[str(support.label)]) == expected, support


@pytest.mark.parametrize("selection", SELECTIONS, ids=_query)
def test_map_counts_each_region_itself_and_wider_areas_once(client, ecosystem, selection):
    tables = tables_of(client.get(f"/en/insights/?{_query(selection)}"))
    table = tables["Innovations, supporters, experimentation places and learning offers per region"]
    # The map is the breakdown by region: a region in the selection does not narrow it.
    topic = {name: value for name, value in selection.items() if name != "region"}
    innovations, supporters = innovations_in(**topic), supporters_in(**topic)
    spaces, learning = spaces_in(**topic), learning_in(**topic)
    for code in PROVINCES_AND_BRUSSELS:
        expected = [
            count_with(innovations, regions__code=code),
            count_with(supporters, regions__code=code),
            count_with(spaces, region=code),
            count_with(learning, regions__code=code),
        ]
        assert numbers(table[str(Region(code).label)]) == expected, code
    assert numbers(table["All of Flanders, Belgium or Europe"]) == [
        count_with(innovations, regions__code__in=WIDER),
        count_with(supporters, regions__code__in=WIDER),
        count_with(spaces, region__in=WIDER),
        count_with(learning, regions__code__in=WIDER),
    ]


def test_the_wider_row_links_to_exactly_its_items(client, ecosystem):
    """The wider-area row links to `region=flanders`, whose lists are exactly that row; a
    province's list also shows the wider items, so it is its own row plus what is only wide."""
    region_map = client.get("/en/insights/").context["map"]
    for kind in ("innovations", "supporters", "spaces", "learning"):
        listed = client.get(getattr(region_map.wider, f"{kind}_url")).content.decode()
        found = re.search(r'class="results__count"[^>]*>\s*(\d+) results?', listed)
        assert int(found.group(1)) == getattr(region_map.wider, kind), kind
    limburg = next(area for area in region_map.areas if area.code == "limburg")
    listed = client.get(limburg.innovations_url).content.decode()
    found = re.search(r'class="results__count"[^>]*>\s*(\d+) results?', listed)
    in_limburg_or_wider = count_with(innovations_in(), regions__code__in=["limburg", *WIDER])
    assert int(found.group(1)) == in_limburg_or_wider > limburg.innovations


def test_the_demo_data_has_the_gaps_the_page_names(client, ecosystem):
    response = client.get("/en/insights/?challenge=energy-poverty")
    html = response.content.decode()
    # Three published innovations on the challenge look for a government; one published
    # government supporter works on it (the draft one does not count).
    assert (
        "3 innovations are looking for a government body as a partner; "
        "only 1 supporter of that role works on this challenge." in html
    )
    assert "1 innovation is looking for a business as a partner; " in html
    assert "no supporter of that role works on this challenge yet." in html
    gaps = response.context["helix"].gaps
    assert [gap.role.code for gap in gaps] == ["government", "business"]
    everywhere = client.get("/en/insights/").content.decode()
    # Everywhere: four innovations look for a government (one on loneliness), one is listed.
    assert (
        "3 innovations are looking for a government body as a partner; "
        "only 1 supporter of that role is on the platform." in everywhere
    )
    in_limburg = client.get("/en/insights/?challenge=energy-poverty&region=limburg")
    assert (
        "2 innovations are looking for a government body as a partner; "
        "only 1 supporter of that role serves this selection." in in_limburg.content.decode()
    )
    assert 'href="/en/supporters/?challenge=energy-poverty&amp;role=government"' in html
    assert 'href="/en/innovations/?challenge=energy-poverty&amp;wanted=government"' in html


def test_unmet_needs_are_ordered_by_shortfall(client, ecosystem):
    rows = client.get("/en/insights/?region=limburg").context["needs"].rows
    shortfalls = [row.needed - row.offered for row in rows]
    assert shortfalls == sorted(shortfalls, reverse=True)
    # Limburg: two innovations need funding; the only funder serves Brussels.
    funding = next(row for row in rows if row.code == "funding")
    assert (funding.needed, funding.offered) == (2, 0)
    assert rows[0].code == "funding"


def test_places_are_drawn_where_their_municipality_is(client, ecosystem):
    region_map = client.get("/en/insights/").context["map"]
    # Genk and Gent (spelt " gent ") are known; Atlantis is not; Leuven's place names all of
    # Flanders but lies in Leuven; the draft host's and the draft place are not public.
    assert [(p.municipality, p.count) for p in region_map.points] == [
        ("Genk", 1),
        ("Gent", 1),
        ("Leuven", 1),
    ]
    assert region_map.spaces_unplaced == 1
    html = client.get("/en/insights/").content.decode()
    assert html.count('class="map__point"') == 3 + 1  # three dots and the legend's


def test_calendar_lists_published_deadlines_of_the_next_twelve_weeks(client, ecosystem):
    calendar = client.get("/en/insights/").context["calendar"]
    today = timezone.localdate()
    ends = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=83)
    expected = list(
        FundingOpportunity.objects.filter(
            status=Status.PUBLISHED, deadline__gte=today, deadline__lte=ends
        )
        .order_by("deadline", "name")
        .values_list("name", flat=True)
    )
    shown = [item.name for week in calendar.weeks for item in week.items]
    assert shown == expected == ["Today", "Soon", "Later"]
    assert calendar.count == 3
    for week in calendar.weeks:
        assert week.starts.weekday() == 0
        assert all(week.starts <= item.deadline <= week.ends for item in week.items)


def test_calendar_follows_the_selection(client, ecosystem):
    calendar = client.get("/en/insights/?theme=care").context["calendar"]
    assert [item.name for week in calendar.weeks for item in week.items] == ["Today"]


@pytest.mark.parametrize("selection", SELECTIONS, ids=_query)
def test_calendar_lists_learning_offers_starting_in_the_next_twelve_weeks(
    client, ecosystem, selection
):
    response = client.get(f"/en/insights/?{_query(selection)}")
    calendar = response.context["calendar"]
    today = timezone.localdate()
    ends = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=83)
    expected = list(
        learning_in(**selection)
        .filter(start_date__gte=today, start_date__lte=ends)
        .order_by("start_date", "name")
        .values_list("name", flat=True)
    )
    shown = [offer.name for week in calendar.weeks for offer in week.offers]
    assert shown == expected
    assert calendar.learning_count == len(expected)
    assert [week.starts for week in calendar.weeks] == sorted(w.starts for w in calendar.weeks)
    for week in calendar.weeks:
        assert week.starts.weekday() == 0
        assert all(week.starts <= offer.start_date <= week.ends for offer in week.offers)
    html = response.content.decode()
    for offer in LearningOffer.objects.filter(name__in=expected):
        assert f'<a href="{offer.get_absolute_url()}">{offer.name}</a>' in html
    if not selection:
        assert shown == ["Care today", "Starts soon", "Belgian care", "Wide course"]
    if selection == {"challenge": "energy-poverty", "region": "limburg"}:
        assert shown == ["Starts soon", "Wide course"]


def test_the_calendar_links_the_learning_offers_as_icalendar(client, ecosystem):
    response = client.get("/en/insights/?challenge=energy-poverty&region=limburg")
    calendar = response.context["calendar"]
    query = "challenge=energy-poverty&region=limburg"
    assert calendar.learning_ics_url == f"/en/learning/calendar.ics?{query}"
    assert calendar.learning_url == f"/en/learning/?{query}"
    html = response.content.decode()
    assert f'href="{calendar.learning_ics_url.replace("&", "&amp;")}"' in html
    assert client.get(calendar.learning_ics_url)["Content-Type"].startswith("text/calendar")


@pytest.mark.parametrize(
    "selection", [{"challenge": "energy-poverty"}, {"theme": "housing", "region": "limburg"}]
)
def test_every_innovation_link_shows_as_many_results_as_its_figure(client, ecosystem, selection):
    """A figure equals the length of the list it links to (map links excepted: they also show
    what covers a wider area, docs/insights.md)."""
    html = client.get(f"/en/insights/?{_query(selection)}").content.decode()
    before_map = html.split('id="map"')[0]
    links = re.findall(r'<a href="(/en/(?:innovations|supporters)/\?[^"]+)">(\d+)</a>', before_map)
    assert len(links) > 20
    for href, figure in links:
        listed = client.get(href.replace("&amp;", "&")).content.decode()
        found = re.search(r'class="results__count"[^>]*>\s*(\d+) results?', listed)
        assert found and found.group(1) == figure, href


# --- The page -------------------------------------------------------------------------------


def test_unknown_values_are_ignored_and_named(client, ecosystem):
    response = client.get("/insights/?theme=nope&region=mars&challenge=energy-poverty")
    assert response.status_code == 200
    selection = response.context["selection"]
    assert selection.challenge.slug == "energy-poverty"
    assert selection.theme is None and selection.region == ""
    html = response.content.decode()
    assert "<code>theme=nope</code>" in html and "<code>region=mars</code>" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_a_repeated_parameter_takes_the_last_value(client, ecosystem):
    selection = client.get("/insights/?region=nope&region=limburg").context["selection"]
    assert selection.region == "limburg"


def test_the_unfiltered_page_is_indexed_and_linked_from_navigation_and_home(client, ecosystem):
    html = client.get("/en/insights/").content.decode()
    assert "noindex" not in html
    assert '<a href="/en/insights/" aria-current="page">Insights</a>' in html
    assert 'href="/insights/"' in client.get("/").content.decode()
    assert 'href="/en/insights/"' in client.get("/en/").content.decode()


def test_every_chart_has_a_name_a_description_and_a_table(client, ecosystem):
    html = client.get("/en/insights/").content.decode()
    charts = re.findall(r"<svg class=\"chart[^>]*>", html)
    assert len(charts) == 4  # journey, helix, needs, map
    for tag in charts:
        assert 'role="img"' in tag
        labelled = re.search(r'aria-labelledby="([^"]+)"', tag).group(1)
        described = re.search(r'aria-describedby="([^"]+)"', tag).group(1)
        assert f'<title id="{labelled}">' in html
        assert f'<desc id="{described}">' in html
    assert html.count('<table class="figures">') == 4
    assert "Natural Earth" in html and "Statbel" in html and "GeoNames" in html


def test_query_count_is_constant(client, ecosystem, django_assert_num_queries):
    """The page's queries, whatever the amount of data:
    1-2 active themes and challenges (the selection form)
    -   innovations per stage, with each helix role, wanting each role, needing each support
        type: no query, the innovation list's facet index (built by the list's first visit)
    3 supporters per helix role
    4 supporters offering each support type
    5-8 innovations, supporters, places and learning offers (new) per area of the map
    9 places per municipality
    10 funding deadlines of the coming twelve weeks
    11 learning offers starting in the coming twelve weeks, with their provider (new)
    """
    client.get("/innovations/")  # builds the facet index, as any visit to the list
    with django_assert_num_queries(11):
        client.get("/insights/?challenge=energy-poverty&region=limburg")
    make_innovation(challenges=[ecosystem["energy"]], regions=["limburg"], needs=["coaching"])
    with CaptureQueriesContext(connection) as queries:
        client.get("/insights/?challenge=energy-poverty&region=limburg&theme=housing")
    assert len(queries) == 11


def test_figures_from_the_facet_index_equal_the_database_counts(client, ecosystem):
    """Until the innovation list has built its facet index the innovations' figures are
    counted in the database; then they come from the index: the same numbers."""

    def figures(context):
        return (
            [stage.count for stage in context["journey"].stages],
            [(role.have, role.want) for role in context["helix"].roles],
            [(row.code, row.needed) for row in context["needs"].rows],
        )

    counted = figures(client.get("/en/insights/?challenge=energy-poverty").context)
    client.get("/en/innovations/")  # builds the facet index
    with CaptureQueriesContext(connection) as queries:
        indexed = figures(client.get("/en/insights/?challenge=energy-poverty&x=1").context)

    assert not [q for q in queries if "innovations_innovation_partner_roles" in q["sql"]]
    assert indexed == counted
    assert sum(counted[0]) > 0 and any(want for _have, want in counted[1])


def test_hidden_content_never_counts(client, ecosystem):
    before = client.get("/en/insights/").context
    totals = (before["journey"].total, [r.supporters for r in before["helix"].roles])
    make_innovation(status=Status.ARCHIVED, challenges=[ecosystem["energy"]], stage="scaling")
    make_supporter(status=Status.SUBMITTED, helix_role="business", offers=["legal"])
    after = client.get("/en/insights/?x=1").context
    assert (after["journey"].total, [r.supporters for r in after["helix"].roles]) == totals


# --- The challenge hub ----------------------------------------------------------------------


def test_challenge_hub_shows_its_own_journey_and_gaps(client, ecosystem):
    response = client.get("/en/challenges/energy-poverty/")
    tables = tables_of(response)
    innovations = innovations_in(challenge="energy-poverty")
    journey = tables["Published innovations per stage"]
    for number, stage in enumerate(Stage, start=1):
        assert numbers(journey[f"{number}. {stage.label}"]) == [
            count_with(innovations, stage=stage)
        ]
    helix = tables["Helix roles: in partnerships, wanted and among supporters"]
    supporters = supporters_in(challenge="energy-poverty")
    for role in HelixRole:
        assert numbers(helix[str(role.label)]) == [
            count_with(innovations, partner_roles__code=role),
            count_with(innovations, wanted_roles__code=role),
            count_with(supporters, helix_role=role),
        ]
    html = response.content.decode()
    assert (
        "3 innovations are looking for a government body as a partner; "
        "only 1 supporter of that role works on this challenge." in html
    )
    assert 'href="/en/insights/?challenge=energy-poverty"' in html


@pytest.mark.parametrize("url", ["/insights/", "/challenges/energy-poverty/"])
def test_chart_coordinates_are_not_localised(client, ecosystem, url):
    """Dutch writes 26,5 for 26.5; an SVG coordinate must stay 26.5 in every language."""
    html = client.get(url).content.decode()
    coordinates = re.findall(r'\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height)="([^"]*)"', html)
    assert coordinates
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates), coordinates


@pytest.mark.django_db
def test_the_calendar_links_the_same_deadlines_as_icalendar(client):
    challenge = make_challenge(slug="energy")
    response = client.get(f"/insights/?challenge={challenge.slug}")

    link = response.context["calendar"].ics_url
    assert link == f"/funding/deadlines.ics?challenge={challenge.slug}"
    assert f'href="{link}"' in response.content.decode()
    assert client.get(link)["Content-Type"].startswith("text/calendar")
