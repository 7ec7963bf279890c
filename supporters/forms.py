"""The steps of the supporter profile and of an experimentation place. Field names are the
model's; each step saves on its own, through the same machinery as innovations
(hubsi/selfservice.py, hubsi/services.py)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from hubsi.images import LogoField
from hubsi.selfservice import StepForm
from innovations.forms import ProblemForm, challenge_choices, textarea
from innovations.models import Theme
from supporters.models import ExperimentationSpace, Supporter


def model_field(model: type[models.Model], name: str, **overrides) -> forms.Field:
    """The form field Django makes for the model field, with our labels and widgets."""
    field = model._meta.get_field(name)
    if field.many_to_many:
        overrides.setdefault("widget", forms.CheckboxSelectMultiple)
    formfield = field.formfield(**overrides)
    if isinstance(formfield, forms.TypedChoiceField):
        # No empty "---------" choice on radio buttons.
        formfield.choices = [choice for choice in formfield.choices if choice[0]]
    return formfield


def supporter_field(name: str, **overrides) -> forms.Field:
    return model_field(Supporter, name, **overrides)


def space_field(name: str, **overrides) -> forms.Field:
    return model_field(ExperimentationSpace, name, **overrides)


class ChallengesMixin:
    """Challenges grouped by theme, shown with innovations/innovation_form_challenges.html."""

    challenge_groups = ProblemForm.challenge_groups

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenges"].choices = challenge_choices()
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.active()


def challenges_field(label, help_text) -> forms.Field:
    return forms.TypedMultipleChoiceField(
        label=label, help_text=help_text, coerce=int, required=False
    )


# Supporter profile ---------------------------------------------------------------------------


class OrganisationForm(StepForm):
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
    website = supporter_field(
        "website",
        label=_("Website"),
        help_text=_("For example https://www.example.org"),
        assume_scheme="https",
    )
    logo = LogoField(label=_("Logo"))
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    contact_email = supporter_field(
        "contact_email",
        label=_("Email address for contact requests"),
        help_text=_(
            "Never shown publicly. Innovators who want your support write through the "
            "platform; you decide whether to share it."
        ),
    )

    def valid_changes(self) -> dict:
        changes = super().valid_changes()
        remove = changes.pop("remove_logo", False)
        if changes.get("logo") is None:
            changes.pop("logo", None)
            if remove:
                changes["logo"] = ""
        return changes


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
