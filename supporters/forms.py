"""The steps of the supporter profile and of an experimentation place. Field names are the
model's; each step saves on its own, through the self-service engine (hubsi/selfservice/,
hubsi/services.py)."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from hubsi.selfservice.forms import (
    LogoStepForm,
    StepForm,
    contact_email_field,
    model_field,
    textarea,
    website_field,
)
from innovations.forms import ChallengesMixin
from supporters.models import ExperimentationSpace, Supporter

supporter_field = partial(model_field, Supporter)
space_field = partial(model_field, ExperimentationSpace)


def challenges_field(label, help_text) -> forms.Field:
    return forms.TypedMultipleChoiceField(
        label=label, help_text=help_text, coerce=int, required=False
    )


# Supporter profile ---------------------------------------------------------------------------


class OrganisationForm(LogoStepForm):
    name = supporter_field(
        "name",
        label=_("Name of your organisation"),
        help_text=_("As people know it. You can change it later."),
    )
    helix_role = supporter_field(
        "helix_role",
        label=_("What kind of organisation are you?"),
        help_text=_("Innovators look for unusual partnerships across the quintuple helix."),
        widget=forms.RadioSelect,
    )
    description = supporter_field(
        "description",
        label=_("What does your organisation do?"),
        help_text=_("In a few sentences: who you are and how you help social innovators."),
        widget=textarea(8),
    )
    website = website_field(Supporter)
    contact_email = contact_email_field(
        Supporter,
        _(
            "Never shown publicly. Innovators who want your support write through the "
            "platform; you decide whether to share it."
        ),
    )

    field_order = ["name", "helix_role", "description", "website", "logo", "remove_logo"]


class OfferForm(ChallengesMixin, StepForm):
    offers = supporter_field(
        "offers",
        label=_("What support do you offer?"),
        help_text=_("We show your profile to innovators who need it."),
        required=True,
        error_messages={"required": _("Choose at least one kind of support.")},
    )
    stages = supporter_field(
        "stages",
        label=_("At which stages of an innovation do you help?"),
        help_text=_("Choose every stage that applies."),
    )
    challenges = challenges_field(
        _("Which societal challenges interest you?"),
        _("Optional. Innovators working on these challenges will find you."),
    )
    themes = supporter_field(
        "themes",
        label=_("Which themes interest you?"),
        help_text=_("Optional. Choose every theme that applies."),
    )
    regions = supporter_field(
        "regions",
        label=_("Where do you offer support?"),
        help_text=_("Choose every region that applies."),
        required=True,
        error_messages={"required": _("Choose at least one region.")},
    )


# Experimentation place -----------------------------------------------------------------------


class PlaceForm(StepForm):
    name = space_field(
        "name",
        label=_("Name of the experimentation place"),
        help_text=_("As people know it. You can change it later."),
    )
    description = space_field(
        "description",
        label=_("What is the place, and what can be tested there?"),
        widget=textarea(8),
    )
    municipality = space_field("municipality", label=_("Municipality"))
    region = space_field("region", label=_("Region"), widget=forms.RadioSelect)
    facilities = space_field(
        "facilities",
        label=_("Facilities"),
        help_text=_("Optional. Rooms, equipment, data, guidance: what is there to use."),
        widget=textarea(5),
    )


class NewPlaceForm(PlaceForm):
    """Step one of a new place: which of the user's organisations hosts it, then the place."""

    host = forms.ModelChoiceField(
        label=_("Which organisation hosts the place?"),
        help_text=_("The managers of this organisation profile manage the place as well."),
        queryset=Supporter.objects.none(),
        empty_label=None,
    )

    field_order = ["host"]

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if hosts is not None:
            self.fields["host"].queryset = hosts


class AccessForm(ChallengesMixin, StepForm):
    access = space_field(
        "access",
        label=_("Who may use it, and how?"),
        help_text=_("Conditions, costs and how to apply."),
        required=True,
        widget=textarea(6),
    )
    open_to_citizens = space_field(
        "open_to_citizens", label=_("Citizens may use it as well, not only organisations")
    )
    themes = space_field(
        "themes",
        label=_("Which themes does it suit?"),
        help_text=_("Optional. Choose every theme that applies."),
    )
    challenges = challenges_field(
        _("Which societal challenges can be tested there?"),
        _("Optional. Innovators working on these challenges will find the place."),
    )
