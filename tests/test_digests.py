"""Digests: what is new and matches, grouped by saved search; never empty; once per period;
no gap after downtime; an unsubscribe link that needs no sign-in."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from connections import digests, services
from connections.models import DigestSettings, Frequency, SentDigest
from hubsi.models import Status
from tests.factories import make_challenge, make_funding, make_innovation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge():
    return make_challenge(slug="energy")


@pytest.fixture
def sara(challenge):
    """Sara follows innovations on one challenge, daily, since two days ago."""
    sara = make_user("sara@example.org")
    services.saved_search_create(
        user=sara, name="Energie", list_kind="innovations", query="challenge=energy"
    )
    services.saved_search_create(user=sara, name="Alle subsidies", list_kind="funding", query="")
    services.digest_frequency_set(user=sara, frequency=Frequency.DAILY)
    DigestSettings.objects.filter(user=sara).update(
        covered_until=timezone.now() - timedelta(days=2)
    )
    return sara


def published_ago(obj, **delta):
    type(obj).objects.filter(pk=obj.pk).update(published_at=timezone.now() - timedelta(**delta))


def test_the_digest_lists_what_is_new_and_matches_grouped_by_search(sara, challenge, mailoutbox):
    make_innovation(name="Warm Wonen", challenges=[challenge])
    make_innovation(name="Andere zaak")  # another challenge
    old = make_innovation(name="Oud Nieuws", challenges=[challenge])
    published_ago(old, days=3)  # before the last digest
    make_innovation(name="Nog een concept", challenges=[challenge], status=Status.DRAFT)
    make_funding(name="Energiefonds")
    call_command("send_digests", verbosity=0)
    (mail,) = mailoutbox
    assert mail.to == ["sara@example.org"]
    assert "Energie" in mail.body and "Alle subsidies" in mail.body
    assert "Warm Wonen" in mail.body and "Energiefonds" in mail.body
    assert "Andere zaak" not in mail.body.split("Alle subsidies")[0]
    assert "Oud Nieuws" not in mail.body and "Nog een concept" not in mail.body


def test_no_mail_when_nothing_matches(sara, mailoutbox):
    make_innovation(name="Andere zaak")
    call_command("send_digests", verbosity=0)
    assert mailoutbox == []
    assert not SentDigest.objects.exists()  # nothing sent, nothing counted


def test_running_twice_sends_one_mail(sara, challenge, mailoutbox):
    make_innovation(name="Warm Wonen", challenges=[challenge])
    call_command("send_digests", verbosity=0)
    call_command("send_digests", verbosity=0)
    assert len(mailoutbox) == 1
    # Even with something new in between: that waits for tomorrow's digest.
    make_innovation(name="Tweede", challenges=[challenge])
    call_command("send_digests", verbosity=0)
    assert len(mailoutbox) == 1
    tomorrow = timezone.now() + timedelta(days=1)
    assert digests.send_digests(now=tomorrow) == 1
    assert "Tweede" in mailoutbox[1].body and "Warm Wonen" not in mailoutbox[1].body
    # Each mail sent is counted for the figures (front/figures.py), when it was sent.
    sent = SentDigest.objects.order_by("sent_at")
    assert [digest.frequency for digest in sent] == [Frequency.DAILY, Frequency.DAILY]
    assert sent.last().sent_at == tomorrow


def test_after_downtime_nothing_is_skipped(sara, challenge, mailoutbox):
    DigestSettings.objects.filter(user=sara).update(
        covered_until=timezone.now() - timedelta(days=9)
    )
    published_ago(make_innovation(name="Acht dagen", challenges=[challenge]), days=8)
    published_ago(make_innovation(name="Vijf dagen", challenges=[challenge]), days=5)
    call_command("send_digests", verbosity=0)
    (mail,) = mailoutbox
    assert "Acht dagen" in mail.body and "Vijf dagen" in mail.body


def test_weekly_digests_come_once_a_week(sara, challenge, mailoutbox):
    services.digest_frequency_set(user=sara, frequency=Frequency.WEEKLY)
    monday = timezone.localtime().replace(hour=8, minute=0)
    monday -= timedelta(days=monday.weekday())
    DigestSettings.objects.filter(user=sara).update(covered_until=monday - timedelta(days=7))
    innovation = make_innovation(name="Warm Wonen", challenges=[challenge])
    type(innovation).objects.filter(pk=innovation.pk).update(
        published_at=monday - timedelta(days=2)
    )
    assert digests.send_digests(now=monday) == 1
    assert digests.send_digests(now=monday + timedelta(days=3)) == 0


def test_the_mail_carries_an_unsubscribe_link_and_headers(sara, challenge, mailoutbox):
    make_innovation(name="Warm Wonen", challenges=[challenge])
    call_command("send_digests", verbosity=0)
    (mail,) = mailoutbox
    link = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in mail.body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/digests/unsubscribe/" in link


def test_unsubscribing_confirms_on_get_and_acts_on_post_without_sign_in(client, sara):
    settings = DigestSettings.objects.get(user=sara)
    url = reverse("connections:digest-unsubscribe", args=[digests.unsubscribe_token(settings)])
    response = client.get(url)
    assert response.status_code == 200
    assert DigestSettings.objects.get(user=sara).frequency == Frequency.DAILY
    # One-click unsubscribe from a mail client: no CSRF token, no session.
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert DigestSettings.objects.get(user=sara).frequency == Frequency.NEVER


def test_an_unsubscribed_user_gets_no_digest(sara, challenge, mailoutbox):
    services.digest_unsubscribe(settings=DigestSettings.objects.get(user=sara))
    make_innovation(name="Warm Wonen", challenges=[challenge])
    call_command("send_digests", verbosity=0)
    assert mailoutbox == []


def test_the_unsubscribe_link_cannot_be_guessed_or_forged(client, sara):
    settings = DigestSettings.objects.get(user=sara)
    from django.core import signing

    forged = signing.dumps({"u": sara.pk, "s": "guess"}, salt=digests.UNSUBSCRIBE_SALT)
    for token in [f"{sara.pk}", forged, digests.unsubscribe_token(settings) + "x"]:
        url = reverse("connections:digest-unsubscribe", args=[token])
        assert client.post(url).status_code == 404
    assert DigestSettings.objects.get(user=sara).frequency == Frequency.DAILY
