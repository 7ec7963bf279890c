"""Signing up, confirming the address, signing in and out, passwords and email addresses."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from accounts.decorators import has_verified_email, verified_email_required
from accounts.models import User
from tests.factories import make_user

PASSWORD = "warme-huurders-genk-2026"


@pytest.fixture(autouse=True)
def _dutch():
    """Requests leave their language active in the thread: start every test in Dutch, so that
    `reverse()` gives the unprefixed (Dutch) addresses."""
    with translation.override("nl"):
        yield


def verified_user(email: str = "sara@example.org", **extra) -> User:
    user = make_user(email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_up(client, email="tom@example.org", **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post(reverse("account_signup"), data)


def sign_in(client, email="sara@example.org", password=PASSWORD, url=None):
    return client.post(url or reverse("account_login"), {"login": email, "password": password})


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/confirm-email/\S+/", message.body).group(0)


# Pages in the site's layout, in Dutch with "je" ----------------------------------------------


@pytest.mark.django_db
def test_sign_in_page_is_in_the_site_layout_in_dutch(client):
    html = client.get(reverse("account_login")).content.decode()

    assert "<title>Aanmelden · HUBSI</title>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert '<label for="id_login">E-mailadres</label>' in html
    assert "Heb je nog geen account?" in html
    assert "placeholder=" not in html  # labels, not placeholders
    assert " novalidate" in html  # errors come from the server, in the page's language


@pytest.mark.django_db
def test_sign_up_page_in_english_has_english_labels(client):
    with_prefix = "/en" + reverse("account_signup")

    html = client.get(with_prefix).content.decode()

    assert '<html lang="en">' in html
    assert '<label for="id_email">Email address</label>' in html
    assert 'href="/en/privacy/"' in html


@pytest.mark.django_db
def test_password_rules_address_people_with_je(client):
    html = client.get(reverse("account_signup")).content.decode()

    assert "Je wachtwoord moet minstens 10 tekens lang zijn." in html
    assert "Uw wachtwoord" not in html


@pytest.mark.django_db
def test_empty_sign_up_shows_errors_tied_to_their_fields(client):
    html = client.post(reverse("account_signup"), {}).content.decode()

    assert '<ul class="errorlist" id="id_email_error"><li>Dit veld is verplicht.</li></ul>' in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_email_error"', html)
    assert not User.objects.exists()


# Sign-up, confirmation, sign-in --------------------------------------------------------------


@pytest.mark.django_db
def test_sign_up_sends_a_dutch_confirmation_email_and_does_not_sign_in(client, mailoutbox):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="tom@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mailoutbox
    assert message.to == ["tom@example.org"]
    assert message.subject == "[HUBSI] Bevestig je e-mailadres"
    assert "Hallo van HUBSI!" in message.body
    assert "Bevestig je e-mailadres via deze link" in message.body
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_confirming_the_address_signs_the_person_in(client, mailoutbox):
    sign_up(client)
    link = confirmation_link(mailoutbox[0])

    page = client.get(link)
    assert "Bevestig je e-mailadres" in page.content.decode()
    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="tom@example.org").verified
    assert client.session["_auth_user_id"] == str(User.objects.get(email="tom@example.org").pk)


@pytest.mark.django_db
def test_unconfirmed_address_cannot_sign_in(client):
    sign_up(client)
    client.logout()

    response = sign_in(client, "tom@example.org")

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signing_up_with_a_known_address_reveals_nothing(client, mailoutbox):
    verified_user("sara@example.org")

    response = sign_up(client, "sara@example.org")

    # The same answer as for a new address; the owner of the address is told by mail.
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="sara@example.org").count() == 1
    (message,) = mailoutbox
    assert message.subject == "[HUBSI] Je hebt al een account"


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_looks_the_same(client, mailoutbox):
    verified_user("sara@example.org")

    known = client.post(reverse("account_reset_password"), {"email": "sara@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("account_reset_password_done")
    assert [m.subject for m in mailoutbox] == [
        "[HUBSI] Kies een nieuw wachtwoord",
        "[HUBSI] Onbekend account",
    ]


@pytest.mark.django_db
def test_password_reset_link_sets_a_new_password(client, mailoutbox):
    user = verified_user()
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"http://\S+/password/reset/key/\S+/", mailoutbox[0].body).group(0)

    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"password1": "een-nieuw-wachtwoord-2026", "password2": "een-nieuw-wachtwoord-2026"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("een-nieuw-wachtwoord-2026")


@pytest.mark.django_db
def test_sign_in_with_the_email_address_and_sign_out_with_post(client):
    verified_user()

    response = sign_in(client)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session

    confirm = client.get(reverse("account_logout"))
    assert "Wil je je afmelden?" in confirm.content.decode()
    assert "_auth_user_id" in client.session  # a GET never signs out

    response = client.post(reverse("account_logout"), follow=True)
    assert "_auth_user_id" not in client.session
    # On the sign-in page, which is never cached, so the message shows.
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert "Je bent afgemeld." in response.content.decode()


@pytest.mark.django_db
def test_header_links_the_signed_in_name_to_the_account(client):
    verified_user()
    sign_in(client)

    html = client.get(reverse("home")).content.decode()

    if "My dashboard" in html or "Mijn dashboard" in html:
        assert 'href="/dashboard/"' in html
    else:
        assert f'href="{reverse("account_email")}"' in html
        assert "sara@example.org</a>" in html


@pytest.mark.django_db
def test_password_change_needs_the_current_password_and_mails_a_notice(client, mailoutbox):
    user = verified_user()
    sign_in(client)

    wrong = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "fout",
            "password1": "nieuw-wachtwoord-2026",
            "password2": "nieuw-wachtwoord-2026",
        },
    )
    assert "Typ je huidige wachtwoord." in wrong.content.decode() or wrong.status_code == 200
    right = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-wachtwoord-2026",
            "password2": "nieuw-wachtwoord-2026",
        },
    )

    assert right.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nieuw-wachtwoord-2026")
    assert [m.subject for m in mailoutbox] == ["[HUBSI] Wachtwoord gewijzigd"]


@pytest.mark.django_db
def test_changing_the_email_address_takes_effect_once_confirmed(client, mailoutbox):
    user = verified_user()
    sign_in(client)

    client.post(reverse("account_email"), {"action_add": "", "email": "sara@genk.example"})
    assert User.objects.get(pk=user.pk).email == "sara@example.org"  # not before confirming
    link = confirmation_link(next(m for m in mailoutbox if m.to == ["sara@genk.example"]))
    client.post(link)

    user.refresh_from_db()
    assert user.email == "sara@genk.example"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "sara@genk.example"
    ]


@pytest.mark.django_db
def test_email_page_has_no_inline_style(client):
    verified_user()
    sign_in(client)
    client.post(reverse("account_email"), {"action_add": "", "email": "sara@genk.example"})

    html = client.get(reverse("account_email")).content.decode()

    assert "Je hebt dit e-mailadres nog niet bevestigd" in html
    assert "style=" not in html
    assert '<form hidden id="pending-email"' in html


# The honeypot ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get(reverse("account_signup")).content.decode()

    wrapper = re.search(r'<div class="honeypot" aria-hidden="true">(.*?)</div>', html, re.S)
    assert wrapper, html
    field = re.search(r"<input[^>]*name=\"phone_number\"[^>]*>", wrapper.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field
    assert "style=" not in html


@pytest.mark.django_db
def test_a_filled_honeypot_creates_no_account(client, mailoutbox):
    response = sign_up(client, "bot@example.org", phone_number="+32 470 00 00 00")

    # The bot sees the usual "check your email" answer, so it learns nothing.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not User.objects.filter(email="bot@example.org").exists()
    assert mailoutbox == []


# Rate limits and caching -------------------------------------------------------------------


@pytest.mark.django_db
def test_many_sign_in_attempts_from_one_address_get_429(client):
    verified_user()
    # allauth's default: 30 sign-in attempts a minute from one IP address.
    for attempt in range(30):
        response = sign_in(client, f"guess{attempt}@example.org", "wrong-password")
        assert response.status_code == 200

    response = sign_in(client, "sara@example.org")

    assert response.status_code == 429  # the site's 429 page (hubsi.views.too_many_requests)
    assert response["Retry-After"] == "60"
    assert '<html lang="nl">' in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failed_sign_ins_for_one_address_are_refused_after_five(client):
    verified_user()
    for _ in range(5):
        sign_in(client, password="wrong-password")

    response = sign_in(client)  # even the right password

    assert "Te veel mislukte pogingen om aan te melden" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_cache_is_real_so_rate_limits_count(settings):
    from django.core.checks import run_checks

    assert not settings.CACHES["default"]["BACKEND"].endswith("DummyCache")
    assert not [m for m in run_checks() if m.id == "accounts.W001"]


def test_a_dummy_cache_is_reported_at_start_up(settings):
    from accounts.checks import rate_limits_need_a_real_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    assert [m.id for m in rate_limits_need_a_real_cache(None)] == ["accounts.W001"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/en/accounts/login/", "/accounts/signup/", "/accounts/privacy/"]
)
def test_account_pages_are_never_stored(client, url):
    verified_user()
    sign_in(client)

    response = client.get(url)

    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_public_pages_are_not_marked_no_store(client):
    response = client.get(reverse("about"))

    assert "no-store" not in response.get("Cache-Control", "")


# For other developers: a verified address before submitting or contacting ----------------


@pytest.mark.django_db
def test_verified_email_required_sends_unverified_people_to_confirm(rf, mailoutbox):
    from allauth.core import context
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    @verified_email_required
    def submit(request):
        from django.http import HttpResponse

        return HttpResponse("submitted")

    unverified = make_user("koen@example.org")
    request = rf.post("/innovations/x/submit/")
    request.user, request.session = unverified, SessionStore()
    request._messages = FallbackStorage(request)

    with context.request_context(request):  # as allauth's middleware does
        response = submit(request)

    assert response.status_code == 200 and b"submitted" not in response.content
    assert "Bevestig je e-mailadres" in response.content.decode()
    assert mailoutbox[0].to == ["koen@example.org"]
    assert not has_verified_email(unverified)
    request.user = verified_user("lien@example.org")
    with context.request_context(request):
        assert submit(request).content == b"submitted"
    assert has_verified_email(request.user)


# The Dutch (and English) of allauth's strings ---------------------------------------------

OVERRIDES = Path(__file__).resolve().parent.parent / "locale_overrides"


def catalogue(path: Path) -> dict:
    with path.open("rb") as mo:
        return dict(gettext.GNUTranslations(mo)._catalog)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_overrides_match_their_sources(language, tmp_path):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (gettext) is not installed")
    po = OVERRIDES / language / "LC_MESSAGES" / "django.po"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(po)], check=True)

    assert catalogue(po.with_suffix(".mo")) == catalogue(fresh), (
        "Run: .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules"
    )


def test_dutch_overrides_say_je_never_u():
    formal = re.compile(r"\b(u|uw|U|Uw|alstublieft|a\.u\.b\.)\b")

    texts = catalogue(OVERRIDES / "nl" / "LC_MESSAGES" / "django.mo").values()

    assert not [t for t in texts if formal.search(t)]


@pytest.mark.django_db
def test_two_factor_prompt_uses_the_platform_dutch(client):
    with translation.override("nl"):
        assert translation.gettext("Two-Factor Authentication") == "Tweestapsverificatie"
        assert translation.gettext("Sign Up") == "Account aanmaken"
    with translation.override("en"):
        assert translation.gettext("Sign Up") == "Create an account"
