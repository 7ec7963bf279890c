"""Digests of saved searches: what was published in a window that matches each saved search.

`send_digests(now)` is what `python manage.py send_digests` runs (by cron, e.g. hourly or
daily). For every user whose digest is due it covers the window (covered_until, now]: one mail
grouped by saved search, or none when nothing matched; then it stores `now` as covered_until.
Running twice in the same period sends nothing the second time (not due); after downtime the
window simply grows, so nothing is skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.core import signing
from django.db import transaction
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from connections.models import DigestSettings, Frequency, ListKind, SavedSearch, SentDigest
from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity
from hubsi.emails import send_templated_mail
from innovations.filters import InnovationFilterSet
from innovations.models import Innovation
from learning.filters import LearningFilterSet
from learning.models import LearningOffer
from supporters.filters import SpaceFilterSet, SupporterFilterSet
from supporters.models import ExperimentationSpace, Supporter

logger = logging.getLogger(__name__)

PER_SEARCH = 10  # items listed per saved search; the mail links to the full list for more
UNSUBSCRIBE_SALT = "connections.digest-unsubscribe"


def lists() -> dict:
    """Each list a search can be saved from: its model, FilterSet and list URL name."""
    return {
        ListKind.INNOVATIONS: (Innovation, InnovationFilterSet, "innovations:innovation-list"),
        ListKind.SUPPORTERS: (Supporter, SupporterFilterSet, "supporters:supporter-list"),
        ListKind.FUNDING: (FundingOpportunity, FundingFilterSet, "funding:funding-list"),
        ListKind.SPACES: (ExperimentationSpace, SpaceFilterSet, "supporters:space-list"),
        ListKind.LEARNING: (LearningOffer, LearningFilterSet, "learning:offer-list"),
    }


def clean_query(query: QueryDict) -> str:
    """The filters of a list's query string: without page, order and our own `list`."""
    query = query.copy()
    for name in ("page", "sort", "list"):
        query.pop(name, None)
    return query.urlencode()[:2000]


def list_url(saved_search: SavedSearch) -> str:
    _model, _filterset, url_name = lists()[saved_search.list_kind]
    url = reverse(url_name)
    return f"{url}?{saved_search.query}" if saved_search.query else url


def feed_url(saved_search: SavedSearch) -> str | None:
    """The Atom feed of the same filtered list (`/<list>/feed/`, docs/opendata.md), or None
    for a list that has no feed."""
    try:
        url = reverse(f"{saved_search.list_kind}-feed")
    except NoReverseMatch:
        return None
    return f"{url}?{saved_search.query}" if saved_search.query else url


def new_matches(saved_search: SavedSearch, since, until) -> tuple[list, int]:
    """Published objects in the window (since, until] that the saved search matches: the
    first PER_SEARCH, newest first, and how many there are in all."""
    model, filterset_class, _url = lists()[saved_search.list_kind]
    queryset = model.objects.published().filter(published_at__gt=since, published_at__lte=until)
    if saved_search.list_kind == ListKind.LEARNING:
        queryset = queryset.current()  # a past offer is news to no one
    filterset = filterset_class(QueryDict(saved_search.query), queryset=queryset)
    queryset = filterset.qs.order_by("-published_at", "-pk")
    count = queryset.count()
    return (list(queryset[:PER_SEARCH]) if count else []), count


def unsubscribe_token(settings: DigestSettings) -> str:
    return signing.dumps({"u": settings.user_id, "s": settings.salt}, salt=UNSUBSCRIBE_SALT)


def settings_for_token(token: str) -> DigestSettings | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return (
        DigestSettings.objects.filter(user_id=data.get("u"), salt=str(data.get("s", "")))
        .select_related("user")
        .first()
    )


def unsubscribe_url(settings: DigestSettings) -> str:
    return django_settings.SITE_URL + reverse(
        "connections:digest-unsubscribe", args=[unsubscribe_token(settings)]
    )


@dataclass
class Section:
    saved_search: SavedSearch
    items: list
    count: int
    url: str


def digest_sections(settings: DigestSettings, until) -> list[Section]:
    sections = []
    for saved_search in settings.user.saved_searches.order_by("name", "pk"):
        items, count = new_matches(saved_search, settings.covered_until, until)
        if count:
            sections.append(
                Section(
                    saved_search, items, count, django_settings.SITE_URL + list_url(saved_search)
                )
            )
    return sections


def send_digest(settings: DigestSettings, now) -> bool:
    """Send this user's digest for (covered_until, now] if anything matched; in any case
    record the window as covered. True when a mail was sent."""
    # Links in the recipient's language (`/en/...` for English), as the mail itself.
    with translation.override(settings.user.language or django_settings.LANGUAGE_CODE):
        sections = digest_sections(settings, now)
        if sections:
            unsubscribe = unsubscribe_url(settings)
            context = {
                "sections": sections,
                "frequency": settings.frequency,
                "unsubscribe_url": unsubscribe,
                "manage_url": django_settings.SITE_URL + reverse("connections:saved-search-list"),
            }
            send_templated_mail(
                "digest",
                [settings.user.email],
                context,
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
    # Stored after a successful send: a failure leaves the window open for the next run.
    # Each mail sent is counted for the figures (front/figures.py).
    with transaction.atomic():
        DigestSettings.objects.filter(pk=settings.pk).update(
            covered_until=now, **({"last_sent_at": now} if sections else {})
        )
        if sections:
            SentDigest.objects.create(sent_at=now, frequency=settings.frequency)
    return bool(sections)


def send_digests(now=None) -> int:
    """Send every due digest; returns how many mails were sent."""
    now = now or timezone.now()
    sent = 0
    due = (
        DigestSettings.objects.exclude(frequency=Frequency.NEVER)
        .filter(user__is_active=True, user__saved_searches__isnull=False)
        .select_related("user")
        .distinct()
        .order_by("pk")
    )
    for settings in due.iterator():
        if not settings.is_due(now):
            continue
        try:
            sent += send_digest(settings, now)
        except Exception:  # one failing address must not stop everyone else's digest
            logger.exception("digest for user %s failed", settings.user_id)
    return sent
