"""The W3C Nu HTML Checker on every registered HTML page type: zero errors."""

import pytest

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_every_page_type_is_valid_html(client, assert_valid_html):
    catalogue = build_catalogue(2)
    pages = {}
    for page_type in PUBLIC_PAGES:
        pages[page_type.name] = client.get(page_type.url(catalogue))
        assert pages[page_type.name].status_code == page_type.status, page_type.name
    assert_valid_html(pages)
