"""Tom signs up in Dutch, confirms his address, signs out and in again; and every account page
(signed in, with errors, behind a password check) passes axe-core and the Nu HTML Checker."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from accounts.mfa import give_totp
from tests.factories import make_innovation, make_user

pytestmark = pytest.mark.e2e

PASSWORD = "warme-huurders-genk-2026"


@pytest.fixture
def outbox(settings):
    """The live server runs in this process: its mail lands in django.core.mail.outbox."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def sign_in(page, email, password=PASSWORD, prefix=""):
    page.goto(f"{prefix}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form.account-form button[type=submit]").click()


def test_new_user_signs_up_in_dutch_confirms_and_signs_out(page, outbox):
    page.goto("/")
    page.get_by_role("link", name="Aanmelden").click()
    page.get_by_role("link", name="Maak er dan eerst een aan").click()
    assert heading(page) == "Account aanmaken"

    page.get_by_label("E-mailadres").fill("tom@genk.example")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (nog eens)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je e-mailadres")
    expect(page.get_by_text("We hebben je een e-mail gestuurd.")).to_be_visible()
    (message,) = outbox
    assert message.to == ["tom@genk.example"]
    assert message.subject == "[HUBSI] Bevestig je e-mailadres"
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je e-mailadres")
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_text("Je hebt tom@genk.example bevestigd.")).to_be_visible()
    header = page.locator(".site-header")
    # The name links to the account until "My dashboard" exists; then the dashboard.
    account = header.get_by_role("link", name=re.compile("tom@genk.example|Mijn dashboard"))
    expect(account).to_be_visible()

    header.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()
    expect(header.get_by_role("link", name="Aanmelden")).to_be_visible()
    expect(header.get_by_role("button", name="Afmelden")).to_have_count(0)

    sign_in(page, "tom@genk.example")
    expect(page.get_by_text("Je bent aangemeld als tom@genk.example.")).to_be_visible()


def test_sign_up_with_errors_has_no_accessibility_violations(page, assert_accessible):
    for prefix in ("", "/en"):
        page.goto(f"{prefix}/accounts/signup/")
        page.locator("form.account-form button[type=submit]").click()
        page.wait_for_selector("#id_email_error")

        assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
        assert_accessible(page, f"signup with errors {prefix}")


def test_honeypot_is_invisible_and_skipped_by_the_keyboard(page):
    page.goto("/accounts/signup/")

    assert not page.locator("#id_phone_number").is_visible() or page.evaluate(
        "document.getElementById('id_phone_number').getBoundingClientRect().right < 0"
    )
    page.locator("#id_password2").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") != "id_phone_number"


def account_pages(prefix: str) -> list[str]:
    return [
        f"{prefix}/accounts/email/",
        f"{prefix}/accounts/password/change/",
        f"{prefix}/accounts/2fa/",
        f"{prefix}/accounts/privacy/",
        f"{prefix}/accounts/logout/",
    ]


def reauthenticate_if_asked(page, password=PASSWORD):
    if "/accounts/reauthenticate/" in page.url:
        page.locator("#id_password").fill(password)
        with page.expect_navigation():
            page.locator("form.account-form button[type=submit]").click()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_signed_in_account_pages_have_no_accessibility_violations(page, prefix, assert_accessible):
    sara = make_user("sara@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=sara, email=sara.email, verified=True, primary=True)
    make_innovation(owners=[sara], name="Warm Wonen Genk")
    sign_in(page, sara.email, prefix=prefix)

    for url in account_pages(prefix):
        page.goto(url)
        assert_accessible(page, url)

    # Behind a fresh password check: setting up an authenticator app, the recovery codes and
    # the deletion of the account.
    page.goto(f"{prefix}/accounts/2fa/totp/activate/")
    reauthenticate_if_asked(page)
    page.wait_for_selector("img.totp-qr")
    assert_accessible(page, "totp activate")
    page.locator("form.account-form button[type=submit]").click()  # empty code: an error
    page.wait_for_selector("#id_code_error")
    assert_accessible(page, "totp activate with an error")

    page.goto(f"{prefix}/accounts/delete/")
    reauthenticate_if_asked(page)
    expect(page.get_by_text("Warm Wonen Genk")).to_be_visible()
    assert_accessible(page, "delete account")


def test_staff_without_an_authenticator_see_why_and_set_one_up(page, assert_accessible):
    lien = make_user("lien@europa-wse.example", password=PASSWORD, is_staff=True)
    EmailAddress.objects.create(user=lien, email=lien.email, verified=True, primary=True)
    sign_in(page, lien.email)

    page.goto("/admin/")
    # Sent to set up an authenticator app, which first asks for the password again.
    expect(
        page.get_by_text("heeft een medewerkersaccount tweestapsverificatie nodig")
    ).to_be_visible()
    reauthenticate_if_asked(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Authenticator-app instellen")
    assert page.get_by_role("img", name="QR-code voor je authenticator-app").is_visible()
    assert_accessible(page)


def test_account_pages_are_valid_html(assert_valid_html, db):
    """Pages the registry cannot reach with a plain GET: forms with errors, pages behind a
    password check, the two-factor prompt, the 403 and 429 pages."""
    sara = make_user("sara@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=sara, email=sara.email, verified=True, primary=True)
    make_innovation(owners=[sara], name="Warm Wonen Genk")
    pages = {}
    for prefix, suffix in (("", ""), ("/en", "-en")):
        anonymous = Client()
        pages[f"signup-errors{suffix}"] = anonymous.post(f"{prefix}/accounts/signup/", {})
        pages[f"login-errors{suffix}"] = anonymous.post(
            f"{prefix}/accounts/login/", {"login": "sara@example.org", "password": "fout"}
        )
        client = Client()
        client.post(f"{prefix}/accounts/login/", {"login": sara.email, "password": PASSWORD})
        client.post(
            f"{prefix}/accounts/reauthenticate/?next={prefix}/accounts/delete/",
            {"password": PASSWORD},
        )
        for name, url in [
            ("totp-activate", f"{prefix}/accounts/2fa/totp/activate/"),
            ("delete-account", f"{prefix}/accounts/delete/"),
            ("email", f"{prefix}/accounts/email/"),
        ]:
            pages[f"{name}{suffix}"] = client.get(url)
        pages[f"not-authorised{suffix}"] = client.get(f"{prefix}/admin/", follow=True)
    lien = make_user("lien@europa-wse.example", password=PASSWORD, is_staff=True)
    EmailAddress.objects.create(user=lien, email=lien.email, verified=True, primary=True)
    give_totp(lien, "LIENSPHONEAUTHENTICATORSECRETAAA")
    mfa = Client()
    mfa.post("/accounts/login/", {"login": lien.email, "password": PASSWORD})
    pages["mfa-authenticate"] = mfa.get("/accounts/2fa/authenticate/")
    limited = Client()
    for _ in range(31):
        response = limited.post("/accounts/login/", {"login": "x@example.org", "password": "x"})
    pages["too-many-requests"] = response

    for name, response in pages.items():
        assert response.status_code in (200, 403, 429), name
    assert_valid_html(pages)
