"""List filters shared by every public list: one mechanism for filtering and facet counts.

Each facet filter knows the `Q` that selects the items matching some of its values. The same
`Q` filters the list and counts the facets, so a count always equals the number of results a
click on that value gives. Several values of one parameter mean OR; different parameters AND.
Unknown values are dropped before validation and reported, so bad input never fails a page.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import django_filters
from django.db.models import Count, F, Q, Value
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hubsi import facet_index
from hubsi.caching import cached_facets, catalogue_version
from hubsi.search import MAX_QUERY_LENGTH, is_ranked, ranked_matches
from hubsi.vocabulary import regions_covering


class Condition:
    """Selects items matching any of some values, and counts items per group of values.

    Calling it gives the `Q` for filtering. `counts(base, groups)` gives, for each named group
    of values, how many items of `base` the same condition would select, in one query.
    """

    def __call__(self, values: list) -> Q:
        raise NotImplementedError

    def __deepcopy__(self, memo):
        # A declaration shared by every request: django-filter copies a FilterSet's filters
        # for each one, which need not copy this (nor the memory of `ByDay`).
        return self

    def counts(self, base, groups: dict[str, list]) -> dict[str, int]:
        return base.aggregate(
            **{name: Count("pk", filter=self(values)) for name, values in groups.items()}
        )

    # For the facet index (hubsi/facet_index.py), which builds a bitset per value from these.
    # Only the conditions of a list with `bitset_order` need them.
    keeps_exact_values = False

    def value_rows(self, queryset):
        """(primary key, value) for each value each item has, in one query; rows of items not
        in `queryset` may come along (the index leaves out what it does not list)."""
        raise NotImplementedError(f"{type(self).__name__} cannot be indexed as bitsets")

    def values_matching(self, key: str) -> list:
        """The values an item may have to be selected by `key`."""
        return [key]


class ViaM2M(Condition):
    """Items linked through `m2m_name` to a target whose `target_lookup` is one of the values.

    Filtering uses a subquery on the link table (indexed on the target column), so no
    duplicates arise. Counting scans only the link rows of the items in `base`, grouped by
    value, so a narrow list is counted fast however large the catalogue is.
    """

    def __init__(self, model, m2m_name: str, target_lookup: str = "pk"):
        self.model, self.m2m_name, self.target_lookup = model, m2m_name, target_lookup

    def _link(self):
        field = self.model._meta.get_field(self.m2m_name)
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()

    def __call__(self, values: list) -> Q:
        through, source, target = self._link()
        links = through.objects.filter(**{f"{target}__{self.target_lookup}__in": values})
        return Q(pk__in=links.values(f"{source}_id"))

    def value_rows(self, queryset):
        # Every link row: leaving out those of unlisted items costs less in the index than
        # reading the items' table here.
        through, source, target = self._link()
        return through.objects.values_list(f"{source}_id", f"{target}__{self.target_lookup}")

    def counts(self, base, groups: dict[str, list]) -> dict[str, int]:
        through, source, target = self._link()
        links = through.objects.filter(**{f"{source}_id__in": base.values("pk")})
        # A link row is unique per item and target; several values per group, or a lookup
        # through the target (a challenge's theme), can meet one item twice.
        return links.aggregate(
            **{
                name: Count(
                    f"{source}_id",
                    distinct=len(values) > 1 or "__" in self.target_lookup,
                    filter=Q(**{f"{target}__{self.target_lookup}__in": values}),
                )
                for name, values in groups.items()
            }
        )


class ViaField(Condition):
    def __init__(self, field_name: str):
        self.field_name = field_name

    def __call__(self, values: list) -> Q:
        return Q(**{f"{self.field_name}__in": values})

    def value_rows(self, queryset):
        return queryset.order_by().values_list("pk", F(self.field_name))


class AnyOf(Condition):
    def __init__(self, *conditions: Condition):
        self.conditions = conditions

    def __call__(self, values: list) -> Q:
        q = Q()
        for condition in self.conditions:
            q |= condition(values)
        return q

    def value_rows(self, queryset):
        # An item has a value when any of the conditions gives it; each selects by the value
        # itself (no wider area), so the rows of all of them mean the same.
        assert all(type(c).values_matching is Condition.values_matching for c in self.conditions)
        return itertools.chain.from_iterable(c.value_rows(queryset) for c in self.conditions)


class CoveringRegions(Condition):
    """A region also matches what serves a wider area that contains it."""

    def __init__(self, condition: Condition):
        self.condition = condition

    def __call__(self, values: list) -> Q:
        return self.condition(sorted(regions_covering(values)))

    def counts(self, base, groups: dict[str, list]) -> dict[str, int]:
        covering = {name: sorted(regions_covering(values)) for name, values in groups.items()}
        return self.condition.counts(base, covering)

    # The regions themselves are indexed too, without the wider areas (matching's "shares a
    # region").
    keeps_exact_values = True

    def value_rows(self, queryset):
        return self.condition.value_rows(queryset)

    def values_matching(self, key: str) -> list:
        return sorted(regions_covering([key]))


class Always(Condition):
    """A flag parameter (`open=1`) whose meaning is a fixed condition: one that does not
    change with the day (see `ByDay` for those)."""

    def __init__(self, build_q: Callable[[], Q]):
        self.build_q = build_q

    def __call__(self, values: list) -> Q:
        return self.build_q()

    def value_rows(self, queryset):
        return queryset.filter(self.build_q()).order_by().values_list("pk", Value(FLAG_ON))

    def values_matching(self, key: str) -> list:
        return [FLAG_ON]  # every value of the flag means the condition


FLAG_ON = "on"


class ByDay(Condition):
    """A condition on an item's dates that changes with the day (a call is open now, a
    learning offer is past), as the list's facet index needs it.

    `group(*dates, on)` puts an item in a group on day `on`: a sortable tuple whose first
    element is a rank (the list's order by day goes by these groups); the flag selects the
    ranks in `selects`. `q_on(on)` says the same in SQL (None: today).

    The facet index is built once per catalogue version but a day passes without any change
    of the catalogue, so it keeps no bitset for the flag: it keeps the items of each
    combination of dates (exact values), and the bitsets for the day are put together from
    those when they are read (`groups_on`).
    """

    keeps_exact_values = True

    def __init__(
        self,
        fields: tuple[str, ...],
        group: Callable[..., tuple],
        q_on: Callable[[datetime.date | None], Q],
        selects: Iterable[int] = (),
    ):
        self.fields, self.group, self.q_on = fields, group, q_on
        self.selects = frozenset(selects)
        self._groups_of: tuple[datetime.date | None, dict[str, tuple]] = (None, {})

    def __call__(self, values: list) -> Q:
        return self.q_on(None)

    def value_rows(self, queryset):
        rows = queryset.order_by().values_list("pk", *self.fields)
        return ((pk, "|".join(d.isoformat() if d else "" for d in dates)) for pk, *dates in rows)

    def values_matching(self, key: str) -> list:
        return []  # no bitset that would outlive the day: see groups_on()

    def groups_on(self, exact: dict[str, int], on: datetime.date) -> dict[tuple, int]:
        """The items of each group on day `on`, from the bitsets of each combination of dates."""
        day, groups_of = self._groups_of
        if day != on:
            groups_of = {}
            self._groups_of = (on, groups_of)
        groups = defaultdict(int)
        for value, bits in exact.items():
            key = groups_of.get(value)
            if key is None:
                dates = (datetime.date.fromisoformat(d) if d else None for d in value.split("|"))
                key = groups_of[value] = self.group(*dates, on)
            groups[key] |= bits
        return groups


via_m2m = ViaM2M
via_field = ViaField
any_of = AnyOf
covering_regions = CoveringRegions


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A repeatable GET parameter whose values are OR-ed and counted as a facet."""

    def __init__(self, *, q_for: Condition, choices, facet: bool = True, **kwargs):
        self.q_for = q_for
        self.facet = facet
        kwargs.setdefault("widget", django_filters.widgets.QueryArrayWidget)
        super().__init__(choices=choices, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.q_for(list(value)))


class ListFilterSet(django_filters.FilterSet):
    """Base for public list filters. `q` is text search through the QuerySet's `search()`.

    With `bitset_order` (the order of the facet index), facets are counted and results listed
    from bitsets (hubsi/facet_index.py) instead of one aggregate query per facet, whenever the
    parameters given are facet filters, a search and those in `bitset_params`. A list whose
    default order depends on the day names the `ByDay` entry it follows in `bitset_day_order`:
    the groups of that entry for today, each in the index's order, one after the other.
    """

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    bitset_order: tuple | None = None
    bitset_params: frozenset[str] = frozenset({"q", "sort"})
    bitset_day_order: str | None = None
    # Entries the index keeps besides the facets (a learning offer's dates: past or not).
    bitset_extra: dict[str, "FacetFilter"] = {}

    @classmethod
    def facet_filters(cls) -> dict[str, "FacetFilter"]:
        return {
            name: flt
            for name, flt in cls.base_filters.items()
            if isinstance(flt, FacetFilter) and flt.facet
        }

    @classmethod
    def indexed_filters(cls) -> dict[str, "FacetFilter"]:
        """What the facet index keeps: every facet, and the extra entries."""
        return {**cls.facet_filters(), **cls.bitset_extra}

    @staticmethod
    def choice_pairs(flt) -> list[tuple[str, str]]:
        return _choice_pairs(flt.extra["choices"])

    def __init__(self, data: QueryDict | None = None, queryset=None, *, request=None):
        self.ignored: list[tuple[str, str]] = []
        # Choices from the database are read once per request, not once per use.
        self.choices = {
            name: _choice_pairs(flt.extra["choices"])
            for name, flt in self.base_filters.items()
            if isinstance(flt, FacetFilter)
        }
        data = self._known_values_only(data if data is not None else QueryDict())
        super().__init__(data, queryset, request=request)
        for name, choices in self.choices.items():
            self.filters[name].extra["choices"] = choices

    def _known_values_only(self, data: QueryDict) -> QueryDict:
        clean = QueryDict(mutable=True)
        for name, flt in self.base_filters.items():
            values = [v for v in data.getlist(name) if v.strip()]
            if not values:
                continue
            if isinstance(flt, FacetFilter):
                known = {key for key, _label in self.choices[name]}
                kept = list(dict.fromkeys(v for v in values if v in known))
                self.ignored.extend((name, v) for v in values if v not in known)
                clean.setlist(name, kept)
            elif "choices" in flt.extra:
                known = {str(key) for key, _label in _choice_pairs(flt.extra["choices"])}
                if values[-1] in known:
                    clean[name] = values[-1]
                else:
                    self.ignored.append((name, values[-1]))
            else:
                # Single-valued parameters: the last one wins, like a form field.
                clean[name] = values[-1][:MAX_QUERY_LENGTH]
        return clean

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def keep_order(self, queryset, name, value):
        return queryset  # `sort` is read by the view, which orders the results

    @property
    def active(self) -> bool:
        """True when any filter narrows the list (filtered pages are not indexed)."""
        self.is_valid()
        return any(self.form.cleaned_data.get(name) for name in self.filters if name != "sort")

    @property
    def query(self) -> str:
        return (self.form.cleaned_data.get("q") or "").strip() if self.is_valid() else ""

    def chips(self) -> list[dict]:
        """Each chosen search and filter value, with the same list without it (first page):
        the removable "chips" above the results."""
        data = self.data
        chips = []
        if self.query:
            chips.append({"label": f"“{self.query}”", "querystring": _without(data, "q")})
        for name, choices in self.choices.items():
            labels = dict(choices)
            for value in data.getlist(name):
                label = f"{self.filters[name].label}: {labels[value]}"
                chips.append({"label": label, "querystring": _without(data, name, value)})
        return chips

    def queryset_without(self, excluded: str):
        """The base queryset with every filter applied except `excluded` (for its facet)."""
        self.is_valid()
        qs = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name in (excluded, "sort") or not value:
                continue
            qs = self.filters[name].filter(qs, value)
        return qs

    def facets(self) -> list[dict]:
        """Facet groups with a count per value, each following all the other filters.

        From the facet index when the list has one (`bitsets`). Otherwise one aggregate query
        per facet, whatever the amount of data, cached per combination of the other filters
        and the day on the shared cache (invalidated with the catalogue version).
        """
        self.is_valid()
        cleaned = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in self.form.cleaned_data.items()
            if value and name != "sort"
        }
        groups = []
        bitsets = self.bitsets
        for name, flt in self.filters.items():
            if not isinstance(flt, FacetFilter) or not flt.facet:
                continue
            choices = self.choices[name]
            others = tuple(sorted((k, v) for k, v in cleaned.items() if k != name))
            if bitsets is not None:
                counts = bitsets.counts(name, choices)
            else:
                counts = cached_facets(
                    # With the day: some conditions change with it (a call's deadline).
                    (self._meta.model._meta.label, name, others, timezone.localdate()),
                    lambda name=name, flt=flt, choices=choices: flt.q_for.counts(
                        self.queryset_without(name).order_by(),
                        {f"c{index}": [key] for index, (key, _label) in enumerate(choices)},
                    ),
                )
            selected = set(self.form.cleaned_data.get(name) or [])
            groups.append(
                {
                    "name": name,
                    "label": flt.label,
                    "options": [
                        {
                            "value": key,
                            "label": label,
                            "count": counts[f"c{index}"],
                            "checked": key in selected,
                        }
                        for index, (key, label) in enumerate(choices)
                    ],
                    "selected": len(selected),
                }
            )
        return groups

    @cached_property
    def bitsets(self) -> "BitsetSelection | None":
        """The selection as bitsets (hubsi/facet_index.py), or None when they do not apply:
        not enabled, a parameter the index cannot answer, or the index being built elsewhere."""
        if self.bitset_order is None or not self.is_valid():
            return None
        cleaned = {name: value for name, value in self.form.cleaned_data.items() if value}
        facet_names = set(self.facet_filters())
        if set(cleaned) - facet_names - self.bitset_params:
            return None
        index = facet_index.get(
            type(self), self.queryset.model.objects.published(), self.bitset_order
        )
        if index is None:
            return None
        day = self._bits_of_the_day(index)
        matching, ranks = self.bitset_scope(index, day), None
        if cleaned.get("q"):
            found = self.queryset.search(cleaned["q"]).order_by()
            if is_ranked(found):
                # One query for what matches and how well: the list is ordered from it
                # (kept per query and catalogue version on the shared cache).
                ranks = dict(ranked_matches(found))
                matching &= index.bitset_of(ranks)
            else:
                matching &= index.bitset_of(found.values_list("pk", flat=True))
        selection = BitsetSelection(index, matching, {}, ranks, day.flags, day.order)
        selection.selected = {
            name: selection.selected_of(name, values)
            for name, values in cleaned.items()
            if name in facet_names
        }
        return selection

    def bitset_scope(self, index, day: "BitsOfTheDay") -> int:
        """The items of the index the list shows before any filter: all of them."""
        return index.everything

    def _bits_of_the_day(self, index) -> "BitsOfTheDay":
        """The groups of each `ByDay` entry today, the bitsets of its flag, and the list's
        order by day."""
        on = timezone.localdate()
        day = BitsOfTheDay()
        for name, flt in self.indexed_filters().items():
            condition = flt.q_for
            if not isinstance(condition, ByDay):
                continue
            entry = f"{name}:exact"
            exact = {value: bits for (of, value), bits in index.bits.items() if of == entry}
            groups = condition.groups_on(exact, on)
            day.groups[name] = groups
            flag = day.of(name, condition.selects)
            for key, _label in self.choices.get(name, ()):
                day.flags[(name, key)] = flag
            if name == self.bitset_day_order:
                day.order = [groups[key] for key in sorted(groups)]
        return day


@dataclass
class BitsOfTheDay:
    """What depends on the day in a facet index (the `ByDay` entries): per entry, the items of
    each group today; the bitsets of the flags; the list's order by day, as groups."""

    groups: dict[str, dict[tuple, int]] = field(default_factory=dict)
    flags: dict[tuple[str, str], int] = field(default_factory=dict)
    order: list[int] | None = None

    def of(self, name: str, ranks) -> int:
        """The items whose group of the entry `name` has one of these ranks today."""
        bits = 0
        for key, members in self.groups[name].items():
            if key[0] in ranks:
                bits |= members
        return bits


@dataclass
class BitsetSelection:
    """What the filters select, as bitsets: `matching` the search (or everything), then one
    bitset per active facet filter."""

    index: "facet_index.FacetIndex"
    matching: int
    selected: dict[str, int]
    ranks: dict[int, float] | None = None  # the search's rank per item, on PostgreSQL
    day_bits: dict[tuple[str, str], int] = field(default_factory=dict)  # flags, for today
    day_order: list[int] | None = None  # the list's order by day: groups, for today

    def bits_of(self, name: str, key: str) -> int:
        """The items a click on one value of a filter selects."""
        bits = self.day_bits.get((name, key))
        return self.index.bits.get((name, key), 0) if bits is None else bits

    def selected_of(self, name: str, values) -> int:
        """Items matching any of the values of one filter (several values mean OR)."""
        result = 0
        for value in values:
            result |= self.bits_of(name, value)
        return result

    def without(self, excluded: str | None) -> int:
        bits = self.matching
        for name, selected in self.selected.items():
            if name != excluded:
                bits &= selected
        return bits

    def counts(self, name: str, choices) -> dict[str, int]:
        base = self.without(name)
        return {
            f"c{position}": (base & self.bits_of(name, key)).bit_count()
            for position, (key, _label) in enumerate(choices)
        }

    def results(self, queryset) -> "facet_index.IndexedResults":
        """The results in the index's (default) order."""
        return facet_index.IndexedResults(self.index, self.without(None), queryset)

    def results_by_day(self, queryset) -> "facet_index.IndexedGroupsResults":
        """The results in the list's order by day: group after group, each in the index's
        order."""
        selected = self.without(None)
        return facet_index.IndexedGroupsResults(
            self.index, [group & selected for group in self.day_order], queryset
        )

    def ranked_results(self, queryset) -> "facet_index.RankedResults":
        """The results by search rank, ties in the index's order."""
        selected = self.without(None)
        flags = selected.to_bytes((len(self.index.pks) + 7) // 8, "little")
        positions = self.index.positions()
        keyed = []
        for pk, rank in self.ranks.items():
            i = positions.get(pk)
            if i is not None and flags[i >> 3] >> (i & 7) & 1:
                keyed.append((-rank, i, pk))
        keyed.sort()
        return facet_index.RankedResults([pk for _rank, _position, pk in keyed], queryset)


def _without(data: QueryDict, name: str, value: str | None = None) -> str:
    """The query string without one value of a parameter (without all of it when `value` is
    None), back on the first page."""
    rest = data.copy()
    rest.pop("page", None)
    if value is None:
        rest.pop(name, None)
    else:
        rest.setlist(name, [v for v in rest.getlist(name) if v != value])
    return rest.urlencode()


def _choice_pairs(choices) -> list[tuple[str, str]]:
    if callable(choices):
        choices = choices()
    return [(str(key), label) for key, label in choices]


def choices_from(queryset_factory: Callable[[], Iterable]) -> Callable[[], list]:
    """Lazy choices (slug, name) from a queryset of catalogue content (themes, challenges),
    read when a form is built: once per catalogue version and language in each process, as
    any change of them starts a new version (two queries less on every uncached list)."""
    read: dict[tuple, list] = {}

    def choices() -> list:
        key = (catalogue_version(), get_language())
        if key not in read:
            if len(read) > 8:
                read.clear()  # older versions
            read[key] = [(obj.slug, obj.name) for obj in queryset_factory()]
        return read[key]

    return choices


def sort_filter(*options: tuple[str, str]) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=_("Sort by"), choices=list(options), method="keep_order", empty_label=None
    )


def theme_interest(model) -> Condition:
    """Content linked to themes and to challenges: a theme matches what is linked to it or to
    any of its challenges."""
    return any_of(via_m2m(model, "themes", "slug"), via_m2m(model, "challenges", "theme__slug"))


def challenge_interest(model) -> Condition:
    """Content linked to themes and to challenges: a challenge matches what is linked to it or
    to its whole theme."""
    return any_of(
        via_m2m(model, "challenges", "slug"), via_m2m(model, "themes", "challenges__slug")
    )


class InterestQuerySetMixin:
    """For the QuerySet of content linked to themes and challenges of interest."""

    def in_challenge(self, slug: str):
        """What a challenge hub lists: exactly what the list's `challenge` filter selects."""
        return self.filter(challenge_interest(self.model)([slug]))
