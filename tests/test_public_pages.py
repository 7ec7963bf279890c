"""Every registered page answers, in both languages, with a constant number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import build_catalogue
from tests.pages import ALL_PAGES, PUBLIC_PAGES


def visit_as(client, page, request) -> None:
    """Sign in as the page's audience."""
    if page.audience == "staff":
        client.force_login(request.getfixturevalue("curator"))
    elif page.audience == "signed-in":
        client.force_login(request.getfixturevalue("owner"))


@pytest.mark.django_db
@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_page_answers(client, page, request):
    catalogue = build_catalogue(2)
    visit_as(client, page, request)
    response = client.get(page.url(catalogue))
    assert response.status_code == page.status
    if page.html:
        assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_query_count_does_not_grow_with_the_data(client, page, request):
    catalogue = build_catalogue(3)
    visit_as(client, page, request)
    url = page.url(catalogue)
    client.get(url)  # warm up: sessions, content types and other one-off lookups
    # Measure the uncached page: the cache would hide the cost (tests/test_caching.py).
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    build_catalogue_more(catalogue, 12)
    if page.more:
        page.more(catalogue)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == page.status
    # Never more; fewer is possible (similar innovations stop at the first ranking once
    # there are enough innovations on the same challenges, front/matching.py).
    assert len(many) <= len(few), "\n".join(q["sql"] for q in many.captured_queries)


def build_catalogue_more(catalogue: dict, count: int) -> None:
    """Add published items linked to the same challenge, so every page has more to show."""
    from tests.factories import (
        make_funding,
        make_innovation,
        make_learning_offer,
        make_practice,
        make_space,
        make_supporter,
    )

    challenge, theme = catalogue["challenge"], catalogue["theme"]
    for index in range(count):
        more = make_innovation(
            name=f"Meer Warm Wonen {index}",
            challenges=[challenge],
            regions=["limburg", "antwerp"],
            needs=["coaching"],
            partner_roles=["citizen"],
            tagline="Huurders in Genk besparen samen energie.",
        )
        supporter = make_supporter(
            offers=["coaching"], challenges=[challenge], themes=[theme], regions=["limburg"]
        )
        space = make_space(host=supporter, challenges=[challenge], open_to_citizens=True)
        make_funding(challenges=[challenge], regions=["flanders"], stages=["insight"])
        make_learning_offer(
            provider=supporter,
            space=space,
            challenges=[challenge],
            stages=["insight"],
            regions=["limburg"],
            competences=["co_creation", "impact"],
            audiences=["citizen"],
            start_date=datetime.date.today() + datetime.timedelta(days=index + 1),
        )
        make_practice(
            challenges=[challenge],
            roles=["government"],
            instruments=["procurement"],
            stages=["insight"],
            applied_by=[more],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("page", [p for p in PUBLIC_PAGES if p.status == 200], ids=lambda p: p.name)
def test_page_has_title_description_canonical_and_language_switch(client, page):
    catalogue = build_catalogue(1)
    response = client.get(page.url(catalogue))
    html = response.content.decode()
    language = "en" if "en" in page.tags else "nl"
    assert f'<html lang="{language}">' in html
    assert "<title>" in html and '<meta name="description"' in html
    assert '<link rel="canonical"' in html
    other = "Nederlands" if language == "en" else "English"
    assert f">{other}</a>" in html
    assert 'href="#main"' in html
