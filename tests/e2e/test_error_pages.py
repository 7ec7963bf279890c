"""The browser checks of tests/e2e/ on the 429 and 503 pages (ERROR_PAGES in tests/pages.py):
axe-core in Dutch and English, the W3C Nu HTML Checker, and reflow at 320 px.

They run here rather than in test_accessibility.py and friends because Chromium logs the page's
own status ("the server responded with a status of 503") as a console error, and the shared
`page` fixture fails a test on any console error but a 404. The `tab` fixture below lets
exactly that one message pass.
"""

import pytest

from tests.conftest import build_catalogue
from tests.pages import ERROR_PAGES

pytestmark = pytest.mark.e2e


@pytest.fixture
def tab(browser, live_server, request):
    """A fresh browser tab that fails the test on any console error except the page's own
    status."""
    page_type = request.getfixturevalue("page_type")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    expected = f"the server responded with a status of {page_type.status}"
    real_errors = [e for e in errors if expected not in e]
    assert not real_errors, f"console errors: {real_errors}"


@pytest.mark.parametrize("page_type", ERROR_PAGES, ids=lambda p: p.name)
def test_no_accessibility_violations(tab, page_type, assert_accessible):
    response = tab.goto(page_type.url(build_catalogue(1)))
    assert response.status == page_type.status
    assert_accessible(tab, page_type.name)


@pytest.mark.parametrize(
    "page_type", [p for p in ERROR_PAGES if "nl" in p.tags], ids=lambda p: p.name
)
def test_reflow_at_320_pixels(tab, page_type):
    tab.set_viewport_size({"width": 320, "height": 800})
    tab.goto(page_type.url(build_catalogue(1)))
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    tab.locator(".site-menu > summary").click()  # the menu folds on a phone
    nav = tab.get_by_role("navigation", name="Hoofdnavigatie")
    assert nav.get_by_role("link", name="Financiering").is_visible()


@pytest.mark.django_db
def test_error_pages_are_valid_html(client, assert_valid_html):
    catalogue = build_catalogue(1)
    pages = {}
    for page_type in ERROR_PAGES:
        pages[page_type.name] = client.get(page_type.url(catalogue))
        assert pages[page_type.name].status_code == page_type.status, page_type.name
    assert_valid_html(pages)
