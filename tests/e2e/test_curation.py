"""Lien's morning in the admin, keyboard only: the queue, a decision on the change form, and the
next item; axe-core and the Nu HTML Checker at zero on the queue and on a change form in review."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from hubsi.models import Revision, Status
from tests.factories import make_innovation, make_user

pytestmark = pytest.mark.e2e


def sign_in(page, client, curator, live_server) -> None:
    """The browser takes over the test client's session (the curator has her authenticator)."""
    client.force_login(curator)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


@pytest.fixture
def in_review(db):
    owner = make_user()
    now = timezone.now()
    older = make_innovation(
        name="Warme huurders Genk",
        status=Status.SUBMITTED,
        owners=[owner],
        submitted_at=now - timedelta(days=3),
    )
    newer = make_innovation(
        name="Repair Café Hasselt",
        status=Status.SUBMITTED,
        owners=[owner],
        submitted_at=now - timedelta(days=1),
    )
    return older, newer


def press_tab_until(page, predicate: str, limit: int = 400) -> None:
    """Tab through the page until the focused element matches `predicate` (a JS expression on
    `el`), as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"no focusable element where {predicate}")


def test_publish_from_the_change_form_by_keyboard_and_land_on_the_next_item(
    page, live_server, client, curator, in_review, assert_accessible
):
    older, newer = in_review
    sign_in(page, client, curator, live_server)
    page.goto("/admin/")
    assert page.locator("#review-queue").is_visible()
    assert_accessible(page, "queue (nl)")

    press_tab_until(page, "el.textContent.trim() === 'Warme huurders Genk'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/innovations/innovation/{older.pk}/change/")
    assert_accessible(page, "change form in review (nl)")

    press_tab_until(
        page,
        "el.tagName === 'BUTTON' && el.form && el.form.elements.decision"
        " && el.form.elements.decision.value === 'publish'",
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/innovations/innovation/{newer.pk}/change/")

    older.refresh_from_db()
    assert older.status == Status.PUBLISHED
    assert page.locator(".messagelist").is_visible()
    assert_accessible(page, "next item after a decision (nl)")


def test_queue_and_change_form_in_english_are_accessible(
    page, live_server, client, curator, in_review, assert_accessible
):
    older, _ = in_review
    sign_in(page, client, curator, live_server)
    page.goto("/en/admin/")
    assert_accessible(page, "queue (en)")
    page.goto(f"/en/admin/innovations/innovation/{older.pk}/change/")
    assert_accessible(page, "change form in review (en)")
    published = make_innovation(tagline="Oud.")
    Revision.objects.create(
        content_type=ContentType.objects.get_for_model(published),
        object_id=published.pk,
        data={"tagline": "Nieuw."},
        submitted_at=timezone.now(),
    )
    for prefix in ("", "/en"):
        page.goto(f"{prefix}/admin/figures/")
        assert_accessible(page, f"figures ({prefix or 'nl'})")
        page.goto(f"{prefix}/admin/innovations/innovation/{published.pk}/change/")
        assert page.locator("#decision-heading").is_visible()
        assert_accessible(page, f"change form with pending changes ({prefix or 'nl'})")


def test_queue_and_change_form_in_review_are_valid_html(
    client, curator, in_review, assert_valid_html
):
    older, _ = in_review
    client.force_login(curator)
    pages = {}
    for prefix in ("", "/en"):
        language = prefix.strip("/") or "nl"
        pages[f"queue-{language}"] = client.get(f"{prefix}/admin/")
        pages[f"figures-{language}"] = client.get(f"{prefix}/admin/figures/")
        pages[f"change-form-{language}"] = client.get(
            f"{prefix}/admin/innovations/innovation/{older.pk}/change/"
        )
    assert all(response.status_code == 200 for response in pages.values())
    assert_valid_html(pages)
