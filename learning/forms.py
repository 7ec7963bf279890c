"""The steps of a learning offer: what it is and for whom, then when, where and how to
register. Field names are the model's; each step saves on its own, through the self-service
engine (hubsi/selfservice/, hubsi/services.py)."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from hubsi.selfservice.forms import StepForm, model_field, textarea
from innovations.forms import ChallengesMixin
from learning.models import LearningOffer
from supporters.forms import challenges_field
from supporters.models import ExperimentationSpace, Supporter

offer_field = partial(model_field, LearningOffer)


def date_input() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def time_input() -> forms.TimeInput:
    return forms.TimeInput(format="%H:%M", attrs={"type": "time"})


class OfferForm(ChallengesMixin, StepForm):
    name = offer_field(
        "name",
        label=_("Name of the learning offer"),
        help_text=_("As people will look for it. You can change it later."),
    )
    language = offer_field(
        "language",
        label=_("In which language is it given?"),
        widget=forms.RadioSelect,
        help_text="",
    )
    format = offer_field("format", label=_("Format"), widget=forms.RadioSelect)
    description = offer_field(
        "description",
        label=_("What will participants learn, and how?"),
        help_text=_("In a few sentences: the content, the way of working and what it takes."),
        widget=textarea(8),
    )
    competences = offer_field(
        "competences",
        label=_("Which competences does it strengthen?"),
        help_text=_("Choose every competence that applies."),
        required=True,
        error_messages={"required": _("Choose at least one competence.")},
    )
    audiences = offer_field(
        "audiences",
        label=_("Who is it for?"),
        help_text=_("Choose every kind of participant it is meant for."),
    )
    stages = offer_field(
        "stages",
        label=_("For innovations at which stages?"),
        help_text=_("Choose every stage that applies. Innovations at these stages see it."),
    )
    challenges = challenges_field(
        _("Which societal challenges is it about?"),
        _("Optional. Innovators working on these challenges will find it."),
    )
    themes = offer_field(
        "themes",
        label=_("Which themes is it about?"),
        help_text=_("Optional. Choose every theme that applies."),
    )


class NewOfferForm(OfferForm):
    """Step one of a new offer: which of the person's published organisations provides it."""

    provider = forms.ModelChoiceField(
        label=_("Which organisation offers it?"),
        help_text=_("The managers of this organisation profile manage the offer as well."),
        queryset=Supporter.objects.none(),
        empty_label=None,
    )

    field_order = ["provider"]

    def __init__(self, *args, providers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if providers is not None:
            self.fields["provider"].queryset = providers


class PracticalForm(StepForm):
    start_date = offer_field(
        "start_date",
        label=_("Start date"),
        help_text=_("Leave empty for a self-paced or recurring offer."),
        widget=date_input(),
    )
    start_time = offer_field(
        "start_time", label=_("Start time"), help_text=_("Optional."), widget=time_input()
    )
    end_date = offer_field(
        "end_date",
        label=_("End date"),
        help_text=_("Optional: the last day, for an offer of several days."),
        widget=date_input(),
    )
    end_time = offer_field(
        "end_time", label=_("End time"), help_text=_("Optional."), widget=time_input()
    )
    registration_deadline = offer_field(
        "registration_deadline",
        label=_("Registration deadline"),
        help_text=_("Optional."),
        widget=date_input(),
    )
    online = offer_field("online", label=_("It takes place online"))
    location = offer_field(
        "location",
        label=_("Where does it take place?"),
        help_text=_("Address or municipality, when it takes place on site."),
    )
    space = offer_field(
        "space",
        label=_("At an experimentation place on HUBSI"),
        help_text=_("Optional."),
        required=False,
    )
    regions = offer_field(
        "regions",
        label=_("For participants from which regions?"),
        help_text=_("Choose every region that applies."),
        required=True,
        error_messages={"required": _("Choose at least one region.")},
    )
    price = offer_field(
        "price",
        label=_("Price in euro"),
        help_text=_("Leave empty or enter 0 when it is free."),
        min_value=0,
    )
    price_note = offer_field("price_note", label=_("Reductions"))
    registration_url = offer_field(
        "registration_url",
        label=_("Registration page"),
        help_text=_("Where people register on your own website, e.g. https://www.example.org"),
        required=True,
        assume_scheme="https",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only places the public can see.
        self.fields["space"].queryset = ExperimentationSpace.objects.published().order_by("name")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        elif end and not start:
            self.add_error("start_date", _("Give the start date as well."))
        return data
