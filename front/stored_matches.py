"""Matches computed ahead: the innovation page reads its match sections from `StoredMatch`
instead of ranking per view (docs/matching.md, "Stored matches").

- `refresh_one` / `refresh_many` rank an innovation's sections with the ranking of
  front/matching.py and front/learning_matches.py (a few more than shown, so that a section
  stays full when something closes before the next refresh) and write the rows in one
  transaction; a suggestion already there keeps its `found_at`. A batch ranks each section
  once per key (what its ranking reads of the innovation, `KEYS`) and skips the cards'
  prefetches.
- `affected` says which innovations (and which of their sections) a change of an item can
  alter: those whose candidates it can be, narrowed the way the ranking narrows, and those
  that store it now. `expired` does the same for what the calendar changes (a deadline passed,
  an offer ended, a call opened). front/tasks.py runs both in the background.
- `read` is what the page shows: one query for the stored rows (with the suggested objects
  and what their cards need), filtered again at read time, so a match never shows unpublished
  or closed content between a change and its refresh. The explanations are built from the
  stored flags by the ranking's own reason functions, in the reader's language.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from front import learning_matches, matching
from front.matching import InnovationProfile, Match
from front.models import TARGET_FIELD, MatchRefresh, Section, StoredMatch
from funding.models import FundingOpportunity, today
from hubsi.models import Status
from innovations.models import Innovation
from learning.models import LearningOffer, not_past_q
from supporters.models import ExperimentationSpace, Supporter

MATCHES_PER_SECTION = 5
# Stored beyond what is shown, so that the read-time filter can still fill a section after
# one or two of its suggestions closed or were archived before the refresh ran.
STORED_PER_SECTION = MATCHES_PER_SECTION + 3
ALL_SECTIONS = tuple(Section.values)

RANKINGS = {
    Section.SUPPORTERS: matching.supporters_for,
    Section.FUNDING: matching.funding_for,
    Section.SPACES: matching.spaces_for,
    Section.INNOVATIONS: matching.similar_innovations,
    Section.PARTNERS: matching.unusual_partners,
    Section.LEARNING: learning_matches.learning_for,
}
# What each section's ranking reads of the innovation (front/matching.py): within a batch,
# innovations with equal keys share one ranking. The similar innovations exclude the
# innovation itself, so they are ranked for each.
KEYS = {
    Section.SUPPORTERS: matching.supporters_key,
    Section.FUNDING: matching.funding_key,
    Section.SPACES: matching.spaces_key,
    Section.PARTNERS: matching.partners_key,
    Section.LEARNING: learning_matches.learning_key,
}
REASONS = {
    Section.SUPPORTERS: matching._supporter_reasons,
    Section.FUNDING: matching._funding_reasons,
    Section.SPACES: matching._space_reasons,
    Section.INNOVATIONS: matching._innovation_reasons,
    Section.PARTNERS: matching._partner_reasons,
    Section.LEARNING: learning_matches.learning_reasons,
}


# --- Writing --------------------------------------------------------------------------------


def digest(profile: InnovationProfile) -> str:
    """The innovation's own values the ranking uses, in 32 characters: stored matches ranked
    for other values are stale."""
    values = (
        sorted(profile.challenges),
        sorted(profile.themes),
        profile.stage,
        profile.organisation_role,
        sorted(profile.regions),
        sorted(profile.needs),
        sorted(profile.partner_roles),
        sorted(profile.wanted_roles),
    )
    return hashlib.md5(repr(values).encode(), usedforsecurity=False).hexdigest()


def row_flags(row) -> dict:
    """The ranking's annotations of a returned row (its flags and naming values), without the
    score (a column of its own): what the reason functions read besides the object itself."""
    fields = {field.attname for field in row._meta.concrete_fields}
    return {
        name: value
        for name, value in vars(row).items()
        if not name.startswith("_") and name not in fields and name != "score"
    }


Shared = dict[tuple, list[Match]]  # a batch's rankings, by section and key


def rank(
    profile: InnovationProfile, section: str, shared: Shared | None = None, cards: bool = True
) -> list[Match]:
    """The section's STORED_PER_SECTION best matches. With `shared`, a ranking already done
    for the same key is reused: its rows, scores and flags, explained for this innovation."""
    key_of = KEYS.get(section)
    if shared is None or key_of is None:
        return RANKINGS[section](profile, STORED_PER_SECTION, cards=cards)
    key = (section, key_of(profile))
    if key not in shared:
        shared[key] = RANKINGS[section](profile, STORED_PER_SECTION, cards=cards)
        return shared[key]
    explain = REASONS[section]
    return [Match(m.obj, m.score, explain(m.obj, profile)) for m in shared[key]]


def refresh_one(
    innovation: Innovation,
    sections: Iterable[str] = ALL_SECTIONS,
    shared: Shared | None = None,
    cards: bool = True,
) -> dict[str, list[Match]]:
    """Rank the sections of a published innovation (its values prefetched, `for_detail()`) and
    store them; return what was ranked, STORED_PER_SECTION per section at most. `shared`:
    the rankings of the batch so far (see `rank`); `cards=False` when the matches returned
    are not shown (their card prefetches are skipped).

    Only some sections are re-ranked when the stored ones were ranked for the innovation's
    current values; otherwise (never refreshed, or the innovation changed since) all are."""
    profile = InnovationProfile.of(innovation)
    current = digest(profile)
    sections = tuple(sections)
    if sections != ALL_SECTIONS:
        stored = MatchRefresh.objects.filter(innovation=innovation.pk).values_list("profile")
        if list(stored) != [(current,)]:
            sections = ALL_SECTIONS
    ranked = {section: rank(profile, section, shared, cards) for section in sections}
    now = timezone.now()
    with transaction.atomic():
        # One refresh of an innovation at a time (a task and a page's first visit may race).
        list(Innovation.objects.select_for_update().filter(pk=innovation.pk).values_list("pk"))
        rows = StoredMatch.objects.filter(innovation=innovation.pk, section__in=sections)
        columns = sorted({f"{column}_id" for column in TARGET_FIELD.values()})
        found = {
            (values["section"], values[f"{TARGET_FIELD[values['section']]}_id"]): values["found_at"]
            for values in rows.values("section", "found_at", *columns)
        }
        rows.delete()
        StoredMatch.objects.bulk_create(
            StoredMatch(
                innovation_id=innovation.pk,
                section=section,
                rank=rank,
                score=match.score,
                flags=row_flags(match.obj),
                found_at=found.get((section, match.obj.pk), now),
                **{TARGET_FIELD[section]: match.obj},
            )
            for section, matches in ranked.items()
            for rank, match in enumerate(matches)
        )
        MatchRefresh.objects.update_or_create(
            innovation_id=innovation.pk, defaults={"profile": current, "refreshed_at": now}
        )
    return ranked


def refresh_many(pks: Iterable[int], sections: Iterable[str] = ALL_SECTIONS) -> int:
    """Refresh the given innovations (their values read in one go), ranking once per section
    key (see `rank`) and without the card prefetches; those no longer published lose their
    stored matches. Returns how many were refreshed."""
    pks = sorted(set(pks))
    innovations = Innovation.objects.published().for_detail().filter(pk__in=pks)
    done, shared = 0, {}
    for innovation in innovations:
        refresh_one(innovation, sections, shared, cards=False)
        done += 1
    gone = Innovation.objects.filter(pk__in=pks).exclude(status=Status.PUBLISHED)
    if done < len(pks):
        StoredMatch.objects.filter(innovation__in=gone).delete()
        MatchRefresh.objects.filter(innovation__in=gone).delete()
    return done


# --- What a change alters -------------------------------------------------------------------

Targets = list[tuple[list[int], tuple[str, ...]]]  # innovations, and the sections to refresh


def _storing(lookup: str, value, sections: Iterable[str]) -> Q:
    """Innovations that store the item (`lookup` = `value`) in one of the sections now."""
    rows = StoredMatch.objects.filter(**{lookup: value}, section__in=list(sections))
    return Q(pk__in=rows.values("innovation_id"))


def _on_topics(obj) -> Q:
    """Innovations on one of the item's challenges or in one of its themes: the ranking's
    `_topic_candidates` seen from the other side."""
    challenges = matching._Link(Innovation, "challenges")
    return matching._any_of(
        challenges.owners_of([c.pk for c in obj.challenges.all()]),
        challenges.owners_of([t.pk for t in obj.themes.all()], lookup="challenge__theme_id"),
    )


def _published_pks(condition: Q) -> list[int]:
    return list(
        Innovation.objects.published().filter(condition).order_by("pk").values_list("pk", flat=True)
    )


def affected(model, pk: int) -> Targets:
    """The innovations whose stored matches a change of this item (saved, linked, archived or
    deleted) can alter, with the sections to refresh."""
    obj = model.objects.filter(pk=pk).first()
    public = obj is not None and obj.status == Status.PUBLISHED
    if model is Innovation:
        others = _storing("other", pk, [Section.INNOVATIONS])
        if public:
            challenges = matching._Link(Innovation, "challenges")
            others |= challenges.owners_of([c.pk for c in obj.challenges.all()])
        return [([pk], ALL_SECTIONS), (_published_pks(others & ~Q(pk=pk)), (Section.INNOVATIONS,))]
    if model is Supporter:
        sections = (Section.SUPPORTERS, Section.PARTNERS)
        condition = _storing("supporter", pk, sections)
        if public:
            needs = matching._Link(Innovation, "needs")
            condition |= _on_topics(obj) | needs.owners_of([o.code for o in obj.offers.all()])
        # Its places and offers are public only while it is: their innovations see it too.
        hosted = ExperimentationSpace.objects.filter(host=pk).values("pk")
        provided = LearningOffer.objects.filter(provider=pk).values("pk")
        return [
            (_published_pks(condition), sections),
            (_published_pks(_storing("space__in", hosted, [Section.SPACES])), (Section.SPACES,)),
            (
                _published_pks(_storing("offer__in", provided, [Section.LEARNING])),
                (Section.LEARNING,),
            ),
        ]
    section = SECTION_OF[model]
    condition = _storing(TARGET_FIELD[section], pk, [section])
    if public:
        condition |= _candidates(model, obj)
    return [(_published_pks(condition), (section,))]


SECTION_OF = {
    ExperimentationSpace: Section.SPACES,
    FundingOpportunity: Section.FUNDING,
    LearningOffer: Section.LEARNING,
}


def _candidates(model, obj) -> Q:
    """Innovations whose candidates the published place, call or offer can be."""
    if model is ExperimentationSpace:
        return _on_topics(obj) if obj.host.status == Status.PUBLISHED else Q(pk__in=[])
    if model is FundingOpportunity:
        # A call that names no topic is open to every innovation.
        names_topic = obj.challenges.exists() or obj.themes.exists()
        return _on_topics(obj) if names_topic else Q(pk__isnull=False)
    return learning_matches.fitting_offers([obj]) or Q(pk__in=[])


def expired(on: datetime.date | None = None) -> Targets:
    """What the calendar changed since yesterday: stored funding that closed or opened (an
    open call ranks before an upcoming one), stored learning offers now past, and the
    candidates of calls that opened."""
    on = on or today()
    funding = StoredMatch.objects.filter(section=Section.FUNDING).filter(
        Q(funding__deadline__lt=on) | Q(flags__timing_group=1, funding__opens_on__lte=on)
    )
    past = StoredMatch.objects.filter(
        section=Section.LEARNING, offer__in=LearningOffer.objects.past(on)
    )
    targets = [
        (_published_pks(Q(pk__in=funding.values("innovation_id"))), (Section.FUNDING,)),
        (_published_pks(Q(pk__in=past.values("innovation_id"))), (Section.LEARNING,)),
    ]
    opened = FundingOpportunity.objects.published().filter(
        opens_on__gt=on - datetime.timedelta(days=1), opens_on__lte=on
    )
    for pk in opened.values_list("pk", flat=True):
        targets += affected(FundingOpportunity, pk)
    return targets


def batches(targets: Targets, size: int) -> Iterator[tuple[list[int], tuple[str, ...]]]:
    for pks, sections in targets:
        for start in range(0, len(pks), size):
            yield pks[start : start + size], sections


# --- Reading --------------------------------------------------------------------------------


class StoredRow:
    """A stored match seen as the ranking's annotated row: its stored flags first, then the
    suggested object's own fields (a place's region, a partner's helix role)."""

    def __init__(self, obj, flags: dict):
        self._obj, self._flags = obj, flags

    def __getattr__(self, name: str):
        try:
            return self._flags[name]
        except KeyError:
            return getattr(self._obj, name)


def _prefixed(condition: Q, prefix: str) -> Q:
    """The condition on a related object: `deadline__gte` becomes `funding__deadline__gte`."""
    clone = copy.copy(condition)
    clone.children = [
        _prefixed(child, prefix) if isinstance(child, Q) else (prefix + child[0], child[1])
        for child in condition.children
    ]
    return clone


def visible(queryset, innovation_pk: int, on: datetime.date | None = None):
    """Stored matches whose suggestion may be shown now: published (a place's host and an
    offer's provider too), funding not closed, offers not past, never the innovation itself.
    The conditions of `published()`, `not_closed()` and `current()`, tested on the joins the
    page reads anyway (`IN (published())` subqueries would hash every supporter per view)."""
    on = on or today()
    published = Status.PUBLISHED
    return queryset.filter(
        Q(supporter__isnull=True) | Q(supporter__status=published),
        Q(space__isnull=True) | Q(space__status=published, space__host__status=published),
        Q(funding__isnull=True)
        | Q(funding__status=published)
        & (Q(funding__deadline__isnull=True) | Q(funding__deadline__gte=on)),
        Q(offer__isnull=True)
        | Q(offer__status=published, offer__provider__status=published)
        & _prefixed(not_past_q(on), "offer__"),
        Q(other__isnull=True) | Q(other__status=published) & ~Q(other=innovation_pk),
    )


def read(innovation: Innovation) -> dict[str, list[Match]]:
    """The innovation's matches per section, MATCHES_PER_SECTION at most, for its page: two
    queries and the prefetches of the cards. Never refreshed, or changed since its refresh:
    ranked live once and stored (a draft's preview ranks live and stores nothing)."""
    profile = InnovationProfile.of(innovation)
    if innovation.status != Status.PUBLISHED:
        return {s: RANKINGS[s](profile, MATCHES_PER_SECTION) for s in ALL_SECTIONS}
    stored = MatchRefresh.objects.filter(innovation=innovation.pk).values_list("profile")
    if list(stored) != [(digest(profile),)]:
        ranked = refresh_one(innovation)
        return {section: matches[:MATCHES_PER_SECTION] for section, matches in ranked.items()}
    rows = (
        visible(StoredMatch.objects.filter(innovation=innovation.pk), innovation.pk)
        .select_related("supporter", "space__host", "funding__funder", "offer__provider", "other")
        # Never shown, and the widest columns of each row.
        .defer(*(f"{field}__search_vector" for field in set(TARGET_FIELD.values())))
        .prefetch_related(
            "supporter__offers",
            "supporter__regions",
            "offer__competences",
            "other__challenges",
            "other__regions",
        )
        .order_by("section", "rank")
    )
    sections: dict[str, list[Match]] = {section: [] for section in ALL_SECTIONS}
    for row in rows:
        shown = sections[row.section]
        if len(shown) < MATCHES_PER_SECTION:
            obj = row.target
            reasons = REASONS[row.section](StoredRow(obj, row.flags), profile)
            shown.append(Match(obj, row.score, reasons))
    return sections
