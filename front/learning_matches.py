"""Matching learning offers: which offers fit an innovation, and how many innovations a
provider's offers fit. The same building blocks and rules as front/matching.py (one ranking
query, integer flags annotated in the database, explanations from the returned rows' flags
only); kept beside it so that neither module outgrows a screenful of contents.

Weights and the needs-to-competences table are documented in docs/matching.md.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext

from front.matching import (
    AREA,
    DEFAULT_LIMIT,
    WEIGHTS,
    InnovationProfile,
    Match,
    _any_of,
    _flag,
    _Link,
    _listed,
    _lower_first,
    _matched,
    _names,
    _profile,
    _ranked,
    _region,
    _score,
    _stage,
    _theme_name,
    _topic_candidates,
    _topic_flags,
    _topic_terms,
    _weighted,
    _zero,
)
from hubsi.vocabulary import Competence, LearningFormat, SupportType
from innovations.models import Innovation
from learning.models import LearningOffer, today

# What an innovation needs (support types) that a learning offer strengthens (competences).
NEED_COMPETENCES: dict[str, tuple[str, ...]] = {
    SupportType.SCALING: (Competence.SCALING,),
    SupportType.FUNDING: (Competence.BUSINESS_MODEL,),
    SupportType.NETWORK: (Competence.PARTNERSHIPS,),
    SupportType.PROCUREMENT: (Competence.POLICY,),
    SupportType.KNOWLEDGE: (Competence.IMPACT, Competence.SYSTEMS_THINKING),
    SupportType.VISIBILITY: (Competence.IMPACT,),
    SupportType.SPACE: (Competence.EXPERIMENTATION,),
}
# Weights of the flags only learning offers have (the others are front/matching.WEIGHTS).
LEARNING_WEIGHTS = {
    "fits_need": 3,  # per competence it strengthens that one of the innovation's needs asks
    "is_training": 2,  # any offer, when the innovation needs training and skills
    "is_coaching": 3,  # a coaching track, when the innovation needs coaching
    "online": 1,  # online: open from anywhere, when it is in none of the innovation's regions
}


def needed_competences(needs) -> list[str]:
    """The competences the innovation's needs ask for, in the vocabulary's order."""
    wanted = {code for need in needs for code in NEED_COMPETENCES.get(need, ())}
    return [code for code in Competence.values if code in wanted]


def learning_for(innovation, limit: int = DEFAULT_LIMIT, *, cards: bool = True) -> list[Match]:
    """Published, not past learning offers that fit the innovation: on its challenges or their
    themes, for its stage, or strengthening a competence it needs (or any, when it needs
    training); in its area or online. Ranked by what they share; sooner ones first on a tie."""
    profile = _profile(innovation)
    competences = needed_competences(profile.needs)
    needs_training = SupportType.TRAINING in profile.needs
    needs_coaching = SupportType.COACHING in profile.needs
    links = {name: _Link(LearningOffer, name) for name in ("competences", "stages", "regions")}
    local, wide = profile.regions, profile.wider
    fits = [
        _topic_candidates(LearningOffer, profile),
        links["stages"].owners_of([profile.stage]),
        links["competences"].owners_of(competences),
    ]
    if needs_training:
        fits.append(Q(pk__isnull=False))
    if needs_coaching:
        fits.append(Q(format=LearningFormat.COACHING_TRACK))
    competence_flags = links["competences"].each("competence", competences)
    queryset = (
        _listed(LearningOffer.objects.published().current(), cards)
        .filter(_any_of(*fits))
        .filter(
            Q(online=True)
            | ~links["regions"].any()
            | links["regions"].owners_of(sorted(local | wide))
        )
        .annotate(
            **_topic_flags(LearningOffer, profile),
            **competence_flags,
            serves_stage=links["stages"].has([profile.stage]),
            is_training=_flag(Q(pk__isnull=False)) if needs_training else _zero(),
            is_coaching=(
                _flag(Q(format=LearningFormat.COACHING_TRACK)) if needs_coaching else _zero()
            ),
            region_fit=links["regions"].region_fit(local, wide),
            region_served=links["regions"].first_region(local, wide),
        )
        .annotate(
            online_fit=_flag(Q(online=True, region_fit=0)),
            score=_score(
                *_topic_terms(profile),
                *_weighted(LEARNING_WEIGHTS["fits_need"], competence_flags),
                (WEIGHTS["serves_stage"], "serves_stage"),
                (LEARNING_WEIGHTS["is_training"], "is_training"),
                (LEARNING_WEIGHTS["is_coaching"], "is_coaching"),
                (1, "region_fit"),
            ),
        )
    )
    rows = _ranked(queryset, limit, "-score", "start_date", "name", "pk")
    return [Match(row, row.score, learning_reasons(row, profile)) for row in rows]


def learning_key(profile: InnovationProfile) -> tuple:
    """What `learning_for` reads of the innovation (see `matching.supporters_key`)."""
    return (
        tuple(profile.challenges),
        tuple(profile.themes),
        profile.needs,
        profile.stage,
        profile.regions,
        profile.wider,
        today(),
    )


def learning_reasons(row, profile: InnovationProfile) -> list[str]:
    reasons = []
    if row.serves_stage:
        reasons.append(
            gettext("for innovations in the %(stage)s stage, like this one")
            % {"stage": _stage(profile.stage)}
        )
    strengthened = _matched(row, "competence", needed_competences(profile.needs))
    if strengthened:
        reasons.append(
            gettext("about %(competence)s, which this innovation needs")
            % {"competence": ", ".join(_lower_first(Competence(c).label) for c in strengthened)}
        )
    elif row.is_training:
        reasons.append(gettext("builds skills, which this innovation needs"))
    if row.is_coaching:
        reasons.append(gettext("a coaching track, and this innovation needs coaching"))
    shared = _matched(row, "challenge", profile.challenges)
    if shared:
        reasons.append(
            gettext("about %(challenge)s") % {"challenge": _names(shared, profile.challenges)}
        )
    if row.shares_theme:
        reasons.append(gettext("about %(theme)s") % {"theme": _theme_name(row, profile.themes)})
    if row.region_fit and row.region_served in profile.regions:
        reasons.append(
            gettext("in %(region)s, where this innovation is active")
            % {"region": _region(row.region_served)}
        )
    elif row.region_fit:
        reasons.append(gettext("open to %(area)s") % {"area": AREA[row.region_served]})
    if row.online_fit:
        reasons.append(gettext("online, so open from anywhere"))
    return reasons


def innovations_fitting_offers(offers) -> int:
    """How many published innovations the given learning offers fit, each counted once: the
    same candidates as `learning_for` seen from the other side (a shared challenge or theme, a
    stage served, a competence one of its needs asks for, training needed). Region is left
    out: it refines the ranking, not the reach. One count query for all the offers, their
    links read from what the caller prefetched."""
    fitting = fitting_offers(offers)
    if fitting is None:
        return 0
    return Innovation.objects.published().filter(fitting).count()


def fitting_offers(offers) -> Q | None:
    """The innovations the offers fit (see `innovations_fitting_offers`), as a filter; None
    when they fit none. The refresh of stored matches narrows to these after an offer
    changes (front/stored_matches.py)."""
    challenges = _Link(Innovation, "challenges")
    needs = _Link(Innovation, "needs")
    conditions = []
    for offer in offers:
        competences = {c.code for c in offer.competences.all()}
        asked = [need for need, codes in NEED_COMPETENCES.items() if competences & set(codes)]
        conditions += [
            challenges.owners_of([c.pk for c in offer.challenges.all()]),
            challenges.owners_of([t.pk for t in offer.themes.all()], lookup="challenge__theme_id"),
            Q(stage__in=[s.code for s in offer.stages.all()]),
            needs.owners_of([*asked, SupportType.TRAINING]),
        ]
        if offer.format == LearningFormat.COACHING_TRACK:
            conditions.append(needs.owners_of([SupportType.COACHING]))
    if not conditions:
        return None
    return _any_of(*conditions)
