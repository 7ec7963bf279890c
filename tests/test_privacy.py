"""The privacy notice, downloading your data and deleting your account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.mfa import give_totp
from accounts.models import User
from accounts.services import ARCHIVE_MESSAGE, SYSTEM_EMAIL, account_delete
from hubsi.models import Status, SubmissionConsent
from innovations.models import Innovation
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import make_innovation, make_space, make_supporter, make_user

PASSWORD = "warme-huurders-genk-2026"
SARA = "sara@example.org"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def sara(db) -> User:
    user = make_user(SARA, password=PASSWORD, first_name="Sara", last_name="Peeters")
    EmailAddress.objects.create(user=user, email=SARA, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="sara.oud@example.org", verified=True)
    return user


def signed_in(user: User, password: str = PASSWORD) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert client.session["_auth_user_id"] == str(user.pk)
    return client


def reauthenticated(client: Client, password: str = PASSWORD) -> Client:
    response = client.get(reverse("accounts:delete-account"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": password})
    return client


def logo(name: str) -> ContentFile:
    return ContentFile(b"RIFF....WEBPVP8 ", name=name)


# The notice ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/accounts/login/", "/innovations/"])
def test_every_page_links_to_the_privacy_notice(client, url):
    html = client.get(url).content.decode()

    privacy = "/en/privacy/" if url.startswith("/en/") else "/privacy/"
    assert f'<a href="{privacy}">Privacy</a>' in html


@pytest.mark.django_db
def test_privacy_notice_says_what_deleting_an_account_does(client):
    html = client.get(reverse("privacy")).content.decode()

    assert "<h1>Privacyverklaring</h1>" in html
    assert "Wat er gebeurt als je je account verwijdert" in html
    assert "worden gearchiveerd" in html and "worden verwijderd, met hun logo" in html
    assert "Vlaamse Toezichtcommissie" in html
    assert reverse("accounts:privacy") in html


@pytest.mark.django_db
def test_your_data_page_shows_what_is_stored(sara):
    make_innovation(owners=[sara], name="Warm Wonen Genk")
    client = signed_in(sara)

    html = client.get(reverse("accounts:privacy")).content.decode()

    assert "Je e-mailadres: sara@example.org" in html
    assert "Je bent eigenaar van 1 innovatie." in html
    assert f'action="{reverse("accounts:download-data")}"' in html


# Download -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_download_is_a_post_only_for_the_signed_in_person(client, sara):
    # Anonymous visitors are sent to sign in, whatever the method; then a GET is refused.
    for response in (
        client.get(reverse("accounts:download-data")),
        client.post(reverse("accounts:download-data")),
    ):
        assert response["Location"].startswith(reverse("account_login"))
    client.force_login(sara)
    assert client.get(reverse("accounts:download-data")).status_code == 405


@pytest.mark.django_db
def test_download_is_a_json_attachment_that_no_cache_keeps(sara):
    client = signed_in(sara)

    response = client.post(reverse("accounts:download-data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="hubsi-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == SARA
    assert data["account"]["first_name"] == "Sara"


@pytest.mark.django_db
def test_download_holds_everything_about_the_person_and_nothing_about_others(sara):
    koen = make_user("koen@example.org", password=PASSWORD)
    shared = make_innovation(
        owners=[sara, koen], name="Samen Warm", contact_email="samen@example.org"
    )
    make_innovation(owners=[koen], name="Alleen Koen", contact_email="koen@example.org")
    supporter = make_supporter(managers=[sara], name="Energiehuis Genk")
    make_space(host=supporter, name="Proefwoning Winterslag")
    client = signed_in(sara)
    give_totp(sara, "SARASPHONESECRETAAAAAAAAAAAAAAAA")

    text = client.post(reverse("accounts:download-data")).content.decode()
    data = json.loads(text)

    assert [e["email"] for e in data["email_addresses"]] == ["sara.oud@example.org", SARA]
    assert [i["name"] for i in data["innovations"]] == ["Samen Warm"]
    assert data["innovations"][0]["other_owners"] == 1
    assert data["innovations"][0]["id"] == shared.pk
    assert data["supporters"][0]["name"] == "Energiehuis Genk"
    assert data["supporters"][0]["experimentation_places"][0]["name"] == "Proefwoning Winterslag"
    assert sorted(a["type"] for a in data["two_factor_authentication"]) == [
        "recovery_codes",
        "totp",
    ]
    # Nothing of Koen, and no secrets.
    assert "koen@example.org" not in text and "Alleen Koen" not in text
    assert "SARASPHONESECRET" not in text and sara.password not in text
    assert "password" not in text


# Deletion -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_deleting_needs_the_password_again(sara):
    client = signed_in(sara)

    response = client.get(reverse("accounts:delete-account"))

    assert response["Location"].startswith(reverse("account_reauthenticate"))
    page = client.get(response["Location"]).content.decode()
    assert "Bevestig dat jij het bent" in page


@pytest.mark.django_db
def test_delete_page_says_what_happens_to_each_innovation(sara):
    koen = make_user("koen@example.org")
    make_innovation(owners=[sara], name="Concept Zonnedak", status=Status.DRAFT)
    make_innovation(owners=[sara], name="Warm Wonen Genk")
    make_innovation(owners=[sara, koen], name="Samen Warm")
    client = reauthenticated(signed_in(sara))

    html = client.get(reverse("accounts:delete-account")).content.decode()

    deleted, archived, detached = (
        html.split(heading)[1].split("</ul>")[0]
        for heading in ("Verwijderd, omdat", "Gearchiveerd:", "Blijven bij de andere eigenaars")
    )
    assert "Concept Zonnedak" in deleted
    assert "Warm Wonen Genk" in archived
    assert "Samen Warm" in detached
    assert "Mijn account definitief verwijderen" in html


@pytest.mark.django_db
def test_deleting_signs_out_and_says_so(sara):
    client = reauthenticated(signed_in(sara))

    response = client.post(reverse("accounts:delete-account"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:deleted")
    assert "<h1>Je account is verwijderd</h1>" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email=SARA).exists()


@pytest.mark.django_db
def test_staff_cannot_delete_their_own_account(sara):
    sara.is_staff = True
    sara.save()
    give_totp(sara, "SARASPHONESECRETAAAAAAAAAAAAAAAA")
    client = Client()
    client.force_login(sara)
    client.post(
        reverse("account_reauthenticate") + "?next=/", {"password": PASSWORD}
    )  # a fresh password check

    response = client.post(reverse("accounts:delete-account"))

    assert "Een medewerkersaccount wordt afgesloten door een beheerder" in response.content.decode()
    assert User.objects.filter(email=SARA).exists()


@pytest.mark.django_db
def test_no_personal_data_of_a_deleted_person_remains(
    sara, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    koen = make_user("koen@example.org")
    draft = make_innovation(owners=[sara], name="Concept", status=Status.DRAFT)
    draft.logo.save("concept.webp", logo("concept.webp"))
    published = make_innovation(
        owners=[sara], name="Warm Wonen Genk", contact_email=SARA, featured=True
    )
    published.logo.save("warm.webp", logo("warm.webp"))
    shared = make_innovation(
        owners=[sara, koen], name="Samen Warm", contact_email="SARA@example.org"
    )
    own_supporter = make_supporter(
        managers=[sara], status=Status.SUBMITTED, contact_email="sara.oud@example.org"
    )
    make_space(host=own_supporter)
    published_supporter = make_supporter(managers=[sara], contact_email=SARA)
    shared_supporter = make_supporter(managers=[sara, koen], contact_email=SARA)
    logo_paths = [tmp_path / draft.logo.name, tmp_path / published.logo.name]
    assert all(path.exists() for path in logo_paths)
    SubmissionConsent.objects.create(
        user=sara,
        email=SARA,
        content_type=ContentType.objects.get_for_model(published),
        object_id=published.pk,
        may_publish=True,
        accepts_terms=True,
    )
    other_device = signed_in(sara)
    this_device = reauthenticated(signed_in(sara))
    pk = sara.pk

    with django_capture_on_commit_callbacks(execute=True):
        this_device.post(reverse("accounts:delete-account"))

    # No account, no addresses, no sessions.
    assert not User.objects.filter(pk=pk).exists()
    assert not EmailAddress.objects.filter(email__icontains="sara").exists()
    assert not any(s.get_decoded().get("_auth_user_id") == str(pk) for s in Session.objects.all())
    assert other_device.get(reverse("accounts:privacy")).status_code == 302  # signed out there
    # Unpublished content only she managed is gone, with its logo file.
    assert not Innovation.objects.filter(pk=draft.pk).exists()
    assert not Supporter.objects.filter(pk=own_supporter.pk).exists()
    assert not ExperimentationSpace.objects.filter(host_id=own_supporter.pk).exists()
    assert not any(path.exists() for path in logo_paths)
    # Published content only she managed is archived, without her address or logo, and logged.
    published.refresh_from_db()
    assert (published.status, published.featured, published.contact_email, published.logo.name) == (
        Status.ARCHIVED,
        False,
        "",
        "",
    )
    published_supporter.refresh_from_db()
    assert (published_supporter.status, published_supporter.contact_email) == (Status.ARCHIVED, "")
    entry = LogEntry.objects.get(object_id=str(published.pk), content_type__model="innovation")
    assert entry.change_message == ARCHIVE_MESSAGE
    assert entry.user.email == SYSTEM_EMAIL and not entry.user.is_active
    # Shared content stays with the others, without her.
    shared.refresh_from_db()
    shared_supporter.refresh_from_db()
    assert list(shared.owners.all()) == [koen] and shared.status == Status.PUBLISHED
    assert list(shared_supporter.managers.all()) == [koen]
    assert shared.contact_email == "" and shared_supporter.contact_email == ""
    # The consent she gave stays as a record, without her address.
    assert list(SubmissionConsent.objects.values_list("user", "email")) == [(None, "")]
    # Her addresses appear nowhere in the content.
    for model, owners in ((Innovation, "owners"), (Supporter, "managers")):
        assert not model.objects.filter(contact_email__icontains="sara").exists()
        assert not model.objects.filter(**{owners: pk}).exists()


@pytest.mark.django_db
def test_deleting_from_a_service_call_keeps_other_people_untouched(sara):
    koen = make_user("koen@example.org")
    make_innovation(owners=[koen], name="Alleen Koen", contact_email="koen@example.org")

    plan = account_delete(user=sara)

    assert plan.delete == plan.archive == plan.detach == []
    assert Innovation.objects.get(name="Alleen Koen").contact_email == "koen@example.org"
    assert User.objects.filter(email="koen@example.org").exists()
