"""Small factories for tests: plain functions with sensible defaults, published unless told."""

import itertools

from django.utils import timezone, translation

from accounts.models import User
from front.models import TARGET_FIELD, StoredMatch
from funding.models import FundingOpportunity
from hubsi.models import Status
from hubsi.search import update_search_vector
from innovations.models import Challenge, Innovation, Theme
from learning.models import LearningOffer, Practice, PracticeApplication
from supporters.models import ExperimentationSpace, Supporter

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def _published(status: str) -> dict:
    return {
        "status": status,
        "published_at": timezone.now() if status == Status.PUBLISHED else None,
    }


def make_user(email: str | None = None, *, password: str = "a-long-test-password", **extra):
    # As at sign-up: the account's language of emails is the interface language in use.
    extra.setdefault("language", translation.get_language() or "nl")
    return User.objects.create_user(email or f"user{_n()}@example.org", password, **extra)


def make_theme(**fields) -> Theme:
    n = _n()
    defaults = {"name_nl": f"Thema {n}", "name_en": f"Theme {n}", "slug": f"theme-{n}"}
    return Theme.objects.create(**{**defaults, **fields})


def make_challenge(theme: Theme | None = None, **fields) -> Challenge:
    n = _n()
    defaults = {
        "name_nl": f"Uitdaging {n}",
        "name_en": f"Challenge {n}",
        "slug": f"challenge-{n}",
        "theme": theme or make_theme(),
    }
    return Challenge.objects.create(**{**defaults, **fields})


def make_innovation(
    *,
    challenges=(),
    regions=(),
    partner_roles=(),
    needs=(),
    wanted_roles=(),
    owners=(),
    status: str = Status.PUBLISHED,
    **fields,
) -> Innovation:
    n = _n()
    defaults = {
        "name": f"Innovatie {n}",
        "slug": f"innovation-{n}",
        "organisation_name": f"Organisatie {n}",
        "organisation_role": "civil_society",
        "problem": "Huurders in slecht geïsoleerde woningen betalen te veel voor energie.",
        "stage": "insight",
        **_published(status),
    }
    innovation = Innovation.objects.create(**{**defaults, **fields})
    innovation.challenges.set(challenges or [make_challenge()])
    innovation.regions.set(regions)
    innovation.partner_roles.set(partner_roles)
    innovation.needs.set(needs)
    innovation.wanted_roles.set(wanted_roles)
    innovation.owners.set(owners)
    update_search_vector(innovation)  # as services and the admin do after saving
    return innovation


def make_supporter(
    *,
    offers=(),
    stages=(),
    challenges=(),
    themes=(),
    regions=(),
    managers=(),
    status: str = Status.PUBLISHED,
    **fields,
) -> Supporter:
    n = _n()
    defaults = {
        "name": f"Ondersteuner {n}",
        "slug": f"supporter-{n}",
        "helix_role": "knowledge",
        "description": "Wij begeleiden sociale innovatoren.",
        **_published(status),
    }
    supporter = Supporter.objects.create(**{**defaults, **fields})
    supporter.offers.set(offers)
    supporter.stages.set(stages)
    supporter.challenges.set(challenges)
    supporter.themes.set(themes)
    supporter.regions.set(regions)
    supporter.managers.set(managers)
    update_search_vector(supporter)  # as services and the admin do after saving
    return supporter


def make_space(
    *, host=None, themes=(), challenges=(), status: str = Status.PUBLISHED, **fields
) -> ExperimentationSpace:
    n = _n()
    defaults = {
        "name": f"Experimenteerplek {n}",
        "slug": f"space-{n}",
        "description": "Een plek om samen met bewoners te testen.",
        "municipality": "Genk",
        "region": "limburg",
        "host": host or make_supporter(),
        **_published(status),
    }
    space = ExperimentationSpace.objects.create(**{**defaults, **fields})
    space.themes.set(themes)
    space.challenges.set(challenges)
    update_search_vector(space)  # as services and the admin do after saving
    return space


def make_funding(
    *,
    eligible_roles=(),
    stages=(),
    challenges=(),
    themes=(),
    regions=(),
    status: str = Status.PUBLISHED,
    **fields,
) -> FundingOpportunity:
    n = _n()
    defaults = {
        "name": f"Oproep {n}",
        "slug": f"funding-{n}",
        "funder_name": "Europa WSE",
        "instrument": "grant",
        **_published(status),
    }
    funding = FundingOpportunity.objects.create(**{**defaults, **fields})
    funding.eligible_roles.set(eligible_roles)
    funding.stages.set(stages)
    funding.challenges.set(challenges)
    funding.themes.set(themes)
    funding.regions.set(regions)
    update_search_vector(funding)  # as services and the admin do after saving
    return funding


def make_learning_offer(
    *,
    provider=None,
    competences=("co_creation",),
    stages=(),
    challenges=(),
    themes=(),
    regions=(),
    audiences=(),
    status: str = Status.PUBLISHED,
    **fields,
) -> LearningOffer:
    n = _n()
    defaults = {
        "name": f"Leertraject {n}",
        "slug": f"learning-{n}",
        "description": "Samen leren experimenteren met bewoners.",
        "format": "workshop",
        "provider": provider or make_supporter(),
        "registration_url": "https://www.example.org/inschrijven",
        **_published(status),
    }
    offer = LearningOffer.objects.create(**{**defaults, **fields})
    offer.competences.set(competences)
    offer.stages.set(stages)
    offer.challenges.set(challenges)
    offer.themes.set(themes)
    offer.regions.set(regions)
    offer.audiences.set(audiences)
    update_search_vector(offer)  # as services and the admin do after saving
    return offer


def make_practice(
    *, roles=(), instruments=(), stages=(), challenges=(), themes=(), applied_by=(), **fields
) -> Practice:
    """A practice in both languages; `applied_by` innovations are confirmed links."""
    n = _n()
    defaults = {
        "slug": f"practice-{n}",
        "name_nl": f"Werkwijze {n}",
        "name_en": f"Practice {n}",
        "summary_nl": "Een overheid werkt samen met sociale innovatoren.",
        "summary_en": "A government works with social innovators.",
        "what_nl": "Wat het is.",
        "what_en": "What it is.",
    }
    practice = Practice.objects.create(**{**defaults, **fields})
    practice.roles.set(roles)
    practice.instruments.set(instruments)
    practice.stages.set(stages)
    practice.challenges.set(challenges)
    practice.themes.set(themes)
    for innovation in applied_by:
        PracticeApplication.objects.create(practice=practice, innovation=innovation, confirmed=True)
    return practice


def verify_email(user: User) -> User:
    """Give the user a verified allauth address: submitting and accepting invitations need it."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def make_draft_innovation(*, owners=(), regions=("limburg",), **fields) -> Innovation:
    """A complete draft (every step answered), ready to be submitted by its owners."""
    fields["regions"] = regions
    defaults = {
        "systemic_view": "Slecht geïsoleerde huurwoningen, eigenaars die niet investeren.",
        "approach": "Huurders isoleren samen, met vrijwilligers uit de buurt.",
        "status": Status.DRAFT,
    }
    return make_innovation(owners=owners, **{**defaults, **fields})


def make_stored_match(innovation, section, target, *, rank=1, found_at=None) -> StoredMatch:
    """A suggestion as the matches' refresh stores it; `found_at` defaults to now. It takes
    the place of what a refresh stored at that rank (committed tests run the refresh)."""
    StoredMatch.objects.filter(innovation=innovation, section=section, rank=rank).delete()
    return StoredMatch.objects.create(
        innovation=innovation,
        section=section,
        rank=rank,
        score=10,
        found_at=found_at or timezone.now(),
        **{TARGET_FIELD[section]: target},
    )
