"""The registry's 429 and 503 pages (ERROR_PAGES in tests/pages.py) are the site's real ones:
styled, in the visitor's language, with Retry-After; the 503 is never stored by a cache."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.conftest import build_catalogue
from tests.pages import ERROR_PAGES

pytestmark = pytest.mark.django_db

HEADINGS = {429: "Slow down a moment", 503: "HUBSI is temporarily unavailable"}


@pytest.mark.parametrize("page", ERROR_PAGES, ids=lambda p: p.name)
def test_the_error_page_is_the_styled_page_in_the_visitors_language(client, page):
    language = "en" if "en" in page.tags else "nl"

    response = client.get(page.url(build_catalogue(1)))

    assert response.status_code == page.status
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'href="#main"' in html
    with translation.override(language):
        assert gettext(HEADINGS[page.status]) in html
    if page.status == 503:
        assert "no-store" in response["Cache-Control"]
        assert "OperationalError" not in html and "connection refused" not in html
