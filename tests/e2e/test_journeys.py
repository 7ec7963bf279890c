"""Journeys through the site as the design's people make them, asserting what they see."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.mfa import give_totp, totp_code
from hubsi.models import Status
from tests.conftest import build_catalogue
from tests.factories import make_challenge, make_innovation, make_user
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.e2e


def test_visitor_filters_opens_an_innovation_returns_and_switches_language(page):
    """Tom looks for what exists on a challenge, at a given stage."""
    catalogue = build_catalogue(2)
    challenge = catalogue["challenge"]
    make_innovation(
        name="Buurtrestaurant Zonder Drempel", challenges=[make_challenge()], stage="scaling"
    )

    page.goto("/")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Innovaties"
    ).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sociale innovaties"

    page.get_by_label(challenge.name_nl).check()
    page.locator("summary", has_text="Fase").click()
    page.get_by_label("Inzicht").check()
    page.get_by_role("button", name="Toon resultaten").click()
    assert f"challenge={challenge.slug}" in page.url and "stage=insight" in page.url
    assert page.get_by_role("heading", name="2 resultaten").is_visible()
    assert page.get_by_text("Buurtrestaurant Zonder Drempel").count() == 0

    page.get_by_role("link", name="Warm Wonen 0").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Warm Wonen 0"
    assert page.get_by_role("heading", name="Het probleem").is_visible()

    page.get_by_role("link", name="Terug naar de resultaten").click()
    assert page.get_by_label(challenge.name_nl).is_checked()
    assert page.get_by_label("Inzicht").is_checked()

    page.get_by_role("link", name="English").click()
    assert page.url.split("?")[0].endswith("/en/innovations/")
    assert "stage=insight" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Social innovations"
    assert page.get_by_label(challenge.name_en).is_checked()

    page.get_by_role("link", name="Nederlands").click()
    assert "/en/" not in page.url and "stage=insight" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Sociale innovaties"


def test_curator_publishes_a_submission_from_the_review_queue(page):
    """Lien empties her review queue; the innovation then appears in the list and on its hub."""
    catalogue = build_catalogue(1)
    lien = make_user("lien@europa-wse.example", password="een-lang-wachtwoord-2026", is_staff=True)
    lien.groups.add(Group.objects.get(name="Curators"))
    EmailAddress.objects.create(user=lien, email=lien.email, verified=True, primary=True)
    # Staff need two-factor authentication: Lien's authenticator app has this secret.
    secret = "LIENSPHONEAUTHENTICATORSECRETAAA"
    give_totp(lien, secret)
    make_innovation(
        name="Repair Café Genk", status=Status.SUBMITTED, challenges=[catalogue["challenge"]]
    )

    page.goto("/innovations/")
    assert page.get_by_text("Repair Café Genk").count() == 0

    page.goto("/admin/")  # the admin signs in through the site's own sign-in page
    assert page.get_by_role("heading", level=1).inner_text() == "Aanmelden"
    page.get_by_label("E-mailadres").fill("lien@europa-wse.example")
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord-2026")
    page.get_by_role("button", name="Aanmelden").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tweestapsverificatie"
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/innovations/innovation/?status__exact=submitted")
    row = page.locator("#result_list tr", has_text="Repair Café Genk")
    row.locator("input[type=checkbox]").check()
    page.locator("select[name=action]").select_option("publish")
    page.locator("button[name=index]").click()
    assert page.locator(".messagelist").inner_text() != ""

    page.goto("/innovations/")
    assert page.get_by_role("link", name="Repair Café Genk").is_visible()
    page.goto(catalogue["challenge"].get_absolute_url())
    assert page.get_by_role("link", name="Repair Café Genk").is_visible()


def focus_is_visible(page) -> bool:
    """The focused element draws an outline or a focus ring (box-shadow)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
                || style.boxShadow !== 'none';
        }"""
    )


def test_keyboard_only_skip_link_filters_and_visible_focus(page):
    build_catalogue(2)
    page.goto("/innovations/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de hoofdinhoud"
    assert focus_is_visible(page)
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Tab through the page: every focused element shows where the focus is.
    for _ in range(12):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), page.evaluate("document.activeElement.outerHTML")

    # Set a filter and apply it with the keyboard alone.
    page.focus("#id_q")
    page.keyboard.type("wonen")
    checkbox = page.locator("input[name=challenge]").first
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    page.get_by_role("button", name="Toon resultaten").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/innovations/?*")
    assert "q=wonen" in page.url and "challenge=" in page.url


@pytest.mark.parametrize(
    "page_type", [p for p in PUBLIC_PAGES if "nl" in p.tags], ids=lambda p: p.name
)
def test_reflow_at_320_pixels(page, page_type):
    """WCAG 1.4.10: at 320 px nothing scrolls horizontally and navigation stays usable."""
    catalogue = build_catalogue(1)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(page_type.url(catalogue))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator(".site-menu > summary").click()  # the menu folds on a phone
    nav = page.get_by_role("navigation", name="Hoofdnavigatie")
    assert nav.get_by_role("link", name="Financiering").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_filters_are_usable_at_320_pixels(page):
    catalogue = build_catalogue(2)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/innovations/")
    page.get_by_text("Filteren en zoeken").click()
    page.get_by_label(catalogue["challenge"].name_nl).check()
    page.get_by_role("button", name="Toon resultaten").click()
    assert f"challenge={catalogue['challenge'].slug}" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
