"""The bitset facet index (hubsi/facet_index.py) says exactly what the SQL filters say.

The innovation list counts its facets and lists its default order from bitsets. These tests
compare, over many random combinations of filters (and searches), every facet count, the
number of results and the order of every page with what the filters' own SQL gives.
"""

import random

import pytest
from django.core.cache import cache
from django.http import QueryDict

from hubsi import facet_index, vocabulary
from hubsi.caching import bump_catalogue_version
from hubsi.models import Status
from innovations.filters import InnovationFilterSet
from innovations.models import Innovation
from tests.factories import make_challenge, make_innovation, make_theme

pytestmark = pytest.mark.django_db

SORT_RECENT = InnovationFilterSet.bitset_order


class SQLInnovationFilterSet(InnovationFilterSet):
    """The same filters, counted and listed with SQL only."""

    bitset_order = None


@pytest.fixture
def catalogue():
    rng = random.Random(7)
    themes = [make_theme(slug=f"theme-{n}") for n in range(3)]
    challenges = [make_challenge(rng.choice(themes), slug=f"challenge-{n}") for n in range(6)]
    words = ["buurt", "energie", "zorg", "armoede", "school", "wonen"]
    for n in range(40):
        make_innovation(
            name=f"{rng.choice(words).title()} {n}",
            tagline=" ".join(rng.sample(words, 2)),
            challenges=rng.sample(challenges, rng.randint(1, 2)),
            stage=rng.choice(vocabulary.Stage.values),
            regions=rng.sample(vocabulary.Region.values, rng.randint(0, 2)),
            partner_roles=rng.sample(vocabulary.HelixRole.values, rng.randint(0, 2)),
            wanted_roles=rng.sample(vocabulary.HelixRole.values, rng.randint(0, 2)),
            needs=rng.sample(vocabulary.SupportType.values, rng.randint(0, 2)),
        )
    # Never public: in no count and no list.
    make_innovation(name="Verborgen buurt", challenges=[challenges[0]], status=Status.DRAFT)
    make_innovation(name="Gearchiveerd", challenges=[challenges[0]], status=Status.ARCHIVED)
    return {"challenges": challenges, "themes": themes, "words": words}


def random_query(rng, catalogue) -> QueryDict:
    query = QueryDict(mutable=True)
    choices = {
        "theme": [t.slug for t in catalogue["themes"]],
        "challenge": [c.slug for c in catalogue["challenges"]],
        "stage": vocabulary.Stage.values,
        "region": vocabulary.Region.values,
        "role": vocabulary.HelixRole.values,
        "wanted": vocabulary.HelixRole.values,
        "support": vocabulary.SupportType.values,
    }
    for name in rng.sample(sorted(choices), rng.randint(0, 3)):
        query.setlist(name, rng.sample(choices[name], rng.randint(1, 2)))
    if rng.random() < 0.3:
        query["q"] = rng.choice(catalogue["words"])
    return query


def facet_counts(filterset) -> dict:
    return {
        (group["name"], option["value"]): option["count"]
        for group in filterset.facets()
        for option in group["options"]
    }


def test_every_count_and_page_equals_what_the_sql_filters_give(catalogue):
    rng = random.Random(2026)
    queryset = Innovation.objects.published().for_listing()
    for _ in range(60):
        query = random_query(rng, catalogue)
        indexed = InnovationFilterSet(query, queryset=queryset)
        plain = SQLInnovationFilterSet(query, queryset=queryset)
        assert indexed.bitsets is not None
        assert facet_counts(indexed) == facet_counts(plain), query.urlencode()
        expected = list(plain.qs.order_by(*SORT_RECENT).values_list("pk", flat=True))
        results = indexed.bitsets.results(queryset)
        assert results.count() == len(expected)
        assert [obj.pk for obj in results[0 : len(expected)]] == expected
        assert [obj.pk for obj in results[3:7]] == expected[3:7]


def test_the_list_pages_show_what_sql_would_show(client, catalogue):
    expected = list(Innovation.objects.published().order_by(*SORT_RECENT))
    page_size = 7
    with override_settings_page_size(page_size):
        response = client.get("/innovations/", {"page": 3})
    assert response.context["paginator"].count == len(expected)
    shown = list(response.context["object_list"])
    assert shown == expected[2 * page_size : 3 * page_size]
    assert all(obj.name in response.content.decode() for obj in shown)


def override_settings_page_size(size: int):
    from unittest import mock

    from innovations.views import InnovationListView

    return mock.patch.object(InnovationListView, "paginate_by", size)


def test_a_publication_shows_in_the_counts_at_once(client, catalogue):
    challenge = catalogue["challenges"][0]
    before = client.get("/innovations/", {"challenge": challenge.slug})
    count = before.context["paginator"].count
    draft = Innovation.objects.get(name="Verborgen buurt")
    with_publication = Innovation.objects.filter(pk=draft.pk)
    with_publication.update(status=Status.PUBLISHED)
    bump_catalogue_version()  # what the services' signals do after the commit
    after = client.get("/innovations/", {"challenge": challenge.slug})
    assert after.context["paginator"].count == count + 1
    assert draft.name in after.content.decode()


def test_an_emptied_cache_never_revives_an_old_index(catalogue):
    queryset = Innovation.objects.published()
    first = facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)
    Innovation.objects.filter(pk=Innovation.objects.published().first().pk).update(
        status=Status.ARCHIVED
    )
    cache.clear()  # a restarted cache: the version starts a new series, never an old number
    second = facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)
    assert second is not first
    assert len(second.pks) == len(first.pks) - 1


def test_while_another_process_builds_the_index_the_counts_come_from_sql(catalogue):
    queryset = Innovation.objects.published().for_listing()
    query = QueryDict("stage=insight&region=limburg")
    version_key = f"facet-index:v{facet_index.catalogue_version()}:innovations.innovation"
    cache.add(f"{version_key}:building", 1)
    facet_index._local.clear()
    busy = InnovationFilterSet(query, queryset=queryset)
    assert busy.bitsets is None
    assert facet_counts(busy) == facet_counts(SQLInnovationFilterSet(query, queryset=queryset))


def without_empty(index) -> dict:
    return {key: bits for key, bits in index.bits.items() if bits}


def test_after_publish_edit_and_archive_the_patched_index_equals_a_fresh_build(
    catalogue, curator, monkeypatch, django_capture_on_commit_callbacks
):
    """Each change is patched into the index (no rebuild), and the result is exactly what a
    build from scratch gives."""
    from hubsi import services

    queryset = Innovation.objects.published()
    fresh_build = facet_index.build
    facet_index._local.clear()
    facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)

    def no_rebuild(*args):
        raise AssertionError("rebuilt instead of patched")

    monkeypatch.setattr(facet_index, "build", no_rebuild)
    challenges = catalogue["challenges"]
    submitted = make_innovation(
        name="Nieuw", status=Status.SUBMITTED, challenges=[challenges[1]], regions=["limburg"]
    )
    middle = list(queryset.order_by(*SORT_RECENT))[20]
    changes = [
        lambda: services.content_publish(obj=submitted, by=curator),
        lambda: (
            setattr(middle, "stage", vocabulary.Stage.values[-1]),
            middle.save(),
            middle.challenges.set([challenges[5]]),
            middle.regions.set(["antwerp"]),
        ),
        lambda: services.content_archive(obj=queryset.order_by(*SORT_RECENT)[10], by=curator),
    ]
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        patched = facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)
        fresh = fresh_build(InnovationFilterSet, queryset, SORT_RECENT)
        assert list(patched.pks) == list(fresh.pks)
        assert without_empty(patched) == without_empty(fresh)
    assert submitted.pk in patched.pks and len(patched.pks) == 40


def test_a_new_challenge_rebuilds_the_index(catalogue, django_capture_on_commit_callbacks):
    queryset = Innovation.objects.published()
    first = facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)
    with django_capture_on_commit_callbacks(execute=True):
        new = make_challenge(catalogue["themes"][0], slug="challenge-new")
    second = facet_index.get(InnovationFilterSet, queryset, SORT_RECENT)
    assert ("challenge", new.slug) in second.bits and ("challenge", new.slug) not in first.bits
