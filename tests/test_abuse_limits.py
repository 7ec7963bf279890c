"""Abuse limits per person (hubsi/limits.py): every self-service form POST counts against a
budget on the shared cache; the POST over it gets the styled 429 page in the person's language,
with Retry-After, and writes nothing; others are not affected. Saved searches and open drafts
are capped by counting rows, with a message on the form that keeps what was typed."""

import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from connections.models import ContactRequest, DigestSettings, Report, SavedSearch
from hubsi import limits, services
from hubsi.models import DraftInput, OwnershipInvitation, Status
from innovations.models import Innovation
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import (
    make_challenge,
    make_draft_innovation,
    make_innovation,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def clock_at_the_start_of_a_minute(monkeypatch):
    """Every count of a test falls in one window of the budget, whatever minute it runs in:
    a test that crossed a minute's end would otherwise start a fresh budget halfway."""
    start_of_minute = time.time() // 60 * 60
    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: start_of_minute))


def in_language(language: str, text: str, **params) -> str:
    """`text` as the page shows it in `language` (escaped, as templates do)."""
    with translation.override(language):
        return escape(gettext(text) % params if params else gettext(text))


def assert_styled_429(response, language: str, *, at_most: int) -> None:
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= at_most
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'href="#main"' in html
    assert in_language(language, "Slow down a moment") in html


@pytest.fixture
def sara():
    return verify_email(make_user("sara@example.org"))


@pytest.fixture
def koen():
    return verify_email(make_user("koen@example.org"))


@pytest.fixture
def eva():
    """The other side: owns the pages Sara writes to, invites her, writes to her."""
    return verify_email(make_user("eva@example.org"))


# Each limited action: given the acting person and the other side, three POSTs (url, data) of
# that person and a snapshot of what those POSTs write.


def _statuses(queryset):
    return lambda: list(queryset.order_by("pk").values_list("status", flat=True))


def innovation_step(user, other):
    innovation = make_draft_innovation(owners=[user])
    url = reverse("innovations:edit-innovation-step", args=[innovation.slug, "system"])
    posts = [(url, {"systemic_view": f"Oorzaak {i}", "action": "save"}) for i in range(3)]
    return posts, lambda: (
        Innovation.objects.get(pk=innovation.pk).systemic_view,
        DraftInput.objects.count(),
    )


def innovation_new(user, other):
    challenge = make_challenge()
    data = {
        "language": "nl",
        "problem": "Huurders in Genk betalen te veel voor energie in slecht geïsoleerde woningen.",
        "challenges": [challenge.pk],
        "action": "next",
    }
    url = reverse("innovations:new-innovation")
    posts = [(url, {**data, "name": f"Warm Wonen {user.pk} {i}"}) for i in range(3)]
    return posts, lambda: Innovation.objects.filter(owners=user).count()


def innovation_submit(user, other):
    drafts = [make_draft_innovation(owners=[user]) for _ in range(3)]
    consent = {"may_publish": "on", "accepts_terms": "on"}
    posts = [(reverse("innovations:submit-innovation", args=[d.slug]), consent) for d in drafts]
    return posts, _statuses(Innovation.objects.filter(owners=user))


def innovation_delete(user, other):
    drafts = [make_draft_innovation(owners=[user]) for _ in range(3)]
    posts = [(reverse("innovations:delete-innovation", args=[d.slug]), {}) for d in drafts]
    return posts, lambda: Innovation.objects.filter(owners=user).count()


def innovation_invite(user, other):
    innovation = make_draft_innovation(owners=[user])
    url = reverse("innovations:invite-innovation", args=[innovation.slug])
    posts = [(url, {"email": f"gast{i}@example.org"}) for i in range(3)]
    return posts, lambda: OwnershipInvitation.objects.filter(invited_by=user).count()


def supporter_new(user, other):
    url = reverse("supporters:new-supporter")
    data = {
        "helix_role": "civil_society",
        "description": "Wij begeleiden bewonerscollectieven bij energieprojecten.",
        "website": "energiehuis.be",
        "contact_email": "info@energiehuis.be",
        "action": "next",
    }
    posts = [(url, {**data, "name": f"Energiehuis {user.pk} {i}"}) for i in range(3)]
    return posts, lambda: Supporter.objects.filter(managers=user).count()


def supporter_step(user, other):
    supporter = make_supporter(managers=[user], status=Status.DRAFT, offers=["coaching"])
    url = reverse("supporters:edit-supporter-step", args=[supporter.slug, "organisation"])
    data = {"name": supporter.name, "helix_role": "civil_society", "action": "save"}
    posts = [(url, {**data, "description": f"Wij begeleiden {i}."}) for i in range(3)]
    return posts, lambda: Supporter.objects.get(pk=supporter.pk).description


def supporter_submit(user, other):
    drafts = [
        make_supporter(
            managers=[user], status=Status.DRAFT, offers=["coaching"], regions=["limburg"]
        )
        for _ in range(3)
    ]
    consent = {"may_publish": "on", "accepts_terms": "on"}
    posts = [(reverse("supporters:submit-supporter", args=[d.slug]), consent) for d in drafts]
    return posts, _statuses(Supporter.objects.filter(managers=user))


def supporter_delete(user, other):
    drafts = [make_supporter(managers=[user], status=Status.DRAFT) for _ in range(3)]
    posts = [(reverse("supporters:delete-supporter", args=[d.slug]), {}) for d in drafts]
    return posts, lambda: Supporter.objects.filter(managers=user).count()


def supporter_invite(user, other):
    supporter = make_supporter(managers=[user], status=Status.DRAFT)
    url = reverse("supporters:invite-supporter", args=[supporter.slug])
    posts = [(url, {"email": f"gast{i}@example.org"}) for i in range(3)]
    return posts, lambda: OwnershipInvitation.objects.filter(invited_by=user).count()


def space_new(user, other):
    host = make_supporter(managers=[user])
    url = reverse("supporters:new-space")
    data = {
        "host": host.pk,
        "description": "Een woning waar renovaties met bewoners getest worden.",
        "municipality": "Genk",
        "region": "limburg",
        "action": "next",
    }
    posts = [(url, {**data, "name": f"Proefwoning {user.pk} {i}"}) for i in range(3)]
    return posts, lambda: ExperimentationSpace.objects.filter(host=host).count()


def space_step(user, other):
    space = make_space(host=make_supporter(managers=[user]), status=Status.DRAFT)
    url = reverse("supporters:edit-space-step", args=[space.slug, "access"])
    posts = [(url, {"access": f"Op aanvraag {i}.", "action": "save"}) for i in range(3)]
    return posts, lambda: ExperimentationSpace.objects.get(pk=space.pk).access


def space_submit(user, other):
    host = make_supporter(managers=[user])
    spaces = [make_space(host=host, status=Status.DRAFT, access="Op aanvraag.") for _ in range(3)]
    consent = {"may_publish": "on", "accepts_terms": "on"}
    posts = [(reverse("supporters:submit-space", args=[s.slug]), consent) for s in spaces]
    return posts, _statuses(ExperimentationSpace.objects.filter(host=host))


def space_delete(user, other):
    host = make_supporter(managers=[user])
    spaces = [make_space(host=host, status=Status.DRAFT) for _ in range(3)]
    posts = [(reverse("supporters:delete-space", args=[s.slug]), {}) for s in spaces]
    return posts, lambda: ExperimentationSpace.objects.filter(host=host).count()


def invitation_accept(user, other):
    tokens = [
        services.invitation_create(obj=make_innovation(owners=[other]), by=other, email=user.email)[
            1
        ]
        for _ in range(3)
    ]
    posts = [(reverse("invitation-accept", args=[token]), {}) for token in tokens]
    return posts, lambda: Innovation.objects.filter(owners=user).count()


def contact_innovation(user, other):
    targets = [make_innovation(owners=[other]) for _ in range(3)]
    posts = [
        (reverse("connections:contact-innovation", args=[t.slug]), {"message": "Hallo!"})
        for t in targets
    ]
    return posts, lambda: ContactRequest.objects.filter(sender=user).count()


def contact_supporter(user, other):
    targets = [make_supporter(managers=[other]) for _ in range(3)]
    posts = [
        (reverse("connections:contact-supporter", args=[t.slug]), {"message": "Hallo!"})
        for t in targets
    ]
    return posts, lambda: ContactRequest.objects.filter(sender=user).count()


def _requests_to(user, other):
    return [
        ContactRequest.objects.create(
            sender=other, innovation=make_innovation(owners=[user]), message="Hallo!"
        )
        for _ in range(3)
    ]


def contact_answer(user, other):
    requests = _requests_to(user, other)
    posts = [
        (reverse("connections:contact-request-answer", args=[r.pk]), {"action": "decline"})
        for r in requests
    ]
    return posts, _statuses(ContactRequest.objects.filter(innovation__owners=user))


def contact_report(user, other):
    requests = _requests_to(user, other)
    posts = [
        (reverse("connections:contact-request-report", args=[r.pk]), {"reason": "spam"})
        for r in requests
    ]
    return posts, lambda: Report.objects.filter(reporter=user).count()


def page_report(user, other):
    innovation = make_innovation(owners=[other])
    url = f"{reverse('connections:report-page')}?page=innovation:{innovation.slug}"
    posts = [(url, {"reason": "spam", "details": f"Reclame {i}"}) for i in range(3)]
    return posts, lambda: Report.objects.filter(reporter=user).count()


def saved_search_new(user, other):
    url = f"{reverse('connections:new-saved-search')}?list=innovations&region=limburg"
    posts = [(url, {"name": f"Limburg {i}"}) for i in range(3)]
    return posts, lambda: SavedSearch.objects.filter(user=user).count()


def saved_search_delete(user, other):
    searches = [
        SavedSearch.objects.create(user=user, name=f"Zoek {i}", list_kind="innovations")
        for i in range(3)
    ]
    posts = [(reverse("connections:delete-saved-search", args=[s.pk]), {}) for s in searches]
    return posts, lambda: SavedSearch.objects.filter(user=user).count()


def digest_frequency(user, other):
    url = reverse("connections:digest-frequency")
    posts = [(url, {"frequency": f}) for f in ("daily", "weekly", "daily")]
    return posts, lambda: list(
        DigestSettings.objects.filter(user=user).values_list("frequency", flat=True)
    )


LIMITED_ACTIONS = [
    innovation_new,
    innovation_step,
    innovation_submit,
    innovation_delete,
    innovation_invite,
    supporter_new,
    supporter_step,
    supporter_submit,
    supporter_delete,
    supporter_invite,
    space_new,
    space_step,
    space_submit,
    space_delete,
    invitation_accept,
    contact_innovation,
    contact_supporter,
    contact_answer,
    contact_report,
    page_report,
    saved_search_new,
    saved_search_delete,
    digest_frequency,
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("action", LIMITED_ACTIONS, ids=lambda action: action.__name__)
def test_the_post_over_the_budget_gets_the_styled_429_and_writes_nothing(
    client, settings, sara, koen, eva, action, language
):
    settings.USER_RATE_LIMITS = {"form": [(2, 60)]}
    with translation.override(language):
        posts, written = action(sara, eva)
        koens_posts, koens_written = action(koen, eva)
    client.force_login(sara)
    start = written()
    for url, data in posts[:2]:
        response = client.post(url, data)
        assert response.status_code in (200, 302), url
    before = written()
    assert before != start  # the POSTs within the budget did their work

    url, data = posts[2]
    assert_styled_429(client.post(url, data), language, at_most=60)
    assert written() == before

    # Koen's budget is his own.
    client.force_login(koen)
    koens_before = koens_written()
    url, data = koens_posts[0]
    assert client.post(url, data).status_code in (200, 302)
    assert koens_written() != koens_before


def test_pages_are_shown_without_counting(client, settings, sara):
    settings.USER_RATE_LIMITS = {"form": [(1, 60)]}
    posts, written = saved_search_new(sara, None)
    client.force_login(sara)
    url, data = posts[0]
    for _ in range(5):
        assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 302
    assert written() == 1


def test_the_daily_budget_answers_with_the_wait_until_the_day_is_over(client, settings, sara):
    settings.USER_RATE_LIMITS = {"form": [(100, 60), (1, 24 * 3600)]}
    posts, written = digest_frequency(sara, None)
    client.force_login(sara)
    client.post(*posts[0])
    response = client.post(*posts[1])
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 24 * 3600
    assert written() == ["daily"]


def test_invitations_have_a_budget_of_their_own(client, settings, sara, eva):
    settings.USER_RATE_LIMITS = {"form": [(100, 60)], "invitation": [(1, 3600)]}
    posts, written = innovation_invite(sara, eva)
    client.force_login(sara)
    assert client.post(*posts[0]).status_code == 302
    assert_styled_429(client.post(*posts[1]), "nl", at_most=3600)
    assert written() == 1
    # Other forms still work.
    other_posts, _written = digest_frequency(sara, eva)
    assert client.post(*other_posts[0]).status_code == 302


def test_saving_searches_has_a_budget_of_its_own(client, settings, sara, eva):
    settings.USER_RATE_LIMITS = {"form": [(100, 60)], "saved-search": [(1, 3600)]}
    posts, written = saved_search_new(sara, eva)
    client.force_login(sara)
    assert client.post(*posts[0]).status_code == 302
    assert_styled_429(client.post(*posts[1]), "nl", at_most=3600)
    assert written() == 1


def test_anonymous_reports_keep_their_limit_per_address_only(client, settings, eva):
    settings.USER_RATE_LIMITS = {"form": [(1, 60)]}
    posts, _written = page_report(eva, eva)
    for url, data in posts:
        assert client.post(url, data).status_code == 200
    assert Report.objects.filter(reporter=None).count() == 3


# Saved searches: at most SAVED_SEARCHES_PER_USER each -----------------------------------------

SAVED_SEARCH_CAP = (
    "You already have %(limit)s saved searches, the most allowed. Delete one you no longer "
    "need, then save this one."
)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_saved_search_cap_shows_why_and_keeps_the_typed_name(
    client, settings, sara, koen, language
):
    settings.SAVED_SEARCHES_PER_USER = 2
    for name in ("Limburg", "Antwerpen"):
        SavedSearch.objects.create(user=sara, name=name, list_kind="innovations")
    with translation.override(language):
        url = f"{reverse('connections:new-saved-search')}?list=funding&region=limburg"
    client.force_login(sara)
    response = client.post(url, {"name": "Subsidies voor wonen"})
    html = response.content.decode()
    assert response.status_code == 200
    assert in_language(language, SAVED_SEARCH_CAP, limit=2) in html
    assert 'value="Subsidies voor wonen"' in html
    assert SavedSearch.objects.filter(user=sara).count() == 2

    # After deleting one, it saves; Koen has his own count.
    SavedSearch.objects.filter(user=sara, name="Limburg").delete()
    assert client.post(url, {"name": "Subsidies voor wonen"}).status_code == 302
    client.force_login(koen)
    assert client.post(url, {"name": "Wonen"}).status_code == 302
    assert SavedSearch.objects.count() == 3


# Open drafts: at most OPEN_DRAFTS_PER_USER each ------------------------------------------------

DRAFT_CAP = (
    "You already have %(limit)s drafts that are not submitted for review, the most allowed. "
    "Submit or delete one of them on your dashboard before you start a new one."
)


def new_draft_posts(user, other):
    return [innovation_new(user, other), supporter_new(user, other), space_new(user, other)]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", ["innovation", "supporter", "space"])
def test_the_draft_cap_shows_why_on_the_new_draft_page_and_keeps_what_was_typed(
    client, settings, sara, koen, language, kind
):
    settings.OPEN_DRAFTS_PER_USER = 3
    # Sara's open drafts of every kind count together: an innovation draft, a profile with
    # changes requested and a draft place (the host she manages is published).
    make_draft_innovation(owners=[sara])
    make_supporter(managers=[sara], status=Status.CHANGES_REQUESTED)
    make_space(host=make_supporter(managers=[sara]), status=Status.DRAFT)
    build = {"innovation": innovation_new, "supporter": supporter_new, "space": space_new}[kind]
    with translation.override(language):
        posts, written = build(sara, koen)
    before = written()
    client.force_login(sara)
    url, data = posts[0]
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert in_language(language, DRAFT_CAP, limit=3) in html
    assert escape(data["name"]) in html
    assert written() == before

    # Koen holds no drafts: he starts one.
    with translation.override(language):
        koens_posts, koens_written = build(koen, sara)
    client.force_login(koen)
    assert client.post(*koens_posts[0]).status_code == 302
    assert koens_written() == 1


def test_submitted_and_published_content_does_not_count_as_a_draft(client, settings, sara):
    settings.OPEN_DRAFTS_PER_USER = 1
    make_draft_innovation(owners=[sara], status=Status.SUBMITTED)
    make_innovation(owners=[sara])
    posts, written = innovation_new(sara, None)
    client.force_login(sara)
    assert client.post(*posts[0]).status_code == 302
    assert written() == 3


# The shared cache: every worker sees the same counts -------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL (a redis-server)")
def test_a_budget_spent_in_another_process_counts_here(client, settings, sara):
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "hubsi.cache.RedisCache", "LOCATION": REDIS_URL}}
    settings.USER_RATE_LIMITS = {"form": [(1, 24 * 3600)]}
    caches["default"].clear()
    try:
        code = (
            "import django; django.setup();"
            "from types import SimpleNamespace;"
            "from django.conf import settings;"
            "settings.USER_RATE_LIMITS = {'form': [(1, 24 * 3600)]};"
            "from hubsi.limits import over_limit;"
            f"print(over_limit(SimpleNamespace(pk={sara.pk}), 'form'))"
        )
        env = {**os.environ, "CACHE_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "hubsi.settings"}
        env.setdefault("SECRET_KEY", "x")
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip().splitlines()[-1] == "0"  # within the budget there
        posts, written = digest_frequency(sara, None)
        client.force_login(sara)
        assert client.post(*posts[0]).status_code == 429
        assert written() == []
    finally:
        caches["default"].clear()
