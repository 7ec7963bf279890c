"""On a phone (375 px wide, Sara's): results before filters, a compact header, chips that widen
the list again, and long Dutch words that never push the page sideways."""

import re

import pytest

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 800}
LISTS = [
    p
    for p in PUBLIC_PAGES
    if "nl" in p.tags and (re.search(r"-list(-filtered|-open)?$", p.name) or p.name == "search")
]


@pytest.mark.parametrize("page_type", LISTS, ids=lambda p: p.name)
def test_the_first_result_shows_without_scrolling_past_the_filters(page, page_type):
    catalogue = build_catalogue(2)
    page.set_viewport_size(PHONE)
    page.goto(page_type.url(catalogue))

    first = page.locator("main .cards > li, main .search-results > li").first
    assert first.bounding_box()["y"] < 900
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_page_heading_starts_within_200_pixels(page):
    build_catalogue(1)
    page.set_viewport_size(PHONE)
    page.goto("/innovations/")

    assert page.locator("main h1").bounding_box()["y"] < 200


def test_the_menu_opens_with_the_keyboard_and_holds_the_language_and_sign_in(page):
    build_catalogue(1)
    page.set_viewport_size(PHONE)
    page.goto("/innovations/")
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    assert not navigation.is_visible()

    page.locator(".site-menu > summary").focus()
    page.keyboard.press("Enter")

    assert navigation.get_by_role("link", name="Financiering").is_visible()
    assert page.get_by_role("link", name="English").is_visible()
    assert page.get_by_role("link", name="Aanmelden").is_visible()


def test_chips_name_the_chosen_filters_and_each_widens_the_list(page):
    catalogue = build_catalogue(2)
    page.set_viewport_size(PHONE)
    page.goto(f"/innovations/?challenge={catalogue['challenge'].slug}&stage=insight&q=warm")

    toggle = page.locator(".filters-panel > summary")
    assert "3 gekozen" in toggle.inner_text()
    chips = page.locator(".chip")
    assert chips.count() == 3
    page.locator(".chip", has_text="Fase").click()

    assert "stage=" not in page.url
    assert f"challenge={catalogue['challenge'].slug}" in page.url and "q=warm" in page.url
    assert page.locator(".chip").count() == 2
    page.get_by_role("link", name="Wis alle filters").first.click()
    assert page.url.endswith("/innovations/")


def test_on_a_wide_screen_the_filters_and_navigation_show_without_a_click(page):
    build_catalogue(1)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/innovations/")

    assert page.get_by_role("button", name="Toon resultaten").is_visible()
    assert not page.locator(".filters-panel > summary").is_visible()
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    assert navigation.get_by_role("link", name="Financiering").is_visible()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_phone_states_pass_axe(page, assert_accessible, prefix):
    """Menu open, filters open, chips shown: the states a phone user meets, in both languages."""
    catalogue = build_catalogue(2)
    page.set_viewport_size(PHONE)
    page.goto(f"{prefix}/innovations/?challenge={catalogue['challenge'].slug}&q=warm")
    assert_accessible(page, "filters closed, chips")
    page.locator(".filters-panel > summary").click()
    assert_accessible(page, "filters open")
    page.locator(".site-menu > summary").click()
    assert_accessible(page, "menu open")
