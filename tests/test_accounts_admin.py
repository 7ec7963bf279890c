"""The admin signs in through allauth; staff need two-factor authentication; local users;
the optional OpenID Connect provider."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.management.commands.ensure_local_users import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ADMIN_TOTP_SECRET,
    CURATOR_EMAIL,
    CURATOR_TOTP_SECRET,
)
from accounts.mfa import give_totp, has_totp, totp_code
from accounts.models import User
from tests.conftest import CURATOR_TOTP_SECRET as LIEN_SECRET
from tests.factories import make_user

PASSWORD = "curatie-elke-ochtend-2026"
BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def staff(email="lien@europa-wse.example", totp_secret=None, **extra) -> User:
    user = make_user(email, password=PASSWORD, is_staff=True, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if totp_secret:
        give_totp(user, totp_secret)
    return user


def reauthenticate(client, response, password=PASSWORD):
    """allauth asks for the password again before security settings change: give it."""
    assert response["Location"].startswith(reverse("account_reauthenticate")), response
    return client.post(response["Location"], {"password": password})


def sign_in(client, email, password=PASSWORD, next_url=""):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": password, "next": next_url})


# The admin's sign-in is allauth's -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("admin_url", "login_url"),
    [
        ("/admin/", "/accounts/login/?next=%2Fadmin%2F"),
        ("/en/admin/", "/en/accounts/login/?next=%2Fen%2Fadmin%2F"),
    ],
)
def test_admin_sends_signed_out_visitors_to_the_site_sign_in(client, admin_url, login_url):
    response = client.get(admin_url, follow=True)

    assert response.redirect_chain[-1][0] == login_url
    assert response.status_code == 200
    assert "account/login.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_posting_to_the_admin_login_never_signs_in(client):
    staff(totp_secret=LIEN_SECRET)

    response = client.post(
        "/admin/login/", {"username": "lien@europa-wse.example", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_people_who_are_not_staff_are_not_authorised(client):
    person = make_user("koen@example.org")
    client.force_login(person)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html
    assert "koen@example.org" in html
    assert "curatie-admin is alleen voor medewerkers" in html


@pytest.mark.django_db
def test_admin_password_change_opens_the_site_page(client, curator):
    client.force_login(curator)

    response = client.get("/admin/password_change/")

    assert response["Location"] == reverse("account_change_password")


# Two-factor authentication for staff --------------------------------------------------------


@pytest.mark.django_db
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    lien = staff()
    client.force_login(lien)

    response = client.get("/admin/", follow=True)

    # To the set-up page, which first asks for the password again.
    assert response.redirect_chain[0][0] == reverse("mfa_activate_totp")
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    html = response.content.decode()
    assert "Voor de curatie-admin heeft een medewerkersaccount tweestapsverificatie nodig" in html


@pytest.mark.django_db
def test_staff_set_up_an_authenticator_and_then_reach_the_admin(client):
    lien = staff()
    sign_in(client, lien.email)
    client.get("/admin/")
    reauthenticate(client, client.get(reverse("mfa_activate_totp")))

    page = client.get(reverse("mfa_activate_totp"))
    assert "QR-code voor je authenticator-app" in page.content.decode()
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert has_totp(lien)
    codes = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert "Verder naar de curatie-admin" in codes
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_staff_sign_in_asks_for_the_code_before_the_admin(client):
    staff(totp_secret=LIEN_SECRET, is_superuser=True)

    response = sign_in(client, "lien@europa-wse.example", next_url="/admin/")
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in before the second factor
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "Typ de code uit je authenticator-app" in page

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Deze code klopt niet." in wrong.content.decode()
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(LIEN_SECRET)})

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_also_signs_staff_in(client):
    lien = staff(totp_secret=LIEN_SECRET)
    code = Authenticator.objects.get(user=lien, type="recovery_codes").wrap().get_unused_codes()[0]

    sign_in(client, lien.email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(lien.pk)


@pytest.mark.django_db
def test_removing_the_authenticator_closes_the_admin_again(client):
    lien = staff(totp_secret=LIEN_SECRET)
    sign_in(client, lien.email)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(LIEN_SECRET)})
    assert client.get("/admin/").status_code == 200

    response = client.post(reverse("mfa_deactivate_totp"))
    if response["Location"].startswith(reverse("account_reauthenticate")):
        reauthenticate(client, response)  # then allauth replays the deactivation

    assert not has_totp(lien)
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_everyone_can_use_two_factor_authentication(client):
    person = make_user("sara@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    sign_in(client, person.email)

    html = client.get(reverse("mfa_index")).content.decode()

    assert "<h1>Tweestapsverificatie</h1>" in html
    assert f'href="{reverse("mfa_activate_totp")}"' in html
    assert "medewerkersaccount" not in html


# Local accounts (`make run`) ----------------------------------------------------------------


def run_local_users(*args) -> str:
    out = io.StringIO()
    call_command("ensure_local_users", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_local_staff_get_an_authenticator_with_a_printed_secret(settings):
    settings.DEBUG = True

    out = run_local_users()

    for email, secret in ((ADMIN_EMAIL, ADMIN_TOTP_SECRET), (CURATOR_EMAIL, CURATOR_TOTP_SECRET)):
        assert has_totp(User.objects.get(email=email))
        assert secret in out
    assert "ensure_local_users --code" in out


@pytest.mark.django_db
def test_local_admin_signs_in_to_the_admin_with_the_printed_code(client, settings):
    settings.DEBUG = True
    run_local_users()
    code_line = next(
        line for line in run_local_users("--code").splitlines() if line.startswith(ADMIN_EMAIL)
    )

    sign_in(client, ADMIN_EMAIL, ADMIN_PASSWORD, next_url="/admin/")
    client.post(reverse("mfa_authenticate"), {"code": code_line.split()[1]})

    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_authenticator_someone_set_up_is_kept(settings):
    settings.DEBUG = True
    run_local_users()
    Authenticator.objects.filter(user__email=ADMIN_EMAIL).delete()
    give_totp(User.objects.get(email=ADMIN_EMAIL), "MYOWNPHONESECRETAAAAAAAAAAAAAAAA")
    before = Authenticator.objects.get(user__email=ADMIN_EMAIL, type="totp").data

    run_local_users()

    assert Authenticator.objects.get(user__email=ADMIN_EMAIL, type="totp").data == before


# The OpenID Connect provider ----------------------------------------------------------------


def settings_in_subprocess(**env) -> subprocess.CompletedProcess:
    """Import the settings with these environment variables, as a fresh process would."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps({'apps': settings.INSTALLED_APPS, "
        "'providers': getattr(settings, 'SOCIALACCOUNT_PROVIDERS', None)}))"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")}
    environment.update(DJANGO_SETTINGS_MODULE="hubsi.settings", SECRET_KEY="x", **env)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
        env=environment,
        timeout=60,
    )


def test_openid_connect_is_off_by_default(client, db):
    from django.conf import settings

    assert "allauth.socialaccount" not in settings.INSTALLED_APPS
    assert "Of meld je aan via" not in client.get(reverse("account_login")).content.decode()


def test_openid_connect_is_switched_on_by_environment_variables():
    import json

    result = settings_in_subprocess(
        OIDC_CLIENT_ID="hubsi",
        OIDC_CLIENT_SECRET="s3cret",
        OIDC_SERVER_URL="https://login.example.be/realms/vlaanderen",
        OIDC_PROVIDER_NAME="Vlaamse overheid",
    )

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert "allauth.socialaccount.providers.openid_connect" in data["apps"]
    (app,) = data["providers"]["openid_connect"]["APPS"]
    assert app["name"] == "Vlaamse overheid"
    assert app["settings"]["server_url"] == "https://login.example.be/realms/vlaanderen"


def test_openid_connect_with_a_missing_variable_fails_loudly():
    result = settings_in_subprocess(OIDC_CLIENT_ID="hubsi", OIDC_PROVIDER_NAME="Vlaamse overheid")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "OIDC_SERVER_URL, OIDC_CLIENT_SECRET" in result.stderr


@pytest.mark.django_db
def test_with_two_factor_on_the_email_page_explains_why_it_cannot_change(client):
    person = make_user("sara@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    sign_in(client, person.email)
    give_totp(person, "SARASPHONESECRETAAAAAAAAAAAAAAAA")

    response = client.post(reverse("account_email"), {"action_add": "", "email": "s@genk.example"})

    html = response.content.decode()
    assert "Je kunt geen e-mailadres toevoegen aan een account met tweestapsverificatie." in html
    assert User.objects.get(pk=person.pk).email == "sara@example.org"
