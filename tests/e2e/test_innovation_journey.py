"""Sara registers her innovation in Dutch, in the browser, as she would on her phone: she
leaves halfway, comes back through her dashboard, fixes a mistake and submits it.

Also: axe-core and the Nu HTML Checker on every self-service page (tests/pages.py,
SIGNED_IN_PAGES), since those pages need a signed-in owner.
"""

import pytest
from django.conf import settings
from django.test import Client

from hubsi.models import Status
from innovations.models import Innovation
from tests.conftest import build_catalogue
from tests.factories import make_user, verify_email
from tests.pages import SIGNED_IN_PAGES

pytestmark = pytest.mark.e2e


def sign_in(page, live_server, user) -> None:
    """Sign in as the user in this browser: a real session, made by Django's test client."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def current_step(page) -> str:
    return page.locator('[aria-current="step"] .steps__title').inner_text()


def press(page, action: str) -> None:
    page.locator(f'button[name="action"][value="{action}"]').click()


def test_sara_registers_her_innovation_leaves_comes_back_and_submits_it(
    page, live_server, assert_accessible
):
    catalogue = build_catalogue(1)  # "Warm Wonen 0" works on energy poverty among tenants
    challenge = catalogue["challenge"]
    sara = verify_email(make_user("sara@example.org"))
    sign_in(page, live_server, sara)

    # Her dashboard is empty and invites her to start.
    page.goto("/dashboard/")
    assert page.locator("h1").inner_text() != ""
    assert_accessible(page)
    page.locator('a[href="/innovations/new/"]').first.click()

    # Step 1: the problem first. While she types and picks the challenge, similar published
    # innovations appear beside the form, before she saves anything.
    assert page.get_by_role("heading", level=1).inner_text() == "Het probleem"
    assert current_step(page) == "Het probleem"
    page.fill('[name="name"]', "Warme Huurders Genk")
    page.fill(
        '[name="problem"]',
        "Huurders in Genk wonen in slecht geïsoleerde woningen en betalen te veel voor energie.",
    )
    page.get_by_label(challenge.name_nl).check()
    similar = page.locator("aside.similar")
    similar.get_by_role("link", name="Warm Wonen 0").wait_for()
    assert_accessible(page)
    press(page, "next")

    # Step 2: the draft exists now, and step 1 is marked done.
    innovation = Innovation.objects.get(owners=sara)
    assert innovation.status == Status.DRAFT
    assert page.url.endswith(f"/innovations/{innovation.slug}/edit/system/")
    assert page.locator(".steps__item--done").count() == 1
    page.fill(
        '[name="systemic_view"]', "Eigenaars investeren niet; huurders kennen hun rechten niet."
    )
    press(page, "next")

    # She has to go: she closes the tab. Later her session has expired, she signs in again and
    # finds her draft on the dashboard, with what to do next.
    page.context.clear_cookies()
    page.goto("/dashboard/")
    assert "/accounts/login/" in page.url
    sign_in(page, live_server, sara)
    page.goto("/dashboard/")
    item = page.locator(".dashboard-item", has_text="Warme Huurders Genk")
    assert item.locator(".tag").inner_text() == "Concept"
    item.locator(f'a[href="/innovations/{innovation.slug}/edit/approach/"]').click()

    # Step 3, then 4: approach, stage, partnership.
    assert page.url.endswith("/edit/approach/")
    page.fill('[name="approach"]', "Buren isoleren samen, met een energiecoach van de stad.")
    page.get_by_label("Inzicht").check()
    press(page, "next")
    page.fill('[name="organisation_name"]', "Buurtcollectief Warme Huurders")
    page.locator('[name="organisation_role"][value="citizen"]').check()
    page.locator('[name="needs"][value="coaching"]').check()
    page.locator('[name="needs"][value="funding"]').check()
    page.locator('[name="wanted_roles"][value="government"]').check()
    press(page, "next")

    # Step 5: a typo in the website. The error is tied to the field, the rest is saved.
    page.locator('[name="regions"][value="limburg"]').check()
    page.fill('[name="website"]', "warme huurders")
    page.fill('[name="contact_email"]', "sara@example.org")
    press(page, "next")
    assert page.locator(".error-summary").is_visible()
    website = page.locator('[name="website"]')
    assert website.get_attribute("aria-invalid") == "true"
    assert "id_website_error" in website.get_attribute("aria-describedby")
    assert website.input_value() == "warme huurders"
    assert_accessible(page)
    innovation.refresh_from_db()
    assert innovation.contact_email == "sara@example.org"
    page.fill('[name="website"]', "https://warmehuurders.be")
    press(page, "next")

    # The preview shows it as it will look; she submits it with her consent.
    assert page.get_by_role("heading", level=1).inner_text() == "Warme Huurders Genk"
    assert page.get_by_text("betalen te veel voor energie").is_visible()
    assert page.get_by_text("Buurtcollectief Warme Huurders").is_visible()
    assert_accessible(page)
    page.locator(f'a[href="/innovations/{innovation.slug}/submit/"]').click()
    assert page.get_by_role("link", name="CC BY 4.0").is_visible()
    assert_accessible(page)
    page.locator('form button[type="submit"]').last.click()
    assert page.locator(".error-summary").is_visible()  # she forgot the two checkboxes
    page.check("#id_may_publish")
    page.check("#id_accepts_terms")
    page.locator('form button[type="submit"]').last.click()

    assert page.url.endswith("/dashboard/")
    item = page.locator(".dashboard-item", has_text="Warme Huurders Genk")
    assert item.locator(".tag").inner_text() == "Ingediend ter beoordeling"
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED

    # Until it is published, nobody else sees it.
    page.goto("/innovations/")
    assert page.get_by_text("Warme Huurders Genk").count() == 0


def test_step_one_works_without_javascript(browser, live_server):
    """Server-rendered: the form saves and the similar innovations show after a button."""
    catalogue = build_catalogue(1)
    sara = verify_email(make_user("sara@example.org"))
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, sara)
    page.goto("/innovations/new/")
    page.fill('[name="problem"]', "Huurders betalen te veel voor energie.")
    page.get_by_label(catalogue["challenge"].name_nl).check()
    press(page, "similar")  # no name yet: nothing is saved, the suggestions show anyway
    assert page.locator("aside.similar").get_by_role("link", name="Warm Wonen 0").is_visible()
    assert page.locator('[name="problem"]').input_value() == (
        "Huurders betalen te veel voor energie."
    )
    page.fill('[name="name"]', "Warme Huurders Genk")
    press(page, "save")
    assert "/edit/problem/" in page.url
    assert Innovation.objects.filter(owners=sara, status=Status.DRAFT).count() == 1
    context.close()


@pytest.mark.parametrize(
    "page_type", [p for p in SIGNED_IN_PAGES if "nl" in p.tags], ids=lambda p: p.name
)
def test_self_service_pages_have_no_accessibility_violations(
    page, live_server, page_type, assert_accessible
):
    catalogue = build_catalogue(1)
    sara = verify_email(make_user("sara@example.org"))
    url = page_type.url(catalogue)
    sign_in(page, live_server, sara)
    response = page.goto(url)
    assert response.status == page_type.status
    assert_accessible(page)


@pytest.mark.django_db
def test_self_service_pages_are_valid_html(client, assert_valid_html):
    catalogue = build_catalogue(1)
    client.force_login(verify_email(make_user("sara@example.org")))
    pages = {}
    for page_type in SIGNED_IN_PAGES:
        pages[page_type.name] = client.get(page_type.url(catalogue))
        assert pages[page_type.name].status_code == page_type.status, page_type.name
    assert_valid_html(pages)
