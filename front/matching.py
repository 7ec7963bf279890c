"""Matching: who and what can help an innovation, and which innovations a supporter can help.

This module owns the scoring; docs/matching.md documents the weights and the query plan.

How every ranking works, whatever the kind:
1. The matched object's own values (an innovation's challenges, themes, needs, regions...) are
   read once, in a constant number of small queries (none when the page prefetched them).
2. One query per section ranks the candidates in the database. Candidates are first narrowed
   by uncorrelated semi-joins on the indexed link tables (`pk IN (SELECT ... WHERE
   challenge_id IN (...))`). Each criterion is an annotated integer flag: an `EXISTS` on a
   link table filtered by the matched object's own values (PostgreSQL runs these as hashed
   subplans: one hash per flag, then a lookup per row) or a plain column test. The score is
   the weighted sum of the flags; the query is ordered by score and sliced to the top few.
   Nothing loops over all rows in Python.
3. The explanations are built in Python from the annotated flags of the returned rows only,
   never recomputed: each flag that added to the score says so in one plain sentence,
   phrased for any visitor ("offers coaching, which this innovation needs"). A few `first_*`
   subqueries only name what a flag found (the region served, the theme shared); they do
   not rank, so the database evaluates them for the returned rows only.

Only published content is ever a candidate: every query starts at `published()`.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.query import prefetch_related_objects
from django.utils.translation import gettext, gettext_lazy

from funding.models import FundingOpportunity, today
from hubsi import facet_index
from hubsi.vocabulary import HelixRole, Region, Stage, SupportType, regions_covering
from innovations.filters import InnovationFilterSet
from innovations.models import Innovation
from supporters.models import ExperimentationSpace, Supporter

# The weights, documented in docs/matching.md. Per-value flags (one per challenge, one per
# support type) add their weight once per value that matches.
WEIGHTS = {
    "shared_challenge": 4,  # per challenge shared with the innovation
    "shared_theme": 2,  # interested in (or working on) a theme of the innovation's challenges
    "offers_need": 3,  # per support type the innovation needs and the supporter offers
    "serves_stage": 2,  # serves (or explicitly funds) the innovation's stage; same stage
    "region_local": 2,  # serves one of the innovation's own regions (places: lie in its area)
    "region_wide": 1,  # serves a wider area that covers it: all of Flanders, Belgium, Europe
    "wanted_role": 3,  # a helix role the innovation is looking for (unusual partners)
    "names_role": 1,  # funding that names the lead organisation's role among the eligible
    "open_to_citizens": 1,  # a place open to citizens, when citizens take part or it needs space
}

DEFAULT_LIMIT = 5
WIDE_AREAS = (Region.FLANDERS, Region.BELGIUM, Region.EUROPE)

# Role phrases for sentences; whole phrases, so that translators can choose the article.
ROLE_WITH_ARTICLE = {
    HelixRole.KNOWLEDGE: gettext_lazy("a knowledge institution"),
    HelixRole.BUSINESS: gettext_lazy("a business"),
    HelixRole.CIVIL_SOCIETY: gettext_lazy("a civil society organisation"),
    HelixRole.CITIZEN: gettext_lazy("a citizens' collective"),
    HelixRole.GOVERNMENT: gettext_lazy("a government body"),
    HelixRole.FINANCIER: gettext_lazy("a financier"),
}
ROLE_PLURAL = {
    HelixRole.KNOWLEDGE: gettext_lazy("knowledge institutions"),
    HelixRole.BUSINESS: gettext_lazy("businesses"),
    HelixRole.CIVIL_SOCIETY: gettext_lazy("civil society organisations"),
    HelixRole.CITIZEN: gettext_lazy("citizens and citizens' collectives"),
    HelixRole.GOVERNMENT: gettext_lazy("government bodies"),
    HelixRole.FINANCIER: gettext_lazy("financiers"),
}
AREA = {
    Region.FLANDERS: gettext_lazy("all of Flanders"),
    Region.BELGIUM: gettext_lazy("all of Belgium"),
    Region.EUROPE: gettext_lazy("all of Europe"),
}


@dataclass(frozen=True)
class Match:
    """One suggestion: the object, its score and why, in plain words."""

    obj: Any
    score: int
    reasons: list[str]


@dataclass(frozen=True)
class InnovationMatches:
    supporters: list[Match]
    funding: list[Match]
    spaces: list[Match]
    innovations: list[Match]
    partners: list[Match]


# --- What is matched against ----------------------------------------------------------------


def regions_within(codes) -> set[str]:
    """Regions that lie inside one of the given ones (Limburg lies inside all of Flanders)."""
    codes = {str(code) for code in codes}
    return {
        region
        for region in Region.values
        if region not in codes and codes & (regions_covering([region]) - {region})
    }


def _active(challenges) -> list:
    """Inactive challenges and themes are hidden from the public: never matched or named."""
    return [c for c in challenges if c.is_active and c.theme.is_active]


@dataclass(frozen=True)
class InnovationProfile:
    """An innovation's own values, read once; every section matches against them."""

    pk: int
    challenges: dict[int, str]  # active challenges: id -> name in the current language
    themes: dict[int, str]  # their active themes: id -> name
    challenge_slugs: dict[int, str]  # the same challenges: id -> slug (the facet index's keys)
    theme_slugs: dict[int, str]
    stage: str
    organisation_role: str
    regions: frozenset[str]  # where it is active
    wider: frozenset[str]  # areas that cover those regions (Flanders, Belgium, Europe)
    within: frozenset[str]  # regions inside its regions (a place in Limburg for Flanders)
    needs: tuple[str, ...]
    partner_roles: frozenset[str]
    wanted_roles: frozenset[str]

    @classmethod
    def of(cls, innovation: Innovation) -> InnovationProfile:
        # A no-op for what the detail page's `for_detail()` already prefetched.
        prefetch_related_objects(
            [innovation], "challenges__theme", "regions", "needs", "partner_roles", "wanted_roles"
        )
        challenges = _active(innovation.challenges.all())
        regions = frozenset(r.code for r in innovation.regions.all())
        # Without regions an innovation counts as active somewhere in Flanders.
        wider = regions_covering(regions) - regions if regions else set(WIDE_AREAS)
        return cls(
            pk=innovation.pk,
            challenges={c.pk: c.name for c in challenges},
            themes={c.theme_id: c.theme.name for c in challenges},
            challenge_slugs={c.pk: c.slug for c in challenges},
            theme_slugs={c.theme_id: c.theme.slug for c in challenges},
            stage=innovation.stage,
            organisation_role=innovation.organisation_role,
            regions=regions,
            wider=frozenset(wider),
            within=frozenset(regions_within(regions or [Region.FLANDERS])),
            needs=tuple(n.code for n in innovation.needs.all()),
            partner_roles=frozenset(r.code for r in innovation.partner_roles.all()),
            wanted_roles=frozenset(r.code for r in innovation.wanted_roles.all()),
        )


@dataclass(frozen=True)
class SupporterProfile:
    """A supporter's own values, read once."""

    offers: tuple[str, ...]
    stages: frozenset[str]
    challenges: dict[int, str]
    themes: dict[int, str]
    regions: frozenset[str]
    within: frozenset[str]  # regions inside the areas it serves

    @classmethod
    def of(cls, supporter: Supporter) -> SupporterProfile:
        prefetch_related_objects(
            [supporter], "offers", "stages", "challenges__theme", "themes", "regions"
        )
        regions = frozenset(r.code for r in supporter.regions.all())
        return cls(
            offers=tuple(o.code for o in supporter.offers.all()),
            stages=frozenset(s.code for s in supporter.stages.all()),
            challenges={c.pk: c.name for c in _active(supporter.challenges.all())},
            themes={t.pk: t.name for t in supporter.themes.all() if t.is_active},
            regions=regions,
            within=frozenset(regions_within(regions)),
        )


# --- Query building blocks ------------------------------------------------------------------


class _Link:
    """The link table of a many-to-many field, seen from the outer query's rows."""

    def __init__(self, model, name: str):
        field = model._meta.get_field(name)
        self.through = field.remote_field.through
        self.source_id = f"{field.m2m_field_name()}_id"  # e.g. "supporter_id"
        self.target_id = f"{field.m2m_reverse_field_name()}_id"  # e.g. "challenge_id"

    def rows(self, values, lookup: str | None = None):
        """Links of the outer row whose target (or `lookup` from the link) is in `values`."""
        return self.through.objects.filter(
            **{self.source_id: OuterRef("pk"), f"{lookup or self.target_id}__in": list(values)}
        )

    def has(self, values, lookup: str | None = None):
        """Flag: 1 when the outer row links to one of `values`."""
        if not values:
            return _zero()
        return _flag(Exists(self.rows(values, lookup)))

    def each(self, prefix: str, values) -> dict:
        """One flag per value (`challenge_12`, `offers_coaching`...): they rank, and they name
        exactly what matched in the explanation."""
        return {f"{prefix}_{value}": self.has([value]) for value in values}

    def any(self) -> Exists:
        return Exists(self.through.objects.filter(**{self.source_id: OuterRef("pk")}))

    def owners_of(self, values, lookup: str | None = None) -> Q:
        """Uncorrelated semi-join: items with a link whose target (or `lookup`) is in `values`.

        It narrows the candidates before any flag is computed, using the index on the link
        table's target column.
        """
        if not values:
            return Q(pk__in=[])
        links = self.through.objects.filter(**{f"{lookup or self.target_id}__in": list(values)})
        return Q(pk__in=links.values(self.source_id))

    def first(self, values, lookup: str | None = None, output_field=None):
        """The first linked value among `values`, or None. Names; never ranks."""
        lookup = lookup or self.target_id
        output_field = output_field or IntegerField()
        if not values:
            return Value(None, output_field=output_field)
        rows = self.rows(values, lookup).order_by(lookup).values(lookup)[:1]
        return Subquery(rows, output_field=output_field)

    def first_region(self, local, wide):
        """The most specific linked region, local ones first. Names; never ranks."""
        ordered = [code for code in Region.values if code in local] + [
            code for code in Region.values if code in wide and code not in local
        ]
        if not ordered:
            return Value(None, output_field=CharField())
        rank = Case(
            *[When(**{self.target_id: code}, then=Value(i)) for i, code in enumerate(ordered)],
            output_field=IntegerField(),
        )
        rows = self.rows(ordered).order_by(rank).values(self.target_id)[:1]
        return Subquery(rows, output_field=CharField())

    def region_fit(self, local, wide):
        """`region_local` weight when linked to a local region, else `region_wide` when linked
        to a wide one."""
        return _region_fit([(Exists(self.rows(local)), local), (Exists(self.rows(wide)), wide)])


def _region_fit(conditions) -> Case | Value:
    """`region_local` weight for the first condition, `region_wide` for the second; a
    condition with no regions to test is left out."""
    weights = (WEIGHTS["region_local"], WEIGHTS["region_wide"])
    whens = [
        When(condition, then=Value(weight))
        for (condition, regions), weight in zip(conditions, weights, strict=True)
        if regions
    ]
    if not whens:
        return _zero()
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _flag(condition) -> Case:
    """1 when the condition holds, else 0: an integer, so flags can be weighted and summed."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _zero() -> Value:
    return Value(0, output_field=IntegerField())


def _score(*terms: tuple[int, str]) -> ExpressionWrapper:
    """Sum of weight * flag over the annotated flags named in `terms`."""
    total = reduce(operator.add, [weight * F(name) for weight, name in terms], _zero())
    return ExpressionWrapper(total, output_field=IntegerField())


def _weighted(weight: int, flags) -> list[tuple[int, str]]:
    return [(weight, name) for name in flags]


def _any_of(*qs: Q) -> Q:
    return reduce(operator.or_, qs, Q(pk__in=[]))


def _ranked(queryset, limit: int, *order) -> list:
    if limit <= 0:
        return []
    return list(queryset.order_by(*order)[:limit])


def _matched(row, prefix: str, values) -> list:
    """The values whose per-value flag is set on a returned row."""
    return [value for value in values if getattr(row, f"{prefix}_{value}")]


# --- Words ----------------------------------------------------------------------------------


def _lower_first(text) -> str:
    text = str(text)
    return text[:1].lower() + text[1:]


def _join(items) -> str:
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _names(ids, names: dict) -> str:
    return _join(_lower_first(names[pk]) for pk in ids)


def _supports(codes) -> str:
    return _join(_lower_first(SupportType(code).label) for code in codes)


def _stage(code: str) -> str:
    return _lower_first(Stage(code).label)


def _region(code: str) -> str:
    """A region's name mid-sentence: "Limburg", or "all of Flanders" for a wide area."""
    return str(AREA.get(code) or Region(code).label)


# --- For an innovation ----------------------------------------------------------------------


def matches_for_innovation(innovation: Innovation, limit: int = DEFAULT_LIMIT) -> InnovationMatches:
    """Every section of suggestions for an innovation: one ranking query per section (plus the
    prefetches of its cards), whatever the amount of data."""
    profile = InnovationProfile.of(innovation)
    return InnovationMatches(
        supporters=supporters_for(profile, limit),
        funding=funding_for(profile, limit),
        spaces=spaces_for(profile, limit),
        innovations=similar_innovations(profile, limit),
        partners=unusual_partners(profile, limit),
    )


def _profile(innovation_or_profile) -> InnovationProfile:
    if isinstance(innovation_or_profile, InnovationProfile):
        return innovation_or_profile
    return InnovationProfile.of(innovation_or_profile)


def _listed(queryset, cards: bool):
    """The candidates, with what their cards show (`for_listing()`) when `cards`; without it
    when only the keys, scores and flags are needed (the refresh of stored matches)."""
    return queryset.for_listing() if cards else queryset


def _citizens_matter(profile: InnovationProfile) -> bool:
    return HelixRole.CITIZEN in profile.partner_roles or SupportType.SPACE in profile.needs


def _topics(profile: InnovationProfile) -> tuple:
    return tuple(profile.challenges), tuple(profile.themes)


# What each ranking reads of the innovation's values, apart from its names (read only by the
# explanations): innovations with equal keys get the same rows, scores and flags. The refresh
# of stored matches ranks once per key within a batch (front/stored_matches.py). The similar
# innovations have no key: they exclude the innovation itself.
def supporters_key(profile: InnovationProfile) -> tuple:
    return *_topics(profile), profile.needs, profile.stage, profile.regions, profile.wider


def funding_key(profile: InnovationProfile) -> tuple:
    return (
        *_topics(profile),
        profile.organisation_role,
        profile.stage,
        profile.regions,
        profile.wider,
        today(),
    )


def spaces_key(profile: InnovationProfile) -> tuple:
    return (
        *_topics(profile),
        profile.regions,
        profile.within,
        profile.wider,
        _citizens_matter(profile),
    )


def partners_key(profile: InnovationProfile) -> tuple:
    return (
        *_topics(profile),
        profile.partner_roles,
        profile.organisation_role,
        profile.wanted_roles,
        profile.regions,
        profile.wider,
    )


def _topic_flags(model, profile: InnovationProfile) -> dict:
    """For kinds linked to challenges and themes (supporters, funding, places): a flag per
    challenge of the innovation, a flag for sharing one of its themes, and the first shared
    theme (to name it)."""
    challenges, themes = _Link(model, "challenges"), _Link(model, "themes")
    return {
        **challenges.each("challenge", profile.challenges),
        "shares_theme": themes.has(profile.themes),
        "first_theme": themes.first(profile.themes),
    }


def _topic_terms(profile: InnovationProfile) -> list[tuple[int, str]]:
    return [
        *_weighted(WEIGHTS["shared_challenge"], [f"challenge_{pk}" for pk in profile.challenges]),
        (WEIGHTS["shared_theme"], "shares_theme"),
    ]


def _topic_candidates(model, profile: InnovationProfile) -> Q:
    """Linked to one of the innovation's challenges or to one of their themes."""
    return _any_of(
        _Link(model, "challenges").owners_of(profile.challenges),
        _Link(model, "themes").owners_of(profile.themes),
    )


def _shared_challenges(row, profile: InnovationProfile) -> list[int]:
    return _matched(row, "challenge", profile.challenges)


def _theme_name(row, themes: dict) -> str:
    return _lower_first(themes[row.first_theme])


def supporters_for(innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True) -> list[Match]:
    """Published supporters who offer what the innovation needs or work on its challenges or
    their themes, ranked by what they share with it, its stage and its region."""
    profile = _profile(innovation)
    offers, regions = _Link(Supporter, "offers"), _Link(Supporter, "regions")
    need_flags = offers.each("offers", profile.needs)
    local, wide = profile.regions, profile.wider
    queryset = (
        _listed(Supporter.objects.published(), cards)
        .filter(_any_of(_topic_candidates(Supporter, profile), offers.owners_of(profile.needs)))
        .annotate(
            **_topic_flags(Supporter, profile),
            **need_flags,
            serves_stage=_Link(Supporter, "stages").has([profile.stage]),
            region_fit=regions.region_fit(local, wide),
            region_served=regions.first_region(local, wide),
        )
        .annotate(
            score=_score(
                *_topic_terms(profile),
                *_weighted(WEIGHTS["offers_need"], need_flags),
                (WEIGHTS["serves_stage"], "serves_stage"),
                (1, "region_fit"),
            )
        )
    )
    rows = _ranked(queryset, limit, "-score", "name", "pk")
    return [Match(row, row.score, _supporter_reasons(row, profile)) for row in rows]


def _supporter_reasons(row, profile: InnovationProfile) -> list[str]:
    reasons = []
    offered = _matched(row, "offers", profile.needs)
    if offered:
        reasons.append(
            gettext("offers %(support)s, which this innovation needs")
            % {"support": _supports(offered)}
        )
    shared = _shared_challenges(row, profile)
    if shared:
        reasons.append(
            gettext("also works on %(challenge)s")
            % {"challenge": _names(shared, profile.challenges)}
        )
    if row.shares_theme:
        reasons.append(
            gettext("is interested in %(theme)s") % {"theme": _theme_name(row, profile.themes)}
        )
    if row.serves_stage:
        reasons.append(
            gettext("supports innovations in the %(stage)s stage, like this one")
            % {"stage": _stage(profile.stage)}
        )
    reasons.extend(_works_in(row, profile))
    return reasons


def _works_in(row, profile: InnovationProfile) -> list[str]:
    if not row.region_fit:
        return []
    if row.region_served in profile.regions:
        return [
            gettext("works in %(region)s, where this innovation is active")
            % {"region": _region(row.region_served)}
        ]
    return [gettext("works across %(area)s") % {"area": AREA[row.region_served]}]


def funding_for(innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True) -> list[Match]:
    """Published funding the innovation is eligible for: open or rolling first, then upcoming,
    never closed; by relevance, then deadline.

    Eligible means every restriction the call sets is met. No eligible roles, stages or
    regions means no restriction; when the call names roles, the lead organisation's role
    must be one of them (likewise its stage, and a region that is or covers one of its
    regions). A call that names challenges or themes is meant for those topics, so it must
    share one with the innovation; a call that names none is open to every topic.
    """
    profile = _profile(innovation)
    on = today()
    model = FundingOpportunity
    roles, stages = _Link(model, "eligible_roles"), _Link(model, "stages")
    regions = _Link(model, "regions")
    challenges, themes = _Link(model, "challenges"), _Link(model, "themes")
    local, wide = profile.regions, profile.wider
    queryset = (
        _listed(model.objects.published().not_closed(on), cards)
        .filter(~roles.any() | Exists(roles.rows([profile.organisation_role])))
        .filter(~stages.any() | Exists(stages.rows([profile.stage])))
        .filter(~regions.any() | Exists(regions.rows(sorted(local | wide))))
        .filter((~challenges.any() & ~themes.any()) | _topic_candidates(model, profile))
        .annotate(
            # 0: open now (with a deadline, or rolling); 1: upcoming. Closed never gets here.
            timing_group=Case(
                When(opens_on__gt=on, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
            **_topic_flags(model, profile),
            names_role=roles.has([profile.organisation_role]),
            names_stage=stages.has([profile.stage]),
            region_fit=regions.region_fit(local, wide),
            region_served=regions.first_region(local, wide),
        )
        .annotate(
            score=_score(
                *_topic_terms(profile),
                (WEIGHTS["serves_stage"], "names_stage"),
                (WEIGHTS["names_role"], "names_role"),
                (1, "region_fit"),
            )
        )
    )
    order = ("timing_group", "-score", F("deadline").asc(nulls_last=True), "name", "pk")
    rows = _ranked(queryset, limit, *order)
    return [Match(row, row.score, _funding_reasons(row, profile)) for row in rows]


def _funding_reasons(row, profile: InnovationProfile) -> list[str]:
    reasons = []
    shared = _shared_challenges(row, profile)
    if shared:
        reasons.append(
            gettext("is meant for %(challenge)s")
            % {"challenge": _names(shared, profile.challenges)}
        )
    if row.shares_theme:
        reasons.append(
            gettext("is meant for %(theme)s") % {"theme": _theme_name(row, profile.themes)}
        )
    if not shared and not row.shares_theme:
        # It passed the topic filter without sharing a topic: it names none.
        reasons.append(gettext("is open to work on any challenge"))
    if row.names_role:
        reasons.append(
            gettext("is open to %(roles)s, like this innovation's lead organisation")
            % {"roles": ROLE_PLURAL[profile.organisation_role]}
        )
    else:
        # It passed the role filter without naming the role: it names no role at all.
        reasons.append(gettext("is open to every kind of organisation"))
    if row.names_stage:
        reasons.append(
            gettext("supports the %(stage)s stage, where this innovation is now")
            % {"stage": _stage(profile.stage)}
        )
    if row.region_fit:
        if row.region_served in profile.regions:
            reasons.append(
                gettext("is available in %(region)s, where this innovation is active")
                % {"region": _region(row.region_served)}
            )
        else:
            reasons.append(
                gettext("is available across %(area)s") % {"area": AREA[row.region_served]}
            )
    return reasons


def spaces_for(innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True) -> list[Match]:
    """Published experimentation places (of a published host) for the innovation's challenges
    or themes, in its area: in one of its regions, inside them, or in an area covering them."""
    profile = _profile(innovation)
    local = profile.regions | profile.within  # a place in Limburg serves a Flanders-wide one
    wide = profile.wider
    citizens_matter = _citizens_matter(profile)
    queryset = (
        _listed(ExperimentationSpace.objects.published(), cards)
        .filter(_topic_candidates(ExperimentationSpace, profile))
        .filter(region__in=sorted(local | wide))
        .annotate(
            **_topic_flags(ExperimentationSpace, profile),
            region_fit=_region_fit(
                [(Q(region__in=sorted(local)), local), (Q(region__in=sorted(wide)), wide)]
            ),
            open_bonus=_flag(Q(open_to_citizens=True)) if citizens_matter else _zero(),
        )
        .annotate(
            score=_score(
                *_topic_terms(profile),
                (1, "region_fit"),
                (WEIGHTS["open_to_citizens"], "open_bonus"),
            )
        )
    )
    rows = _ranked(queryset, limit, "-score", "name", "pk")
    return [Match(row, row.score, _space_reasons(row, profile)) for row in rows]


def _space_reasons(row, profile: InnovationProfile) -> list[str]:
    reasons = []
    shared = _shared_challenges(row, profile)
    if shared:
        reasons.append(
            gettext("is listed for %(challenge)s")
            % {"challenge": _names(shared, profile.challenges)}
        )
    if row.shares_theme:
        reasons.append(
            gettext("is listed for %(theme)s") % {"theme": _theme_name(row, profile.themes)}
        )
    # region_fit is 2 for a place in or inside the innovation's regions, 1 for a wider area.
    if row.region_fit and row.region in profile.regions:
        reasons.append(
            gettext("is in %(region)s, where this innovation is active")
            % {"region": _region(row.region)}
        )
    elif row.region_fit == WEIGHTS["region_local"]:
        reasons.append(
            gettext("is in %(region)s, within the area where this innovation is active")
            % {"region": _region(row.region)}
        )
    elif row.region_fit:
        reasons.append(gettext("serves %(area)s") % {"area": AREA[row.region]})
    if row.open_bonus:
        if HelixRole.CITIZEN in profile.partner_roles:
            reasons.append(gettext("is open to citizens, who take part in this innovation"))
        else:
            reasons.append(gettext("is open to citizens"))
    return reasons


def similar_innovations(
    innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True
) -> list[Match]:
    """Other published innovations on the same challenges, then on the same themes.

    There can be tens of thousands of candidates, so they are ranked on keys only (narrow rows
    to sort, read from the `innovation_ranking` index), and first among the innovations that
    share a challenge: most candidates share only a theme and score at most `theme_only_best`,
    so when those sharing a challenge fill the list with higher scores, they are the answer.
    Only the rows returned are then read in full, with the flags that explain them.
    """
    profile = _profile(innovation)
    if limit <= 0:
        return []
    challenges, regions = _Link(Innovation, "challenges"), _Link(Innovation, "regions")
    theme = "challenge__theme_id"
    queryset = (
        _listed(Innovation.objects.published(), cards)
        .exclude(pk=profile.pk)
        .annotate(
            **challenges.each("challenge", profile.challenges),
            # Every candidate shares a theme (sharing a challenge implies sharing its theme):
            # the flag is 1 for every row and needs no second hash of the same links.
            shares_theme=Value(1, output_field=IntegerField()),
            same_stage=_flag(Q(stage=profile.stage)),
            shares_region=regions.has(profile.regions),
            first_theme=challenges.first(profile.themes, lookup=theme),
            shared_region=regions.first(profile.regions, output_field=CharField()),
        )
        .annotate(
            score=_score(
                *_topic_terms(profile),
                (WEIGHTS["serves_stage"], "same_stage"),
                (WEIGHTS["region_local"], "shares_region"),
            )
        )
    )

    def top(candidates: Q) -> list[tuple[int, int]]:
        ranked = queryset.filter(candidates).order_by("-score", "name", "pk")
        return list(ranked.values_list("pk", "score")[:limit])

    best = _top_from_bitsets(profile, limit, queryset)
    if best is None:  # the index is being built by another process
        theme_only_best = (
            WEIGHTS["shared_theme"]
            + WEIGHTS["serves_stage"]
            + (WEIGHTS["region_local"] if profile.regions else 0)
        )
        best = top(challenges.owners_of(profile.challenges))
        if len(best) < limit or best[-1][1] <= theme_only_best:
            best = top(challenges.owners_of(profile.themes, lookup=theme))
    rows = queryset.in_bulk([pk for pk, _score in best])
    return [
        Match(rows[pk], rows[pk].score, _innovation_reasons(rows[pk], profile))
        for pk, _score in best
    ]


def _top_from_bitsets(profile: InnovationProfile, limit: int, queryset):
    """The best (pk, score) pairs of the similar-innovations ranking, from the innovation
    list's facet index (hubsi/facet_index.py), or None while it is being built.

    Every criterion is a bitset of published innovations: each shared challenge, the themes
    (every candidate), the stage, a shared region. Each combination of criteria is one score,
    so the candidates fall into a few score groups, best first; only the groups needed to fill
    the list are ordered by name, in one query. The SQL ranking gives the same answer
    (tests/test_matching.py compares them).
    """
    index = facet_index.get(
        InnovationFilterSet, Innovation.objects.published(), InnovationFilterSet.bitset_order
    )
    if index is None:
        return None
    candidates = 0
    for slug in profile.theme_slugs.values():
        candidates |= index.bits.get(("theme", slug), 0)
    position = index.positions().get(profile.pk)
    if position is not None:
        candidates &= ~(1 << position)
    shared_region = 0
    for code in profile.regions:
        shared_region |= index.bits.get(("region:exact", code), 0)
    criteria = [
        *(
            (WEIGHTS["shared_challenge"], index.bits.get(("challenge", slug), 0))
            for slug in profile.challenge_slugs.values()
        ),
        (WEIGHTS["serves_stage"], index.bits.get(("stage", profile.stage), 0)),
        (WEIGHTS["region_local"], shared_region),
    ]
    groups: dict[int, int] = {}
    for combination in range(1 << len(criteria)):
        bits, score = candidates, WEIGHTS["shared_theme"]
        for number, (weight, criterion) in enumerate(criteria):
            if combination >> number & 1:
                bits &= criterion
                score += weight
            else:
                bits &= ~criterion
        if bits:
            groups[score] = groups.get(score, 0) | bits
    needed, found = {}, 0
    for score in sorted(groups, reverse=True):
        needed[score] = groups[score]
        found += groups[score].bit_count()
        if found >= limit:
            break
    if not needed:
        return []
    group_pks = {
        score: index.pks_between(bits, 0, bits.bit_count()) for score, bits in needed.items()
    }
    ranked = (
        Innovation.objects.published()
        .filter(pk__in=[pk for pks in group_pks.values() for pk in pks])
        .annotate(
            group_score=Case(
                *(When(pk__in=pks, then=Value(score)) for score, pks in group_pks.items()),
                output_field=IntegerField(),
            )
        )
        .order_by("-group_score", "name", "pk")
        .values_list("pk", "group_score")[:limit]
    )
    return list(ranked)


def _innovation_reasons(row, profile: InnovationProfile) -> list[str]:
    reasons = []
    shared = _shared_challenges(row, profile)
    if shared:
        reasons.append(
            gettext("also works on %(challenge)s")
            % {"challenge": _names(shared, profile.challenges)}
        )
    elif row.shares_theme:
        # Every shared challenge shares its theme: the theme is news only without one.
        reasons.append(
            gettext("works on another challenge in %(theme)s")
            % {"theme": _theme_name(row, profile.themes)}
        )
    if row.same_stage:
        reasons.append(gettext("is also in the %(stage)s stage") % {"stage": _stage(profile.stage)})
    if row.shares_region:
        reasons.append(
            gettext("is also active in %(region)s") % {"region": _region(row.shared_region)}
        )
    return reasons


def unusual_partners(innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True) -> list[Match]:
    """Unusual partnerships: published supporters of a helix role the innovation does not have
    yet (neither its lead organisation's nor one of its partners'), working on its challenges
    or their themes. Roles it is looking for come first."""
    profile = _profile(innovation)
    present = sorted(profile.partner_roles | {profile.organisation_role})
    wanted = sorted(profile.wanted_roles)
    regions = _Link(Supporter, "regions")
    local, wide = profile.regions, profile.wider
    queryset = (
        _listed(Supporter.objects.published(), cards)
        .exclude(helix_role__in=present)
        .filter(_topic_candidates(Supporter, profile))
        .annotate(
            **_topic_flags(Supporter, profile),
            wanted=_flag(Q(helix_role__in=wanted)) if wanted else _zero(),
            region_fit=regions.region_fit(local, wide),
            region_served=regions.first_region(local, wide),
        )
        .annotate(
            score=_score(
                *_topic_terms(profile),
                (WEIGHTS["wanted_role"], "wanted"),
                (1, "region_fit"),
            )
        )
    )
    rows = _ranked(queryset, limit, "-score", "name", "pk")
    return [Match(row, row.score, _partner_reasons(row, profile)) for row in rows]


def _partner_reasons(row, profile: InnovationProfile) -> list[str]:
    role = ROLE_WITH_ARTICLE[row.helix_role]
    shared = _shared_challenges(row, profile)
    if shared:
        reasons = [
            gettext(
                "%(role)s, a role not yet in this partnership, that also works on %(challenge)s"
            )
            % {"role": role, "challenge": _names(shared, profile.challenges)}
        ]
    else:
        # Every candidate shares a challenge or a theme: without a challenge, it is a theme.
        reasons = [
            gettext("%(role)s, a role not yet in this partnership, interested in %(theme)s")
            % {"role": role, "theme": _theme_name(row, profile.themes)}
        ]
    if row.wanted:
        reasons.append(
            gettext("this innovation is looking for %(roles)s as partners")
            % {"roles": ROLE_PLURAL[row.helix_role]}
        )
    reasons.extend(_works_in(row, profile))
    return reasons


# --- For a supporter ------------------------------------------------------------------------


def innovations_for_supporter(supporter: Supporter, limit: int = DEFAULT_LIMIT) -> list[Match]:
    """Published innovations that need what the supporter offers, in its challenges or themes,
    ranked by what they share, the stages it serves and the regions it works in.

    When the supporter offers something, a candidate needs at least one of its offers; when
    it lists challenges or themes, a candidate works on one of them. A supporter that lists
    neither gets no suggestions rather than arbitrary ones.
    """
    profile = SupporterProfile.of(supporter)
    if not profile.offers and not (profile.challenges or profile.themes):
        return []
    needs, regions = _Link(Innovation, "needs"), _Link(Innovation, "regions")
    challenges = _Link(Innovation, "challenges")
    theme = "challenge__theme_id"
    need_flags = needs.each("needs", profile.offers)
    challenge_flags = challenges.each("challenge", profile.challenges)
    # An innovation's region matches when the supporter serves it, or an area covering it.
    local, wide = profile.regions, profile.within
    queryset = Innovation.objects.published().for_listing()
    if profile.offers:
        queryset = queryset.filter(needs.owners_of(profile.offers))
    if profile.challenges or profile.themes:
        queryset = queryset.filter(
            _any_of(
                challenges.owners_of(profile.challenges),
                challenges.owners_of(profile.themes, lookup=theme),
            )
        )
    queryset = queryset.annotate(
        **need_flags,
        **challenge_flags,
        shares_theme=challenges.has(profile.themes, lookup=theme),
        in_stage=_flag(Q(stage__in=sorted(profile.stages))) if profile.stages else _zero(),
        region_fit=regions.region_fit(local, wide),
        first_theme=challenges.first(profile.themes, lookup=theme),
        region_served=regions.first_region(local, wide),
    ).annotate(
        score=_score(
            *_weighted(WEIGHTS["offers_need"], need_flags),
            *_weighted(WEIGHTS["shared_challenge"], challenge_flags),
            (WEIGHTS["shared_theme"], "shares_theme"),
            (WEIGHTS["serves_stage"], "in_stage"),
            (1, "region_fit"),
        )
    )
    rows = _ranked(queryset, limit, "-score", "name", "pk")
    return [Match(row, row.score, _supporter_side_reasons(row, profile)) for row in rows]


def _supporter_side_reasons(row, profile: SupporterProfile) -> list[str]:
    reasons = []
    needed = _matched(row, "needs", profile.offers)
    if needed:
        reasons.append(
            gettext("needs %(support)s, which this supporter offers")
            % {"support": _supports(needed)}
        )
    shared = _matched(row, "challenge", profile.challenges)
    if shared:
        reasons.append(
            gettext("works on %(challenge)s") % {"challenge": _names(shared, profile.challenges)}
        )
    if row.shares_theme:
        reasons.append(
            gettext("works on a challenge in %(theme)s")
            % {"theme": _theme_name(row, profile.themes)}
        )
    if row.in_stage:
        reasons.append(
            gettext("is in the %(stage)s stage, which this supporter serves")
            % {"stage": _stage(row.stage)}
        )
    if row.region_fit:
        if row.region_served in profile.regions:
            text = gettext("is active in %(region)s, where this supporter works")
        else:
            text = gettext("is active in %(region)s, within the area this supporter serves")
        reasons.append(text % {"region": _region(row.region_served)})
    return reasons
