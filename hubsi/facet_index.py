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
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections
from django.db.models import Q

from hubsi.caching import catalogue_version, changes_key

BUILD_LOCK_SECONDS = 60
# The key holds the catalogue version, so an index is never stale; the timeout only lets old
# versions expire from the shared cache.
INDEX_TIMEOUT = 24 * 60 * 60
CHUNK_BYTES = 64

# Per process: the cache key, index and catalogue version last used, per model.
_local: dict[str, tuple[str, "FacetIndex", int]] = {}


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


def get(filterset_class, queryset, order, *, build_if_missing=True) -> FacetIndex | None:
    """The index for the current catalogue version, or None while another process builds it
    (or, with `build_if_missing=False`, when it would have to be built from scratch).

    After a change of some items, the index of the version before is patched for those items
    (`patch`), in milliseconds; only what cannot be patched (an unknown change, a change of
    the choices such as a new challenge, many items at once) is rebuilt from scratch."""
    label = queryset.model._meta.label_lower
    version = catalogue_version()
    key = _key(version, label)
    local = _local.get(label)
    if local and local[0] == key:
        return local[1]
    index = cache.get(key)
    if index is None:
        index = _patched(label, local, version, filterset_class, queryset, order)
        if index is None:
            if not build_if_missing or not cache.add(f"{key}:building", 1, BUILD_LOCK_SECONDS):
                return None
            try:
                index = build(filterset_class, queryset, order)
            finally:
                cache.delete(f"{key}:building")
        cache.set_many({key: index, _latest_key(label): version}, INDEX_TIMEOUT)
    _local[label] = (key, index, version)
    return index


def _key(version: int, label: str) -> str:
    return f"facet-index:v{version}:{label}"


def _latest_key(label: str) -> str:
    return f"facet-index:latest:{label}"


# Patching --------------------------------------------------------------------------------

# Beyond these, a rebuild (a few seconds at 100,000 items, once) costs less than the patch.
MAX_PATCHED_VERSIONS = 200
MAX_PATCHED_ITEMS = 200


def _patched(label, local, version, filterset_class, queryset, order) -> FacetIndex | None:
    """The index of an earlier version (this process's, else the latest on the shared cache)
    patched for what changed since, or None when it cannot be."""
    if local:
        _key_, base, base_version = local
    else:
        base_version = cache.get(_latest_key(label))
        base = cache.get(_key(base_version, label)) if base_version is not None else None
    if base is None:
        return None
    changed = changed_items(queryset.model, base_version, version)
    if changed is None:
        return None
    if not changed:
        return base  # nothing this index shows (another list's item changed)
    return patch(base, filterset_class, queryset, order, changed)


def changed_items(model, since: int, version: int) -> set | None:
    """The primary keys of the items of `model` changed after version `since` up to `version`
    (as recorded by hubsi/signals.py), or None when that is unknown or changes the index
    beyond its items: a version without a record (a bump by hand, a new series after the
    cache was emptied), all links of the model at once, or a change of a model its listing
    or choices depend on (a challenge renamed, a theme added)."""
    if not 0 < version - since <= MAX_PATCHED_VERSIONS:
        return None
    keys = [changes_key(v) for v in range(since + 1, version + 1)]
    records = cache.get_many(keys)
    if len(records) != len(keys):
        return None
    label, depends = model._meta.label_lower, _depends_on(model)
    changed = set()
    for record in records.values():
        for kind, changed_label, pk in record:
            if changed_label == label:
                if pk is None:
                    return None
                changed.add(pk)
            elif kind == "row" and changed_label in depends:
                return None
    return changed if len(changed) <= MAX_PATCHED_ITEMS else None


@functools.cache
def _depends_on(model, depth: int = 2) -> set[str]:
    """Labels of the models `model` points to (foreign keys, many-to-many), and what those
    point to: what its filters' values and choices can be read from; and, to be safe, the
    models that point to it (a filter may select items by what links to them)."""
    labels = {f.related_model._meta.label_lower for f in _relations(model, concrete=False)}
    models = [model]
    for _level in range(depth):
        targets = [f.related_model for m in models for f in _relations(m, concrete=True)]
        models = [t for t in targets if t._meta.label_lower not in labels]
        labels.update(t._meta.label_lower for t in models)
    labels.discard(model._meta.label_lower)
    return labels


def _relations(model, *, concrete: bool) -> list:
    return [
        f
        for f in model._meta.get_fields()
        if f.is_relation and f.concrete == concrete and f.related_model is not None
    ]


def patch(index: FacetIndex, filterset_class, queryset, order, changed: set) -> FacetIndex:
    """`index` with the changed items taken out and those listed now put in at their place in
    the order: a count of the items before each (an index scan), then the changed items'
    values in one query per facet filter. Taking out or putting in an item shifts the higher
    bits of every bitset, a few microseconds each."""
    old_positions = index.positions()
    removed = sorted((old_positions[pk] for pk in changed if pk in old_positions), reverse=True)
    inserted = _places(queryset, order, changed)
    pks = array.array("q", index.pks)
    for i in removed:
        del pks[i]
    at = sorted(inserted.values())
    by_position = {i: pk for pk, i in inserted.items()}
    for i in at:
        pks.insert(i, by_position[i])
    bits = {}
    for name, bitset in index.bits.items():
        for i in removed:  # from the highest position down: lower positions stay put
            bitset = (bitset & ((1 << i) - 1)) | ((bitset >> (i + 1)) << i)
        for i in at:  # from the lowest position up: each lands at its final place
            bitset = (bitset & ((1 << i) - 1)) | ((bitset >> i) << (i + 1))
        bits[name] = bitset
    patched = FacetIndex(ids=pks.tobytes(), bits=bits)
    if inserted:
        _set_bits_of(patched, filterset_class, queryset.filter(pk__in=list(inserted)), inserted)
    return patched


def _places(queryset, order, pks) -> dict[int, int]:
    """The position in `order` of each of these items that `queryset` lists now: how many
    listed items come before it (NULLs where the order or the database puts them)."""
    nulls_largest = connections[queryset.db].features.nulls_order_largest
    fields = list(_order_fields(order, nulls_largest))
    places = {}
    for values in queryset.filter(pk__in=list(pks)).values_list("pk", *(f for f, *_ in fields)):
        before, same = Q(pk__in=[]), Q()
        for (name, desc, nulls_last), value in zip(fields, values[1:], strict=True):
            if value is None:
                # Before it: only other NULLs' later fields decide, and what sorts before NULL.
                if nulls_last:
                    before |= same & Q(**{f"{name}__isnull": False})
                same &= Q(**{f"{name}__isnull": True})
                continue
            before |= same & Q(**{f"{name}__{'gt' if desc else 'lt'}": value})
            if not nulls_last:
                before |= same & Q(**{f"{name}__isnull": True})
            same &= Q(**{name: value})
        places[values[0]] = queryset.filter(before).order_by().count()
    return places


def _order_fields(order, nulls_largest: bool):
    """(field, descending, NULLs last) for each term of an order: names ("-published_at") or
    `F(...).asc(nulls_last=True)` expressions."""
    for term in order:
        if isinstance(term, str):
            name, desc, explicit = term.lstrip("-"), term.startswith("-"), None
        else:
            name, desc = term.expression.name, term.descending
            explicit = True if term.nulls_last else False if term.nulls_first else None
        nulls_last = explicit if explicit is not None else nulls_largest != desc
        yield name, desc, nulls_last


def _set_bits_of(index: FacetIndex, filterset_class, queryset, positions: dict) -> None:
    """Set the bits of the items at `positions` (primary key -> position), as `build` would."""
    # The choices are the index's own keys (a change of the choices is rebuilt, not patched):
    # no query for them.
    keys = defaultdict(list)
    for name, key in index.bits:
        keys[name].append(key)
    for name, flt in filterset_class.indexed_filters().items():
        condition = flt.q_for
        keys_of_value = defaultdict(list)
        for key in keys[name]:
            for value in condition.values_matching(key):
                keys_of_value[str(value)].append(key)
        for pk, value in _rows_of(condition, queryset, positions):
            position = positions.get(pk)
            if position is None:
                continue
            bit = 1 << position
            for key in keys_of_value.get(str(value), ()):
                index.bits[(name, key)] = index.bits.get((name, key), 0) | bit
            if condition.keeps_exact_values:
                exact = (f"{name}:exact", str(value))
                index.bits[exact] = index.bits.get(exact, 0) | bit


def _rows_of(condition, queryset, pks):
    """The condition's (primary key, value) rows of these items only: its query, narrowed to
    them by its first column (the item's key)."""
    rows = condition.value_rows(queryset)
    fields = getattr(rows, "_fields", None)
    if fields:
        rows = rows.filter(**{f"{fields[0]}__in": list(pks)})
    return rows
