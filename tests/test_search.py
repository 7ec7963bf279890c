"""Text search: the same interface on SQLite and PostgreSQL, and what only PostgreSQL adds.

The PostgreSQL-only tests (marker `postgres`) are skipped on SQLite; CI runs the whole suite on
PostgreSQL as well, so they run there.
"""

import io
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from funding.models import FundingOpportunity
from hubsi import services
from hubsi.models import Status
from hubsi.search import update_search_vector
from innovations.models import Innovation
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_space,
    make_supporter,
    make_theme,
)

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"


def postgres_only(test):
    """Behaviour of PostgreSQL's full-text search that the SQLite fallback does not have."""
    skip = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL full-text search only")
    return pytest.mark.postgres(skip(test))


def names(queryset) -> list[str]:
    return [obj.name for obj in queryset]


def found(q: str, model=Innovation) -> set[str]:
    return set(names(model.objects.published().search(q)))


@pytest.fixture
def tenants():
    theme = make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    return make_challenge(
        theme,
        name_nl="Energiearmoede bij huurders",
        name_en="Energy poverty among tenants",
        slug="energy-poverty-tenants",
    )


@pytest.fixture
def loneliness():
    return make_challenge(
        make_theme(name_nl="Zorg", name_en="Care", slug="care"),
        name_nl="Eenzaamheid bij ouderen",
        name_en="Loneliness among older people",
        slug="loneliness",
    )


# The same interface on both databases ------------------------------------------------------


def test_search_finds_an_innovation_by_its_name(loneliness):
    make_innovation(name="Buurtbabbel", challenges=[loneliness], problem="Ouderen zien niemand.")
    make_innovation(name="Repaircafé", challenges=[loneliness], problem="Spullen gaan kapot.")

    assert found("buurtbabbel") == {"Buurtbabbel"}


def test_search_finds_an_innovation_by_a_challenge_name(tenants, loneliness):
    make_innovation(name="Warm Thuis", challenges=[tenants], problem="Koude woningen.")
    make_innovation(name="Buurtbabbel", challenges=[loneliness], problem="Niemand komt langs.")

    assert found("eenzaamheid") == {"Buurtbabbel"}
    assert found("loneliness") == {"Buurtbabbel"}


def test_search_finds_an_innovation_by_its_problem(loneliness):
    make_innovation(name="Buurtbabbel", challenges=[loneliness], problem="Ouderen vereenzamen.")
    make_innovation(name="Repaircafé", challenges=[loneliness], problem="Spullen gaan kapot.")

    assert found("kapot") == {"Repaircafé"}


def test_every_word_of_the_query_must_match(loneliness):
    make_innovation(name="Buurtbabbel Genk", challenges=[loneliness], problem="Praten.")
    make_innovation(name="Buurtbabbel Gent", challenges=[loneliness], problem="Praten.")

    assert found("buurtbabbel genk") == {"Buurtbabbel Genk"}


def test_supporters_places_and_funding_are_found_by_name_theme_and_text(tenants):
    housing = tenants.theme
    host = make_supporter(name="Sociaal Lab Hasselt", themes=[housing])
    make_supporter(name="Impactfonds", description="Wij investeren in coöperaties.")
    make_space(name="Stadslab", host=host, municipality="Antwerpen", description="Een loods.")
    make_funding(name="Oproep Wonen", funder_name="Provincie Limburg", challenges=[tenants])

    assert found("hasselt", Supporter) == {"Sociaal Lab Hasselt"}
    assert found("wonen", Supporter) == {"Sociaal Lab Hasselt"}
    assert found("investeren", Supporter) == {"Impactfonds"}
    assert found("antwerpen", ExperimentationSpace) == {"Stadslab"}
    assert found("limburg", FundingOpportunity) == {"Oproep Wonen"}
    assert found("huurders", FundingOpportunity) == {"Oproep Wonen"}


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.ARCHIVED]
)
def test_unpublished_content_is_never_found(client, loneliness, status):
    make_innovation(name="Buurtbabbel Geheim", status=status, challenges=[loneliness])
    make_supporter(name="Buurtbabbel Steun", status=status)
    make_funding(name="Buurtbabbel Fonds", status=status)

    assert found("buurtbabbel") == set()
    # Not through a typo either.
    assert found("buurtbabel") == set()
    for url in ("/search/?q=buurtbabbel", "/innovations/?q=buurtbabbel", "/funding/?q=buurtbabbel"):
        assert "Buurtbabbel" not in client.get(url).content.decode()


def test_list_search_combines_with_filters_and_facet_counts(client, tenants, loneliness):
    make_innovation(name="Warm Thuis", challenges=[tenants], stage="insight", problem="Kou.")
    make_innovation(name="Warm Welkom", challenges=[loneliness], stage="scaling", problem="Kou.")
    make_innovation(name="Koud Kunstje", challenges=[tenants], stage="insight", problem="Kou.")

    response = client.get("/innovations/?q=warm&stage=insight")

    assert names(response.context["object_list"]) == ["Warm Thuis"]
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    stage_counts = {o["value"]: o["count"] for o in facets["stage"]["options"]}
    # The stage facet follows the search (and not its own selection): what a click gives.
    assert stage_counts["insight"] == 1
    assert stage_counts["scaling"] == 1
    challenge_counts = {o["value"]: o["count"] for o in facets["challenge"]["options"]}
    assert challenge_counts[tenants.slug] == 1
    assert challenge_counts[loneliness.slug] == 0


def test_search_page_groups_results_by_kind_and_escapes_them(client, loneliness):
    make_innovation(
        name="Buurtbabbel <script>alert(1)</script>",
        challenges=[loneliness],
        problem="Buurtbabbel brengt <script>alert(2)</script> buren samen.",
    )
    make_supporter(name="Buurtbabbel vzw")

    response = client.get("/search/?q=buurtbabbel")
    html = response.content.decode()

    assert response.status_code == 200
    assert [g["count"] for g in response.context["groups"] if g["count"]] == [1, 1]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize(
    "q", ["energie & | ! ( ) : * ' \\", "a:* | b", "!!!", "'; DROP TABLE x; --", "é" * 300]
)
def test_query_syntax_characters_are_only_text(client, tenants, q):
    make_innovation(name="Warm Thuis", challenges=[tenants])

    for url in ("/search/", "/innovations/", "/supporters/", "/spaces/", "/funding/"):
        assert client.get(url, {"q": q}).status_code == 200


def test_an_edit_is_found_after_update_search_vector(loneliness):
    innovation = make_innovation(name="Buurtbabbel", challenges=[loneliness])

    innovation.name = "Praatpaal"
    innovation.save()
    update_search_vector(innovation)

    assert found("praatpaal") == {"Praatpaal"}
    assert found("buurtbabbel") == set()


def test_publishing_makes_content_findable(curator, loneliness):
    innovation = make_innovation(
        name="Buurtbabbel",
        status=Status.SUBMITTED,
        challenges=[loneliness],
        problem="Ouderen vereenzamen in de stad.",
    )
    Innovation.objects.filter(pk=innovation.pk).update(search_vector=None)

    services.content_publish(obj=innovation, by=curator)

    assert found("vereenzamen") == {"Buurtbabbel"}


def test_saving_in_the_admin_indexes_the_new_challenges(curator, tenants, loneliness):
    innovation = make_innovation(name="Buurtbabbel", challenges=[tenants])
    request = RequestFactory().post("/")
    request.user = curator
    # The admin saves many-to-many links in save_related, after the object itself.
    form = SimpleNamespace(
        instance=innovation, save_m2m=lambda: innovation.challenges.set([loneliness])
    )

    admin.site._registry[Innovation].save_related(request, form, [], change=True)

    assert found("eenzaamheid") == {"Buurtbabbel"}
    assert found("energiearmoede") == set()


def test_seeded_demo_content_is_found():
    call_command("seed_demo", stdout=io.StringIO())
    innovation = Innovation.objects.published().order_by("pk").first()

    assert innovation.name in found(innovation.name)


def test_reindex_search_reports_per_model_and_writes_only_what_changed():
    make_innovation(name="Buurtbabbel")
    make_innovation(name="Praatpaal")
    Innovation.objects.filter(name="Praatpaal").update(name="Praatpaal Genk")
    out = io.StringIO()

    call_command("reindex_search", stdout=out)

    if ON_POSTGRES:
        assert f"{Innovation._meta.verbose_name_plural}: 1 updated" in out.getvalue()
        assert "Updated 1 search vectors" in out.getvalue()
        assert found("genk") == {"Praatpaal Genk"}
    else:
        assert "nothing to do" in out.getvalue()


# PostgreSQL only ---------------------------------------------------------------------------


@postgres_only
def test_accents_are_folded_both_ways(loneliness):
    make_innovation(name="Financiële coaching", challenges=[loneliness])
    make_innovation(name="Creatieve buurt", challenges=[loneliness])

    assert found("financiele") == {"Financiële coaching"}
    assert found("créatieve") == {"Creatieve buurt"}


@postgres_only
def test_the_start_of_a_word_finds_it_as_the_user_types(tenants):
    make_innovation(name="Warm Thuis", challenges=[tenants], problem="Energiearmoede in Genk.")

    assert found("energ") == {"Warm Thuis"}
    assert found("energiearm gen") == {"Warm Thuis"}


@postgres_only
def test_a_word_is_stemmed_in_dutch_and_english(tenants):
    make_innovation(name="Warm Thuis", challenges=[tenants], problem="Huurders besparen.")

    assert found("huurder") == {"Warm Thuis"}  # Dutch stem of "huurders"
    assert found("tenant") == {"Warm Thuis"}  # English stem of the challenge's English name


@postgres_only
def test_stop_words_do_not_have_to_occur(tenants):
    make_innovation(name="Warm Thuis", challenges=[tenants], problem="Huurders in Genk.")

    assert found("huurders van genk") == {"Warm Thuis"}
    assert found("the tenants") == {"Warm Thuis"}


@postgres_only
def test_english_content_is_stemmed_as_english(loneliness):
    text = "Tenants struggle with heating bills."
    make_innovation(name="Warm Homes", language="en", problem=text, challenges=[loneliness])
    make_innovation(name="Warme Huizen", language="nl", problem=text, challenges=[loneliness])

    # "heated" and "heating" share the English stem "heat"; Dutch stemming keeps them apart.
    assert found("heated") == {"Warm Homes"}


@postgres_only
def test_a_typo_finds_the_name_when_nothing_else_matches(loneliness):
    make_innovation(name="Energiearmoede Genk", challenges=[loneliness], problem="Kou.")
    make_innovation(name="Buurtbabbel", challenges=[loneliness], problem="Praten.")

    assert found("energiarmoede") == {"Energiearmoede Genk"}
    assert found("zzzzqqq") == set()


@postgres_only
def test_lookalike_names_are_not_added_when_the_text_matches(loneliness):
    make_innovation(name="Buurtbabbel", challenges=[loneliness], problem="Praten.")
    make_innovation(name="Buurtbabbels", challenges=[loneliness], problem="Zingen.")

    assert found("praten") == {"Buurtbabbel"}


@postgres_only
def test_a_name_match_outranks_a_problem_match(client, loneliness):
    make_innovation(name="Energiearmoede Genk", challenges=[loneliness], problem="Kou.")
    # Newer, so first in the default "recent" order, but the word is only in its problem.
    make_innovation(name="Warm Thuis", challenges=[loneliness], problem="Energiearmoede.")

    ranked = Innovation.objects.published().search("energiearmoede").order_by("-search_rank")
    assert names(ranked) == ["Energiearmoede Genk", "Warm Thuis"]

    response = client.get("/innovations/?q=energiearmoede")
    assert names(response.context["object_list"]) == ["Energiearmoede Genk", "Warm Thuis"]
    assert response.context["sort"] == ""  # "Relevance" is the selected order
    assert names(client.get("/search/?q=energiearmoede").context["groups"][0]["items"]) == [
        "Energiearmoede Genk",
        "Warm Thuis",
    ]


@postgres_only
def test_cached_matches_are_shared_and_never_show_what_was_unpublished(client, loneliness):
    """Ranked matches are kept per query and catalogue version (`ranked_matches`): `/search/`
    and the list share them, and the items shown are still read through `published()`."""
    gone = make_innovation(name="Buurtbabbel Genk", challenges=[loneliness], problem="Kou.")
    make_innovation(name="Buurtbabbel Gent", challenges=[loneliness], problem="Kou.")
    assert client.get("/search/?q=buurtbabbel").context["groups"][0]["count"] == 2
    # Archived without a new catalogue version (a test's transaction never commits, so the
    # bump never comes): the ranked matches of the same words come from the cache.
    Innovation.objects.filter(pk=gone.pk).update(status=Status.ARCHIVED)
    with CaptureQueriesContext(connection) as queries:
        search = client.get("/search/?q=buurtbabbel&again=1")  # past the page cache
        listed = client.get("/innovations/?q=Buurtbabbel")

    ranking = [q["sql"] for q in queries if "ts_rank(" in q["sql"] and "ORDER BY" in q["sql"]]
    assert not ranking  # only the items shown are read (with their highlights)
    assert names(search.context["groups"][0]["items"]) == ["Buurtbabbel Gent"]
    assert names(listed.context["object_list"]) == ["Buurtbabbel Gent"]


@postgres_only
def test_a_chosen_order_beats_relevance(client, loneliness):
    make_innovation(name="Energiearmoede Genk", challenges=[loneliness], problem="Kou.")
    make_innovation(name="Warm Thuis", challenges=[loneliness], problem="Energiearmoede.")

    response = client.get("/innovations/?q=energiearmoede&sort=recent")

    assert names(response.context["object_list"]) == ["Warm Thuis", "Energiearmoede Genk"]


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite keeps the default order")
def test_without_ranking_a_search_keeps_the_default_order(client, loneliness):
    make_innovation(name="Energiearmoede Genk", challenges=[loneliness], problem="Kou.")
    make_innovation(name="Warm Thuis", challenges=[loneliness], problem="Energiearmoede.")

    response = client.get("/innovations/?q=energiearmoede")

    assert names(response.context["object_list"]) == ["Warm Thuis", "Energiearmoede Genk"]
    assert response.context["sort"] == "recent"


@postgres_only
def test_search_page_marks_the_matching_words_and_escapes_the_rest(client, loneliness):
    make_innovation(
        name="Energie <script>alert(1)</script> Genk",
        challenges=[loneliness],
        problem="Wij bestrijden <b>energiearmoede</b> & <script>alert(2)</script> kou.",
    )

    html = client.get("/search/?q=energ").content.decode()

    assert "<mark>Energie</mark> &lt;script&gt;alert(1)&lt;/script&gt; Genk" in html
    assert "<mark>energiearmoede</mark>" in html
    assert "<script>alert" not in html
    assert "<b>energiearmoede" not in html


@postgres_only
def test_renaming_a_challenge_reindexes_what_is_linked_to_it(tenants):
    make_innovation(name="Warm Thuis", challenges=[tenants], problem="Kou.")
    make_funding(name="Oproep", themes=[tenants.theme])

    tenants.name_nl = "Stookarmoede"
    tenants.save()
    update_search_vector(tenants)
    tenants.theme.name_nl = "Huisvesting"
    tenants.theme.save()
    update_search_vector(tenants.theme)

    assert found("stookarmoede") == {"Warm Thuis"}
    assert found("huisvesting", FundingOpportunity) == {"Oproep"}


@postgres_only
def test_reindex_search_fills_missing_vectors():
    make_innovation(name="Buurtbabbel", problem="Huurders zoeken buren.")
    Innovation.objects.update(search_vector=None)
    assert found("huurders") == set()

    call_command("reindex_search", "--missing", stdout=io.StringIO())

    assert found("huurders") == {"Buurtbabbel"}
