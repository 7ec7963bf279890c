"""The signed-in person's dashboard: their innovations, profiles, places and learning offers,
with what to do next and what is missing (`hubsi.selfservice.dashboard.owned_entries`), what
is new for each since their last visit (the stored matches, front/models.py), the deadlines of
matched funding, and the contact requests waiting for an answer (docs/selfservice.md).

A constant number of queries whatever the number of items: one query per kind of news, each
for all items at once."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.models import User
from connections.models import ContactRequest
from front.models import TARGET_FIELD, Section, StoredMatch
from funding.models import FundingOpportunity
from funding.models import today as funding_today
from hubsi.models import Status
from hubsi.selfservice.dashboard import owned_entries
from innovations.models import Innovation
from innovations.selfservice import INNOVATION
from learning.models import LearningOffer
from learning.selfservice import LEARNING_OFFER
from supporters.models import ExperimentationSpace, Supporter
from supporters.selfservice import SPACE, SUPPORTER

DEADLINE_DAYS = 30
NEWS_LIMIT = 5  # per item: the rest is on the item's public page
# What is news for an innovation, and how the dashboard names it.
NEWS_SECTIONS = {
    Section.FUNDING: _("Funding"),
    Section.SUPPORTERS: _("Supporter"),
    Section.PARTNERS: _("Supporter"),
    Section.SPACES: _("Experimentation place"),
    Section.LEARNING: _("Learning offer"),
}
# A supporter's news: innovations that fit what it offers, or that look for it as a partner.
SUPPORTER_SECTIONS = (Section.SUPPORTERS, Section.PARTNERS)


@dataclass
class NewsItem:
    label: str
    obj: object
    deadline: object = None

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()

    @property
    def language(self) -> str:
        return getattr(self.obj, "language", "")


def shown_targets() -> Q:
    """Stored matches whose suggestion may be shown now, by the models' own rules: published,
    funding not closed, learning offers not past. The stored table may lag behind."""
    return (
        Q(section=Section.FUNDING, funding__in=FundingOpportunity.objects.published().not_closed())
        | Q(
            section__in=SUPPORTER_SECTIONS,
            supporter__in=Supporter.objects.published(),
        )
        | Q(section=Section.SPACES, space__in=ExperimentationSpace.objects.published())
        | Q(section=Section.LEARNING, offer__in=LearningOffer.objects.published().current())
    )


def add_innovation_news(entries, since) -> None:
    """For each published innovation: the matches found since `since` (none on the first
    visit), and the matched funding whose deadline falls in the next 30 days. One query."""
    by_pk = {entry.obj.pk: entry for entry in entries if entry.obj.status == Status.PUBLISHED}
    if not by_pk:
        return
    today = funding_today()
    due = Q(
        section=Section.FUNDING,
        funding__deadline__gte=today,
        funding__deadline__lte=today + timedelta(days=DEADLINE_DAYS),
    )
    wanted = due | Q(found_at__gt=since) if since else due
    rows = (
        StoredMatch.objects.filter(innovation__in=list(by_pk), section__in=list(NEWS_SECTIONS))
        .filter(shown_targets() & wanted)
        .select_related(*{TARGET_FIELD[section] for section in NEWS_SECTIONS})
        .order_by("innovation", "section", "rank")
    )
    seen = defaultdict(set)
    for row in rows:
        entry, target = by_pk[row.innovation_id], row.target
        if (type(target), target.pk) in seen[entry.obj.pk]:
            continue  # a supporter that fits both as support and as partner
        seen[entry.obj.pk].add((type(target), target.pk))
        deadline = target.deadline if row.section == Section.FUNDING else None
        item = NewsItem(NEWS_SECTIONS[row.section], target, deadline)
        if since and row.found_at > since:
            entry.news.append(item)
        elif deadline:
            entry.deadlines.append(item)
    for entry in by_pk.values():
        entry.deadlines.sort(key=lambda item: (item.deadline, item.obj.name))
        _keep_short(entry, _("New since your last visit"))


def add_supporter_news(entries, since) -> None:
    """For each published supporter profile: the published innovations that newly fit what
    it offers (found since `since`; nothing on the first visit). One query."""
    by_pk = {entry.obj.pk: entry for entry in entries if entry.obj.status == Status.PUBLISHED}
    if not by_pk or not since:
        return
    rows = (
        StoredMatch.objects.filter(
            section__in=SUPPORTER_SECTIONS,
            supporter__in=list(by_pk),
            found_at__gt=since,
            innovation__in=Innovation.objects.published(),
        )
        .select_related("innovation")
        .order_by("-found_at", "rank", "pk")
    )
    seen = defaultdict(set)
    for row in rows:
        entry = by_pk[row.supporter_id]
        if row.innovation_id not in seen[row.supporter_id]:
            seen[row.supporter_id].add(row.innovation_id)
            entry.news.append(NewsItem(_("Innovation"), row.innovation))
    for entry in by_pk.values():
        _keep_short(entry, _("Innovations that newly fit what you offer"))


def _keep_short(entry, heading) -> None:
    entry.news_heading = heading
    entry.more_news = len(entry.news) > NEWS_LIMIT
    del entry.news[NEWS_LIMIT:]


def add_waiting_requests(user, innovations, supporters) -> None:
    """The contact requests to each item waiting for the user's answer. One query."""
    targets = {("innovation", e.obj.pk): e for e in innovations} | {
        ("supporter", e.obj.pk): e for e in supporters
    }
    if not targets:
        return
    rows = (
        ContactRequest.objects.for_recipient(user)
        .waiting()
        .order_by("pk")
        .values_list("pk", "innovation_id", "supporter_id")
    )
    for pk, innovation_id, supporter_id in rows:
        key = ("innovation", innovation_id) if innovation_id else ("supporter", supporter_id)
        if key in targets:
            targets[key].waiting.append(pk)


@never_cache
@login_required
@require_GET
def dashboard(request):
    user = request.user
    # "New" is what appeared since the previous visit; this visit is the next one's mark.
    since = user.dashboard_seen_at
    User.objects.filter(pk=user.pk).update(dashboard_seen_at=timezone.now())
    innovations = owned_entries(INNOVATION, user)
    supporters = owned_entries(SUPPORTER, user)
    add_innovation_news(innovations, since)
    add_supporter_news(supporters, since)
    add_waiting_requests(user, innovations, supporters)
    return render(
        request,
        "dashboard.html",
        {
            "innovations": innovations,
            "supporters": supporters,
            "spaces": owned_entries(SPACE, user),
            "learning_offers": owned_entries(LEARNING_OFFER, user),
            "noindex": True,
            "DEADLINE_DAYS": DEADLINE_DAYS,
        },
    )
