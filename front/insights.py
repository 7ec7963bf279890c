"""The ecosystem as a system: the figures of /insights/ and of each challenge hub.

docs/insights.md defines every figure. The rules that make them trustworthy:
- Only published content counts: every query starts at the apps' `published()`.
- A selection (theme, challenge, region) narrows content exactly as the lists' filters do: the
  same `Q` of each list's FilterSet, so a figure equals the result count of the list it links
  to (the region semantics included: a province also finds Flanders-, Belgium- and
  Europe-wide items).
- Each figure is counted in the database, with the lists' own facet counting (`counts()` of
  the filter's condition): one aggregate query per group of figures, whatever the amount of
  data. Nothing loops over rows in Python except the few rows a page shows. The innovations'
  figures per stage, helix role and need come from the innovation list's facet index
  (`hubsi/facet_index.py`, the same bitsets its facet counts use) when the list has built it
  for the current catalogue version, with no query; until then from the database as above.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from front import mapdata, svg
from front.matching import ROLE_WITH_ARTICLE
from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity, today
from hubsi import facet_index
from hubsi.filtering import BitsetSelection
from hubsi.vocabulary import HelixRole, Region, Stage, SupportType
from innovations.filters import InnovationFilterSet
from innovations.models import Challenge, Innovation, Theme
from learning.filters import LearningFilterSet
from learning.models import LearningOffer
from supporters.filters import SpaceFilterSet, SupporterFilterSet
from supporters.models import ExperimentationSpace, Supporter

SELECTION_PARAMETERS = ("theme", "challenge", "region")
# The map's areas: the five Flemish provinces and Brussels. Items that name a wider area
# (all of Flanders, Belgium, Europe) are counted once, in their own row (docs/insights.md).
MAP_AREAS = (
    Region.WEST_FLANDERS,
    Region.EAST_FLANDERS,
    Region.ANTWERP,
    Region.FLEMISH_BRABANT,
    Region.LIMBURG,
    Region.BRUSSELS,
)
WIDER_AREAS = (Region.FLANDERS, Region.BELGIUM, Region.EUROPE)
CALENDAR_WEEKS = 12
GAPS_NAMED = 3


# --- The selection --------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What the visitor narrowed the figures to: at most one theme, challenge and region.

    Unknown values are dropped and listed in `ignored`, so a bad link never fails the page.
    """

    theme: Theme | None = None
    challenge: Challenge | None = None
    region: str = ""
    ignored: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_query(cls, data: QueryDict, themes: Iterable[Theme], challenges: Iterable[Challenge]):
        """Read from GET parameters; `themes` and `challenges` are the active ones (already
        read for the form, so this costs no query). A repeated parameter: the last one wins."""
        known = {
            "theme": {theme.slug: theme for theme in themes},
            "challenge": {challenge.slug: challenge for challenge in challenges},
            "region": {code: code for code in Region.values},
        }
        chosen, ignored = {}, []
        for name in SELECTION_PARAMETERS:
            values = [value for value in data.getlist(name) if value.strip()]
            if not values:
                continue
            if values[-1] in known[name]:
                chosen[name] = known[name][values[-1]]
            else:
                ignored.append((name, values[-1][:80]))
        return cls(**chosen, ignored=tuple(ignored))

    @property
    def active(self) -> bool:
        return bool(self.theme or self.challenge or self.region)

    @property
    def region_label(self) -> str:
        return str(Region(self.region).label) if self.region else ""

    def without_region(self) -> Selection:
        return Selection(theme=self.theme, challenge=self.challenge)

    def parameters(self) -> dict[str, list[str]]:
        """The selection as list filter values (parameter -> values)."""
        values = {}
        if self.theme:
            values["theme"] = [self.theme.slug]
        if self.challenge:
            values["challenge"] = [self.challenge.slug]
        if self.region:
            values["region"] = [self.region]
        return values

    def query(self, **extra: str) -> str:
        """The query string of a list showing this selection, plus `extra` parameters."""
        query = QueryDict(mutable=True)
        for name, values in self.parameters().items():
            query.setlist(name, values)
        for name, value in extra.items():
            query[name] = value
        return query.urlencode()

    def narrow(self, queryset, filterset_class):
        """`queryset` narrowed exactly as the list with this FilterSet narrows it."""
        for name, values in self.parameters().items():
            queryset = queryset.filter(filterset_class.base_filters[name].q_for(values))
        return queryset


def _condition(filterset_class, name: str):
    return filterset_class.base_filters[name].q_for


def _count_each(filterset_class, name: str, base, codes: Iterable[str]) -> dict[str, int]:
    """How many items of `base` the list's `name` filter selects for each code: one query,
    the list's own facet count."""
    condition = _condition(filterset_class, name)
    codes = list(codes)
    counts = condition.counts(base.order_by(), {f"c{i}": [code] for i, code in enumerate(codes)})
    return {code: counts[f"c{i}"] or 0 for i, code in enumerate(codes)}


def _link(list_name: str, query: str) -> str:
    url = reverse(list_name)
    return f"{url}?{query}" if query else url


def published_innovations(selection: Selection):
    return selection.narrow(Innovation.objects.published(), InnovationFilterSet)


def innovation_bitsets(selection: Selection) -> BitsetSelection | None:
    """The published innovations of the selection as the innovation list's bitsets, or None
    (then count in the database) when the index of the current catalogue version is not
    built yet and cannot be patched from the version before: the innovation list builds it;
    the hub and this page never wait for a build (seconds at 100,000 innovations, where their
    aggregate queries take a few hundred ms)."""
    index = facet_index.get(
        InnovationFilterSet,
        Innovation.objects.published(),
        InnovationFilterSet.bitset_order,
        build_if_missing=False,
    )
    if index is None:
        return None
    selected = {
        name: index.selected(name, values) for name, values in selection.parameters().items()
    }
    return BitsetSelection(index, index.everything, selected)


def _count_innovations(selection: Selection, name: str, codes: Iterable[str]) -> dict[str, int]:
    """How many published innovations of the selection the list's `name` filter selects for
    each code: the list's facet counts, from its bitsets when they are built."""
    codes = list(codes)
    bitsets = innovation_bitsets(selection)
    if bitsets is None:
        return _count_each(InnovationFilterSet, name, published_innovations(selection), codes)
    counts = bitsets.counts(name, [(code, code) for code in codes])
    return {code: counts[f"c{i}"] for i, code in enumerate(codes)}


def published_supporters(selection: Selection):
    return selection.narrow(Supporter.objects.published(), SupporterFilterSet)


def current_learning(selection: Selection):
    """Published learning offers that are not past, narrowed as the learning list narrows
    them (the list leaves past offers out too)."""
    return selection.narrow(LearningOffer.objects.published().current(), LearningFilterSet)


# --- The stage journey ----------------------------------------------------------------------


@dataclass(frozen=True)
class StageCount:
    code: str
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class StageJourney:
    total: int
    stages: list[StageCount]
    chart: svg.Journey
    description: str


def stage_journey(selection: Selection) -> StageJourney:
    """Published innovations per stage (the facet index, or one query), in the order of the
    journey."""
    codes = Stage.values
    counts = _count_innovations(selection, "stage", codes)
    stages = [
        StageCount(
            code,
            str(Stage(code).label),
            counts[code],
            _link("innovations:innovation-list", selection.query(stage=code)),
        )
        for code in codes
    ]
    return StageJourney(
        total=sum(counts.values()),  # every innovation has exactly one stage
        stages=stages,
        chart=svg.journey([(stage.label, stage.count) for stage in stages]),
        description=_listing(
            gettext("%(label)s: %(count)s") % {"label": s.label, "count": s.count} for s in stages
        ),
    )


# --- The helix ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleCount:
    code: str
    label: str
    have: int  # innovations with the role in their partnership
    want: int  # innovations looking for a partner of the role
    supporters: int  # supporters of the role that serve the selection
    have_url: str
    want_url: str
    supporters_url: str

    @property
    def gap(self) -> int:
        return self.want - self.supporters


@dataclass(frozen=True)
class Gap:
    role: RoleCount
    sentence: str


@dataclass(frozen=True)
class Helix:
    roles: list[RoleCount]
    gaps: list[Gap]
    chart: svg.BarChart
    description: str


def helix(selection: Selection) -> Helix:
    """Per helix role: innovations that have it, that want it (the facet index, or two
    queries), and supporters with it (one query); the largest gaps (wanted by more
    innovations than supporters serve) named."""
    codes = HelixRole.values
    have = _count_innovations(selection, "role", codes)
    want = _count_innovations(selection, "wanted", codes)
    supporters = _count_each(SupporterFilterSet, "role", published_supporters(selection), codes)
    roles = [
        RoleCount(
            code=code,
            label=str(HelixRole(code).label),
            have=have[code],
            want=want[code],
            supporters=supporters[code],
            have_url=_link("innovations:innovation-list", selection.query(role=code)),
            want_url=_link("innovations:innovation-list", selection.query(wanted=code)),
            supporters_url=_link("supporters:supporter-list", selection.query(role=code)),
        )
        for code in codes
    ]
    short = sorted(
        (role for role in roles if role.gap > 0), key=lambda role: (-role.gap, -role.want)
    )
    gaps = [Gap(role, _gap_sentence(role, selection)) for role in short[:GAPS_NAMED]]
    series = [gettext("have it as partner"), gettext("look for it"), gettext("supporters")]
    return Helix(
        roles=roles,
        gaps=gaps,
        chart=svg.bar_chart(
            [(role.label, [role.have, role.want, role.supporters]) for role in roles], series
        ),
        description=_listing(
            gettext(
                "%(role)s: in the partnership of %(have)s, looked for by %(want)s, "
                "supporters: %(supporters)s"
            )
            % {
                "role": role.label,
                "have": role.have,
                "want": role.want,
                "supporters": role.supporters,
            }
            for role in roles
        ),
    )


def _gap_sentence(role: RoleCount, selection: Selection) -> str:
    wanted = ngettext(
        "%(count)s innovation is looking for %(role)s as a partner",
        "%(count)s innovations are looking for %(role)s as a partner",
        role.want,
    ) % {"count": role.want, "role": ROLE_WITH_ARTICLE[role.code]}
    only_challenge = selection.challenge and not (selection.theme or selection.region)
    if role.supporters == 0 and only_challenge:
        served = gettext("no supporter of that role works on this challenge yet")
    elif role.supporters == 0:
        served = gettext("no supporter of that role serves this selection yet")
    elif only_challenge:
        served = ngettext(
            "only %(count)s supporter of that role works on this challenge",
            "only %(count)s supporters of that role work on this challenge",
            role.supporters,
        ) % {"count": role.supporters}
    elif selection.active:
        served = ngettext(
            "only %(count)s supporter of that role serves this selection",
            "only %(count)s supporters of that role serve this selection",
            role.supporters,
        ) % {"count": role.supporters}
    else:
        served = ngettext(
            "only %(count)s supporter of that role is on the platform",
            "only %(count)s supporters of that role are on the platform",
            role.supporters,
        ) % {"count": role.supporters}
    return gettext("%(wanted)s; %(served)s.") % {"wanted": wanted, "served": served}


# --- Unmet needs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedCount:
    code: str
    label: str
    needed: int  # innovations that need it
    offered: int  # supporters that offer it and serve the selection
    needed_url: str
    offered_url: str

    @property
    def shortfall(self) -> int:
        return self.needed - self.offered


@dataclass(frozen=True)
class Needs:
    rows: list[NeedCount]  # most unmet first
    unmet: list[NeedCount]  # needed by more innovations than supporters offer it
    chart: svg.BarChart
    description: str


def needs(selection: Selection) -> Needs:
    """Per support type: innovations that need it (the facet index, or one query) and
    supporters (serving the selection, its region included) that offer it (one query).
    Ordered by the shortfall."""
    codes = SupportType.values
    needed = _count_innovations(selection, "support", codes)
    offered = _count_each(SupporterFilterSet, "support", published_supporters(selection), codes)
    rows = [
        NeedCount(
            code=code,
            label=str(SupportType(code).label),
            needed=needed[code],
            offered=offered[code],
            needed_url=_link("innovations:innovation-list", selection.query(support=code)),
            offered_url=_link("supporters:supporter-list", selection.query(support=code)),
        )
        for code in codes
    ]
    rows.sort(key=lambda row: (-row.shortfall, -row.needed, codes.index(row.code)))
    return Needs(
        rows=rows,
        unmet=[row for row in rows if row.shortfall > 0],
        chart=svg.bar_chart(
            [(row.label, [row.needed, row.offered]) for row in rows],
            [gettext("innovations need it"), gettext("supporters offer it")],
        ),
        description=_listing(
            gettext("%(support)s: needed by %(needed)s, offered by %(offered)s")
            % {"support": row.label, "needed": row.needed, "offered": row.offered}
            for row in rows
        ),
    )


# --- The map --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaCount:
    code: str
    label: str
    innovations: int
    supporters: int
    spaces: int
    learning: int
    innovations_url: str
    supporters_url: str
    spaces_url: str
    learning_url: str
    path: str = ""
    label_x: float = 0
    label_y: float = 0
    shade: int = 0

    @property
    def count_y(self) -> float:
        """The number goes under the name."""
        return round(self.label_y + 17, 1)


@dataclass(frozen=True)
class Point:
    municipality: str
    count: int
    x: float
    y: float


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    background: str  # path data of Wallonia, drawn for orientation
    areas: list[AreaCount]
    wider: AreaCount  # items naming all of Flanders, Belgium or Europe
    shades: list[tuple[int, int, int]]  # (class, low, high) for the legend
    points: list[Point]
    spaces_placed: int  # places drawn as points
    spaces_unplaced: int  # places whose municipality has no known coordinates
    description: str


def region_map(selection: Selection) -> RegionMap:
    """Innovations, supporters, places and learning offers per area, for the selection's theme
    and challenge
    (the map is the breakdown by region, so a region in the selection does not narrow it).

    An item counts in an area when it names the area itself; items naming a wider area are
    counted once, in `wider`. Five queries, whatever the number of items.
    """
    topic = selection.without_region()
    innovations = published_innovations(topic)
    supporters = published_supporters(topic)
    spaces = topic.narrow(ExperimentationSpace.objects.published(), SpaceFilterSet)
    learning = current_learning(topic)
    codes = [*MAP_AREAS, "wider"]

    def per_area(filterset_class, name, base):
        condition = _condition(filterset_class, name).condition  # exact regions
        groups = {code: [code] for code in MAP_AREAS}
        groups["wider"] = list(WIDER_AREAS)
        return condition.counts(base.order_by(), {f"c{i}": groups[c] for i, c in enumerate(codes)})

    counts = {
        "innovations": per_area(InnovationFilterSet, "region", innovations),
        "supporters": per_area(SupporterFilterSet, "region", supporters),
        "spaces": per_area(SpaceFilterSet, "region", spaces),
        "learning": per_area(LearningFilterSet, "region", learning),
    }
    geometry = mapdata.load()

    def area(index: int, code: str, label: str, shade_bounds=None) -> AreaCount:
        shape = geometry["regions"].get(code, {})
        found = {kind: counts[kind][f"c{index}"] or 0 for kind in counts}
        region = code if code != "wider" else Region.FLANDERS
        return AreaCount(
            code=code,
            label=label,
            **found,
            innovations_url=_link("innovations:innovation-list", topic.query(region=region)),
            supporters_url=_link("supporters:supporter-list", topic.query(region=region)),
            spaces_url=_link("supporters:space-list", topic.query(region=region)),
            learning_url=_link("learning:offer-list", topic.query(region=region)),
            path=shape.get("path", ""),
            label_x=shape.get("label", [0, 0])[0],
            label_y=shape.get("label", [0, 0])[1],
            shade=svg.shade_of(found["innovations"], shade_bounds or []),
        )

    largest = max(counts["innovations"][f"c{i}"] or 0 for i in range(len(MAP_AREAS)))
    bounds = svg.shade_steps(largest)
    areas = [
        area(index, code, str(Region(code).label), bounds) for index, code in enumerate(MAP_AREAS)
    ]
    wider = area(len(MAP_AREAS), "wider", gettext("All of Flanders, Belgium or Europe"))
    points, placed, unplaced = _space_points(spaces, geometry["municipalities"])
    return RegionMap(
        width=geometry["width"],
        height=geometry["height"],
        background=geometry["regions"].get(mapdata.BACKGROUND, {}).get("path", ""),
        areas=areas,
        wider=wider,
        shades=[(index + 1, low, high) for index, (low, high) in enumerate(bounds)],
        points=points,
        spaces_placed=placed,
        spaces_unplaced=unplaced,
        description=_listing(
            gettext("%(label)s: %(count)s") % {"label": a.label, "count": a.innovations}
            for a in areas
        ),
    )


def _space_points(spaces, municipalities: dict) -> tuple[list[Point], int, int]:
    """Places per municipality (one grouped query), drawn where the municipality's town centre
    is; names are matched case-insensitively to the Statbel names."""
    rows = spaces.order_by().values("municipality").annotate(count=Count("pk"))
    merged: dict[str, list] = {}
    unplaced = 0
    for row in rows:
        known = municipalities.get(row["municipality"].strip().casefold())
        if known is None:
            unplaced += row["count"]
            continue
        name, _province, x, y = known
        merged.setdefault(name, [x, y, 0])[2] += row["count"]
    points = [Point(name, count, x, y) for name, (x, y, count) in sorted(merged.items())]
    return points, sum(point.count for point in points), unplaced


# --- The calendar ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    starts: datetime.date
    ends: datetime.date
    items: list = field(default_factory=list)  # funding deadlines
    offers: list = field(default_factory=list)  # learning offers starting


@dataclass(frozen=True)
class Calendar:
    starts: datetime.date  # today
    ends: datetime.date  # the last day of the twelfth week
    count: int
    weeks: list[Week]  # only weeks with a deadline or a learning offer starting
    open_url: str  # the funding list: open now or rolling, in the selection
    ics_url: str  # the same deadlines for a calendar app (opendata/calendars.py)
    learning_count: int = 0
    learning_url: str = ""  # the learning list in the selection
    learning_ics_url: str = ""  # learning offers for a calendar app (learning/calendar.py)


def calendar(selection: Selection, on: datetime.date | None = None) -> Calendar:
    """Published funding with a deadline, and published learning offers (not past) that start,
    from today to the end of the twelfth week (weeks start on Monday; this week is the first).
    Two queries; only the rows shown are read."""
    on = on or today()
    first_monday = on - datetime.timedelta(days=on.weekday())
    ends = first_monday + datetime.timedelta(weeks=CALENDAR_WEEKS, days=-1)
    rows = (
        selection.narrow(FundingOpportunity.objects.published(), FundingFilterSet)
        .filter(deadline__gte=on, deadline__lte=ends)
        .order_by("deadline", "name", "pk")
        .only("name", "slug", "funder_name", "deadline", "instrument")
    )
    offers = (
        current_learning(selection)
        .filter(start_date__gte=on, start_date__lte=ends)
        .select_related("provider")
        .order_by("start_date", "name", "pk")
    )
    weeks: dict[datetime.date, Week] = {}

    def week_of(day: datetime.date) -> Week:
        monday = day - datetime.timedelta(days=day.weekday())
        return weeks.setdefault(monday, Week(monday, monday + datetime.timedelta(days=6)))

    count = learning_count = 0
    for item in rows:
        week_of(item.deadline).items.append(item)
        count += 1
    for offer in offers:
        week_of(offer.start_date).offers.append(offer)
        learning_count += 1
    return Calendar(
        starts=on,
        ends=ends,
        count=count,
        weeks=sorted(weeks.values(), key=lambda week: week.starts),
        open_url=_link("funding:funding-list", selection.query(open="1")),
        ics_url=_link("funding-deadlines", selection.query()),
        learning_count=learning_count,
        learning_url=_link("learning:offer-list", selection.query()),
        learning_ics_url=_link("learning:offer-calendar", selection.query()),
    )


# --- Helpers --------------------------------------------------------------------------------


def _listing(parts: Iterable[str]) -> str:
    return "; ".join(parts) + "."


def selection_choices() -> tuple[list[Theme], list[Challenge]]:
    """The active themes and challenges, for the selection form (two queries)."""
    themes = list(Theme.objects.active().order_by_name())
    challenges = list(Challenge.objects.active().select_related("theme").order_by_name())
    return themes, challenges
