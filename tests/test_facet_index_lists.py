"""The facet index of the supporter, place, funding and learning lists says exactly what their
SQL filters say, today and on the next days.

Each list counts its facets and lists its default order from bitsets (hubsi/facet_index.py).
Over many random combinations of filters (and searches), every facet count, the number of
results and the order of the results are compared with what the filters' own SQL gives. The
funding list's `open` filter and order, and the learning list's past offers, depend on the
day: the same index (one catalogue version) is compared on three days in a row, across the
deadlines and start dates of the items.
"""

import datetime
import random
from dataclasses import dataclass
from unittest import mock

import pytest
from django.http import QueryDict
from django.utils import timezone

from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity
from hubsi import facet_index, services, vocabulary
from hubsi.models import Status
from learning.filters import LearningFilterSet, includes_past
from learning.models import LearningOffer
from supporters.filters import SpaceFilterSet, SupporterFilterSet
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import (
    make_challenge,
    make_funding,
    make_learning_offer,
    make_space,
    make_supporter,
    make_theme,
)
from tests.test_facet_index import facet_counts, without_empty

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
BOUNDARY = datetime.date(2027, 3, 15)
# The days compared: the index is built on the first and must still be right on the others.
DAYS = [BOUNDARY - DAY, BOUNDARY, BOUNDARY + DAY]
WORDS = ["buurt", "energie", "zorg", "wonen"]


@dataclass
class ListSpec:
    filterset: type
    base: object  # query -> the list view's queryset before filters
    order: object  # SQL queryset -> the list's default order
    by_day: bool  # the default order depends on the day


SPECS = {
    "supporters": ListSpec(
        SupporterFilterSet,
        lambda query: Supporter.objects.published().for_listing(),
        lambda qs: qs.order_by("name", "pk"),
        by_day=False,
    ),
    "spaces": ListSpec(
        SpaceFilterSet,
        lambda query: ExperimentationSpace.objects.published().for_listing(),
        lambda qs: qs.order_by("name", "pk"),
        by_day=False,
    ),
    "funding": ListSpec(
        FundingFilterSet,
        lambda query: FundingOpportunity.objects.published().for_listing(),
        lambda qs: qs.by_timing(),
        by_day=True,
    ),
    "learning": ListSpec(
        LearningFilterSet,
        lambda query: (
            LearningOffer.objects.published().for_listing()
            if includes_past(query)
            else LearningOffer.objects.published().for_listing().current()
        ),
        lambda qs: qs.by_date(),
        by_day=True,
    ),
}


def some_date(rng) -> datetime.date | None:
    """Around the boundary, so items change timing between the days compared."""
    return rng.choice([None, *(BOUNDARY + n * DAY for n in range(-3, 4))])


def some_dates(rng) -> tuple:
    first, second = some_date(rng), some_date(rng)
    if first and second and first > second:
        first, second = second, first
    return first, second


@pytest.fixture
def catalogue():
    rng = random.Random(11)
    themes = [make_theme(slug=f"theme-{n}") for n in range(3)]
    challenges = [make_challenge(rng.choice(themes), slug=f"challenge-{n}") for n in range(5)]

    def interests():
        return {
            "challenges": rng.sample(challenges, rng.randint(0, 2)),
            "themes": rng.sample(themes, rng.randint(0, 1)),
        }

    def name(kind, n):
        return f"{rng.choice(WORDS).title()} {kind} {rng.randint(1, 9)}{n}"

    providers = []
    for n in range(16):
        providers.append(
            make_supporter(
                name=name("ondersteuner", n),
                helix_role=rng.choice(vocabulary.HelixRole.values),
                offers=rng.sample(vocabulary.SupportType.values, rng.randint(0, 2)),
                stages=rng.sample(vocabulary.Stage.values, rng.randint(0, 2)),
                regions=rng.sample(vocabulary.Region.values, rng.randint(0, 2)),
                **interests(),
            )
        )
    hidden = make_supporter(name="Verborgen ondersteuner", status=Status.DRAFT)
    for n in range(16):
        make_space(
            name=name("plek", n),
            host=rng.choice([*providers, hidden]),  # a draft host hides its places
            region=rng.choice(vocabulary.Region.values),
            open_to_citizens=rng.random() < 0.5,
            **interests(),
        )
    for n in range(30):
        opens_on, deadline = some_dates(rng)
        make_funding(
            name=name("oproep", n),
            instrument=rng.choice(vocabulary.Instrument.values),
            opens_on=opens_on,
            deadline=deadline,
            eligible_roles=rng.sample(vocabulary.HelixRole.values, rng.randint(0, 2)),
            stages=rng.sample(vocabulary.Stage.values, rng.randint(0, 2)),
            regions=rng.sample(vocabulary.Region.values, rng.randint(0, 2)),
            **interests(),
        )
    make_funding(name="Ontwerp oproep", deadline=BOUNDARY, status=Status.DRAFT)
    for n in range(30):
        start_date, end_date = some_dates(rng)
        make_learning_offer(
            name=name("leertraject", n),
            provider=rng.choice([*providers, hidden]),
            format=rng.choice(vocabulary.LearningFormat.values),
            start_date=start_date,
            end_date=end_date,
            online=rng.random() < 0.3,
            price=rng.choice([None, 0, 25]),
            competences=rng.sample(vocabulary.Competence.values, rng.randint(0, 2)),
            stages=rng.sample(vocabulary.Stage.values, rng.randint(0, 2)),
            regions=rng.sample(vocabulary.Region.values, rng.randint(0, 2)),
            audiences=rng.sample(vocabulary.HelixRole.values, rng.randint(0, 2)),
            **interests(),
        )


def random_query(rng, filterset_class) -> QueryDict:
    query = QueryDict(mutable=True)
    facets = filterset_class.facet_filters()
    for name in rng.sample(sorted(facets), rng.randint(0, 3)):
        values = [key for key, _label in filterset_class.choice_pairs(facets[name])]
        query.setlist(name, rng.sample(values, rng.randint(1, min(2, len(values)))))
    if rng.random() < 0.2:
        query["q"] = rng.choice(WORDS)
    if filterset_class is LearningFilterSet and rng.random() < 0.4:
        query["past"] = "1"
    return query


def on_day(day: datetime.date):
    """Today is `day` for the filters' SQL (open_q, not_past_q) and for the index alike."""
    return mock.patch.object(timezone, "localdate", return_value=day)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_count_and_result_equals_the_sql_filters_on_each_day(catalogue, name):
    spec = SPECS[name]

    class SQLFilterSet(spec.filterset):
        bitset_order = None

    rng = random.Random(name)
    indexes = set()
    for day in DAYS:
        with on_day(day):
            for _ in range(12):
                query = random_query(rng, spec.filterset)
                base = spec.base(query)
                indexed = spec.filterset(query, queryset=base)
                plain = SQLFilterSet(query, queryset=base)
                assert indexed.bitsets is not None, query.urlencode()
                indexes.add(id(indexed.bitsets.index))
                assert facet_counts(indexed) == facet_counts(plain), (day, query.urlencode())
                expected = list(spec.order(plain.qs).values_list("pk", flat=True))
                bitsets = indexed.bitsets
                results = bitsets.results_by_day(base) if spec.by_day else bitsets.results(base)
                assert results.count() == len(expected), (day, query.urlencode())
                assert [obj.pk for obj in results[0 : len(expected)]] == expected
                assert [obj.pk for obj in results[3:7]] == expected[3:7]
    # One index for all the days: what changes with the day is put together when read.
    assert len(indexes) == 1


def test_the_funding_list_shows_the_calls_open_today_first(client, catalogue):
    expected = list(FundingOpportunity.objects.published().open_now(BOUNDARY).by_timing(BOUNDARY))
    with on_day(BOUNDARY):
        response = client.get("/funding/", {"open": "1"})
    shown = list(response.context["object_list"])
    assert response.context["paginator"].count == len(expected)
    assert shown == expected[: len(shown)]
    assert all(call.name in response.content.decode() for call in shown)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_after_publish_edit_and_archive_each_lists_patched_index_equals_a_fresh_build(
    catalogue, curator, name, monkeypatch, django_capture_on_commit_callbacks
):
    """The patch (hubsi/facet_index.py) puts items in at their place in each list's own order,
    NULL dates and the day's groups included, exactly as a build from scratch would."""
    spec = SPECS[name]
    model = spec.base(QueryDict()).model
    queryset, order = model.objects.published(), spec.filterset.bitset_order
    listed = list(queryset.order_by(*order))
    draft, edited, archived = listed[2], listed[len(listed) // 2], listed[1]
    model.objects.filter(pk=draft.pk).update(status=Status.SUBMITTED)  # waits for review
    draft.refresh_from_db()
    fresh_build = facet_index.build
    facet_index._local.clear()
    facet_index.get(spec.filterset, queryset, order)

    def no_rebuild(*args):
        raise AssertionError("rebuilt instead of patched")

    monkeypatch.setattr(facet_index, "build", no_rebuild)
    new_dates = {
        "funding": {"deadline": BOUNDARY + 5 * DAY},
        "learning": {"start_date": BOUNDARY + 5 * DAY, "end_date": BOUNDARY + 6 * DAY},
    }.get(name, {})
    changes = [
        lambda: services.content_publish(obj=draft, by=curator),
        lambda: (
            [setattr(edited, field, value) for field, value in new_dates.items()],
            setattr(edited, "name", "Aaa eerst in de lijst"),
            edited.save(),
            edited.regions.set(["limburg"]) if hasattr(edited, "regions") else None,
        ),
        lambda: services.content_archive(obj=archived, by=curator),
    ]
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        patched = facet_index.get(spec.filterset, queryset, order)
        fresh = fresh_build(spec.filterset, queryset, order)
        assert list(patched.pks) == list(fresh.pks)
        assert without_empty(patched) == without_empty(fresh)
