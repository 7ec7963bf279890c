"""Supporters register and edit their organisation profile and their experimentation places
on the self-service engine (hubsi/selfservice/): the declarations of the two kinds.

A profile belongs to its managers, who invite co-managers. A place belongs to the managers of
its host: it has no invitations, and a new place asks which of the person's profiles hosts it.
"""

from django.utils.translation import gettext_lazy

from hubsi.kinds import Check, Kind, Step, register
from supporters.forms import AccessForm, NewPlaceForm, OfferForm, OrganisationForm, PlaceForm
from supporters.models import ExperimentationSpace, Supporter

SUPPORTER_STEPS = (
    Step(
        "organisation",
        gettext_lazy("Your organisation"),
        OrganisationForm,
        gettext_lazy("Who you are, what you do, and how innovators and curators reach you."),
    ),
    Step(
        "offer",
        gettext_lazy("Your offer"),
        OfferForm,
        gettext_lazy(
            "The support you offer, to innovations at which stage, on which challenges and "
            "themes, and where. Innovators are matched with you on these answers."
        ),
    ),
)

SPACE_STEPS = (
    Step(
        "place",
        gettext_lazy("The place"),
        PlaceForm,
        gettext_lazy("What the place is, where it is and what it offers."),
    ),
    Step(
        "access",
        gettext_lazy("Access"),
        AccessForm,
        gettext_lazy("Who may use it and how, and which themes and challenges it suits."),
    ),
)

# What the dashboard asks for when it is missing or thin: what matching reads.
SUPPORTER_CHECKS = (
    Check(
        "offers",
        "offer",
        gettext_lazy("Choose the kinds of support you offer: innovators are matched on them."),
    ),
    Check(
        "challenges",
        "offer",
        gettext_lazy("Choose the challenges you work on: innovations on them will find you."),
    ),
    Check("stages", "offer", gettext_lazy("Say at which stages you support innovations.")),
    Check("regions", "offer", gettext_lazy("Add the regions where you offer support.")),
    Check(
        "description",
        "organisation",
        gettext_lazy("Describe your organisation."),
        weak=gettext_lazy("Describe your organisation in more detail: what you do and for whom."),
        min_length=120,
    ),
)
SPACE_CHECKS = (
    Check(
        "challenges",
        "access",
        gettext_lazy("Choose the challenges the place suits: innovations on them will find it."),
    ),
    Check("themes", "access", gettext_lazy("Choose the themes the place suits.")),
    Check("facilities", "place", gettext_lazy("Describe the facilities of the place.")),
)


def host_choices(request) -> dict | None:
    """A new place is hosted by one of the person's organisation profiles (any status); with
    none, the page explains that the profile comes first (`space_cannot_start.html`)."""
    hosts = Supporter.objects.owned_by(request.user).order_by("name", "pk")
    return {"hosts": hosts} if hosts.exists() else None


# Registered when the app is ready (SupportersConfig.ready imports this module).
SUPPORTER = register(
    Kind(
        model=Supporter,
        namespace="supporters",
        name="supporter",
        path="supporters",
        steps=SUPPORTER_STEPS,
        prefetch=("offers", "stages", "challenges", "themes", "regions"),
        invite_label=gettext_lazy("Invite a co-manager"),
        organisation_lookup="name",
        checks=SUPPORTER_CHECKS,
    )
)
SPACE = register(
    Kind(
        model=ExperimentationSpace,
        namespace="supporters",
        name="space",
        path="spaces",
        steps=SPACE_STEPS,
        prefetch=("themes", "challenges"),
        select_related=("host",),
        preview_fields=("host_id",),
        organisation_lookup="host__name",
        new_form_class=NewPlaceForm,
        new_form_kwargs=host_choices,
        checks=SPACE_CHECKS,
    )
)
