"""Email people want to read: every mail as plain text and accessible HTML, in the recipient's
own language, from the platform's name, one recipient per message. Each message is parsed as a
mail client would, with Python's `email` package."""

import email
import re
from datetime import timedelta
from email import policy

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from connections import services as connections_services
from connections.models import DigestSettings, Frequency
from front.email_previews import EXAMPLES
from hubsi import services
from hubsi.emails import text_to_html
from hubsi.models import Status
from tests.factories import make_challenge, make_innovation, make_user
from tests.test_accounts import PASSWORD, sign_up

pytestmark = pytest.mark.django_db


def parsed(message):
    """The message as it travels, read back by the standard library."""
    return email.message_from_bytes(message.message().as_bytes(), policy=policy.default)


def parts(message) -> tuple[str, str]:
    mail = parsed(message)
    assert mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    return text, html


def assert_readable_html(html: str, language: str):
    assert f'<html lang="{language}">' in html
    assert re.search(r"<title>[^<]+</title>", html)
    assert "<img" not in html and " src=" not in html  # nothing to load from elsewhere
    assert "<script" not in html


def assert_one_recipient(message, address: str):
    mail = parsed(message)
    assert mail["To"] == address
    assert mail["Cc"] is None and mail["Bcc"] is None
    assert mail["From"].startswith("HUBSI <")


def test_an_owner_hears_of_a_publication_in_english_when_they_chose_english(
    mailoutbox, curator, django_capture_on_commit_callbacks
):
    owner = make_user("amira@example.org", language="en")
    other = make_user("sara@example.org")  # Dutch, the default
    innovation = make_innovation(name="Social Impact Fund", status=Status.SUBMITTED)
    innovation.owners.set([owner, other])

    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=innovation, by=curator)

    by_address = {message.to[0]: message for message in mailoutbox}
    english, dutch = by_address["amira@example.org"], by_address["sara@example.org"]
    assert english.subject == "“Social Impact Fund” is published on HUBSI"
    assert dutch.subject == "“Social Impact Fund” is gepubliceerd op HUBSI"
    text, html = parts(english)
    assert "Good news" in text
    assert_readable_html(html, "en")
    assert "Good news" in html
    assert f'<a href="http://127.0.0.1:8000/en/innovations/{innovation.slug}/"' in html
    assert '<a href="http://127.0.0.1:8000/en/dashboard/"' in html  # links in her language
    assert_one_recipient(english, "amira@example.org")
    assert_readable_html(parts(dutch)[1], "nl")


def test_the_html_part_says_what_the_text_says_with_working_links():
    text = (
        "Hallo,\n\nNieuw voor jou:\n\n== Energie (2 nieuw) ==\n"
        "- Warm Wonen\n  https://hubsi.example/innovations/warm-wonen/\n"
        "- Koud <Water> & co\n  https://hubsi.example/innovations/koud/\n\n"
        "Groeten"
    )

    html = text_to_html(text)

    assert "<p>Hallo,</p>" in html
    assert "<h2>Energie (2 nieuw)</h2>" in html
    assert html.count("<li>") == 2
    assert "Koud &lt;Water&gt; &amp; co" in html
    assert '<a href="https://hubsi.example/innovations/koud/"' in html


def test_an_english_subscriber_gets_the_digest_in_english_as_text_and_html(mailoutbox):
    challenge = make_challenge(slug="energy")
    koen = make_user("koen@example.org", language="en")
    connections_services.saved_search_create(
        user=koen, name="Energy", list_kind="innovations", query="challenge=energy"
    )
    connections_services.digest_frequency_set(user=koen, frequency=Frequency.DAILY)
    DigestSettings.objects.filter(user=koen).update(
        covered_until=timezone.now() - timedelta(days=2)
    )
    make_innovation(name="Warm Wonen", challenges=[challenge])

    call_command("send_digests", verbosity=0)

    (message,) = mailoutbox
    mail = parsed(message)
    assert mail["Subject"] == "New on HUBSI today for your saved searches"
    assert mail["List-Unsubscribe"].strip().startswith("<http")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(message)
    assert "Newly published on HUBSI" in text and "Warm Wonen" in text
    assert "/en/saved-searches/" in text  # links in the reader's language
    assert_readable_html(html, "en")
    assert "<h2>Energy (1 new)</h2>" in html
    assert_one_recipient(message, "koen@example.org")


def test_signing_up_in_english_sets_the_language_and_confirms_in_english(client, mailoutbox):
    with translation.override("en"):
        response = client.post(
            reverse("account_signup"),
            {"email": "tom@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.subject == "[HUBSI] Confirm your email address"
    text, html = parts(message)
    assert "confirm-email" in text
    assert_readable_html(html, "en")
    assert get_user_model().objects.get(email="tom@example.org").language == "en"


def test_signing_up_in_dutch_keeps_dutch(client, mailoutbox):
    sign_up(client)
    (message,) = mailoutbox
    assert message.subject == "[HUBSI] Bevestig je e-mailadres"
    assert_readable_html(parts(message)[1], "nl")


def test_the_language_of_emails_is_chosen_in_the_account_settings(client):
    user = make_user("sara@example.org")
    client.force_login(user)
    url = reverse("accounts:email-language")

    page = client.get(url).content.decode()
    assert "Taal van e-mails" in page

    response = client.post(url, {"language": "en"}, follow=True)
    user.refresh_from_db()
    assert user.language == "en"
    assert "Opgeslagen" in response.content.decode()
    assert client.post(url, {"language": "fr"}).status_code == 200  # refused, says why
    user.refresh_from_db()
    assert user.language == "en"


def test_the_language_page_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("accounts:email-language"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_curators_read_every_email_in_both_languages(client, curator):
    client.force_login(curator)

    page = client.get(reverse("admin:email-previews")).content.decode()

    for name in EXAMPLES:
        assert f'id="mail-{name}"' in page
    assert "“Warm Wonen Genk” is gepubliceerd op HUBSI" in page
    assert "“Warm Wonen Genk” is published on HUBSI" in page
    html = client.get(reverse("admin:email-preview-html", args=["digest", "en"])).content.decode()
    assert_readable_html(html, "en")
    assert "<h2>Energiearmoede (1 new)</h2>" in html


def test_the_email_previews_are_for_staff_only(client, owner):
    url = reverse("admin:email-previews")
    assert reverse("admin:login") in client.get(url)["Location"]
    client.force_login(owner)
    assert client.get(url).status_code in (302, 403)
    assert "Warm Wonen Genk" not in client.get(url, follow=True).content.decode()
