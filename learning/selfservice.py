"""Providers register and edit their learning offers on the self-service engine
(hubsi/selfservice/): the declaration of the kind.

An offer belongs to the managers of its provider, a supporter profile: it has no invitations
of its own, and a new offer asks which of the person's published profiles provides it.
"""

from django.utils.translation import gettext_lazy

from hubsi.kinds import Check, Kind, Step, register
from learning.forms import NewOfferForm, OfferForm, PracticalForm
from learning.models import LearningOffer
from supporters.models import Supporter

LEARNING_STEPS = (
    Step(
        "offer",
        gettext_lazy("The offer"),
        OfferForm,
        gettext_lazy(
            "What participants learn, which competences it strengthens and for whom. "
            "Innovations are matched with your offer on these answers."
        ),
    ),
    Step(
        "practical",
        gettext_lazy("Dates and registration"),
        PracticalForm,
        gettext_lazy("When and where it takes place, what it costs and where people register."),
    ),
)

# What the dashboard asks for when it is missing: what matching with innovations reads.
LEARNING_CHECKS = (
    Check(
        "challenges",
        "offer",
        gettext_lazy("Choose the challenges it is about: innovations on them will see it."),
    ),
    Check("stages", "offer", gettext_lazy("Say for which stages of an innovation it is.")),
    Check("audiences", "offer", gettext_lazy("Say who it is for.")),
)


def provider_choices(request) -> dict | None:
    """A new offer is provided by one of the person's published organisation profiles; with
    none, the page explains that a published profile comes first (`offer_cannot_start.html`)."""
    providers = Supporter.objects.owned_by(request.user).published().order_by("name", "pk")
    return {"providers": providers} if providers.exists() else None


# Registered when the app is ready (LearningConfig.ready imports this module).
LEARNING_OFFER = register(
    Kind(
        model=LearningOffer,
        namespace="learning",
        name="offer",
        path="learning",
        steps=LEARNING_STEPS,
        prefetch=("competences", "audiences", "stages", "challenges", "themes", "regions"),
        select_related=("provider", "space"),
        dashboard_order=("start_date", "name", "pk"),
        preview_fields=("provider_id",),
        new_form_class=NewOfferForm,
        new_form_kwargs=provider_choices,
        organisation_lookup="provider__name",
        checks=LEARNING_CHECKS,
    )
)
