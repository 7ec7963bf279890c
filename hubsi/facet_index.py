"""Facet counts and result pages from bitsets, the way search engines do it, for public lists.

For every value of every facet filter, the published items that a click on that value selects
are kept as a bitset: a Python int with one bit per item, the items in the list's default
order (most recent first). A facet count is then the population count of the AND of a few
bitsets, a few microseconds whatever the filters, instead of one aggregate query per facet over
tens of thousands of link rows; the number of results is one more population count, and a page
in the default order is the primary keys of the n-th to m-th set bits (docs/performance.md).

The bitsets mean exactly what the filters' `Q` objects mean (tests/test_facet_index.py compares
them value by value). They are built once per catalogue version (publishing anything bumps it,
see hubsi/caching.py) in one query per link table, stored on the shared cache for every
process, and kept in each process's memory while the version lasts. While one process builds
them, the others count with SQL, so a publication never makes every process rebuild at once.
Only the list's page is read from the database, through `published()`, so nothing unpublished
can show even in the moment between a change and the new version.
"""

import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache

from hubsi.caching import catalogue_version

BUILD_LOCK_SECONDS = 60
# The key holds the catalogue version, so an index is never stale; the timeout only lets old
# versions expire from the shared cache.
INDEX_TIMEOUT = 24 * 60 * 60
CHUNK_BYTES = 64

# Per process: the cache key and index of the version last used, per model.
_local: dict[str, tuple[str, "FacetIndex"]] = {}


@dataclass
class FacetIndex:
    ids: bytes  # primary keys of the published items in the default order, as array("q")
    bits: dict[tuple[str, str], int]  # (filter name, value) -> bitset of positions in `ids`
    _positions: dict[int, int] | None = field(default=None, repr=False, compare=False)
    _pks: array.array | None = field(default=None, repr=False, compare=False)

    def __getstate__(self):
        return {"ids": self.ids, "bits": self.bits, "_positions": None, "_pks": None}

    @property
    def pks(self) -> array.array:
        if self._pks is None:
            self._pks = array.array("q", self.ids)
        return self._pks

    @property
    def everything(self) -> int:
        return (1 << len(self.pks)) - 1

    def positions(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {pk: i for i, pk in enumerate(self.pks)}
        return self._positions

    def bitset_of(self, pks) -> int:
        """The bitset of some primary keys; keys not in the index (not published) are left out."""
        positions = self.positions()
        return self.bitset_at(i for i in map(positions.get, pks) if i is not None)

    def bitset_at(self, positions) -> int:
        """The bitset with the bits at some positions set."""
        # One character per item, then one conversion: far faster in Python than setting
        # bits one by one in an int. Position 0 is the lowest bit, so the string is reversed.
        chars = ["0"] * len(self.pks)
        for i in positions:
            chars[i] = "1"
        return int("".join(reversed(chars)) or "0", 2)

    def selected(self, name: str, values) -> int:
        """Items matching any of the values of one filter (several values mean OR)."""
        result = 0
        for value in values:
            result |= self.bits.get((name, value), 0)
        return result

    def pks_between(self, bits: int, start: int, stop: int) -> list[int]:
        """Primary keys of the `start`-th up to the `stop`-th item of a bitset, in order."""
        data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
        found, seen = [], 0
        for offset in range(0, len(data), CHUNK_BYTES):
            chunk = int.from_bytes(data[offset : offset + CHUNK_BYTES], "little")
            in_chunk = chunk.bit_count()
            if seen + in_chunk <= start:
                seen += in_chunk
                continue
            while chunk and seen < stop:
                lowest = chunk & -chunk
                if seen >= start:
                    found.append(self.pks[offset * 8 + lowest.bit_length() - 1])
                seen += 1
                chunk ^= lowest
            if seen >= stop:
                break
        return found


class IndexedGroupsResults(Sequence):
    """The items of several result bitsets one after the other, each in the default order,
    for Django's Paginator (an order by groups, e.g. open calls then rolling ones, that the
    index's order sorts within each group): the count is a sum of population counts, a page
    one query by primary key (through `queryset`)."""

    def __init__(self, index: FacetIndex, groups: list[int], queryset):
        self.index, self.queryset, self.model = index, queryset, queryset.model
        self.groups = [(bits, bits.bit_count()) for bits in groups if bits]
        self._count = sum(count for _bits, count in self.groups)

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop, _step = item.indices(self._count)
        pks, before = [], 0
        for bits, count in self.groups:
            if before >= stop:
                break
            if before + count > start:
                pks += self.index.pks_between(bits, max(start - before, 0), stop - before)
            before += count
        return _in_order(self.queryset, pks)


class IndexedResults(IndexedGroupsResults):
    """The items of a result bitset in the default order."""

    def __init__(self, index: FacetIndex, bits: int, queryset):
        super().__init__(index, [bits], queryset)
        self.bits = bits


class RankedResults(Sequence):
    """Search results in a precomputed order (primary keys), fetched a page at a time."""

    def __init__(self, pks: list[int], queryset):
        self.pks, self.queryset, self.model = pks, queryset, queryset.model

    def count(self) -> int:
        return len(self.pks)

    def __len__(self) -> int:
        return len(self.pks)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        return _in_order(self.queryset, self.pks[item])


def _in_order(queryset, pks: list[int]) -> list:
    objects = queryset.in_bulk(pks) if pks else {}
    return [objects[pk] for pk in pks if pk in objects]


# Building --------------------------------------------------------------------------------


def build(filterset_class, queryset, order) -> FacetIndex:
    """The items in `order`, then the bitsets of every facet value from one query per link
    table (or column), combined as each filter's condition combines its values (the
    conditions of hubsi/filtering.py say which rows and values)."""
    pks = array.array("q", queryset.order_by(*order).values_list("pk", flat=True))
    index = FacetIndex(ids=pks.tobytes(), bits={})
    positions = index.positions()
    for name, flt in filterset_class.indexed_filters().items():
        condition = flt.q_for
        members = defaultdict(list)
        # A plain query, not a server-side cursor: PostgreSQL plans those for the first rows.
        for pk, value in condition.value_rows(queryset):
            position = positions.get(pk)
            if position is not None:  # not listed (not published)
                members[str(value)].append(position)
        for key, _label in filterset_class.choice_pairs(flt):
            at = (
                i for value in condition.values_matching(key) for i in members.get(str(value), ())
            )
            index.bits[(name, key)] = index.bitset_at(at)
        if condition.keeps_exact_values:
            for value, positions_of_value in members.items():
                index.bits[(f"{name}:exact", value)] = index.bitset_at(positions_of_value)
    return index


def get(filterset_class, queryset, order) -> FacetIndex | None:
    """The index for the current catalogue version, or None while another process builds it."""
    label = queryset.model._meta.label_lower
    key = f"facet-index:v{catalogue_version()}:{label}"
    local = _local.get(label)
    if local and local[0] == key:
        return local[1]
    index = cache.get(key)
    if index is None:
        if not cache.add(f"{key}:building", 1, BUILD_LOCK_SECONDS):
            return None
        try:
            index = build(filterset_class, queryset, order)
            cache.set(key, index, INDEX_TIMEOUT)
        finally:
            cache.delete(f"{key}:building")
    _local[label] = (key, index)
    return index
