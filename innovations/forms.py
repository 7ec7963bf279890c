"""The steps of the guided innovation form, in the order of the field research: the problem
first ("love the problem"), then the system around it, the approach, the partnership, and
the practical details. Field names are the model's; each step saves on its own."""

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
from innovations.models import Challenge, Innovation, Theme

innovation_field = partial(model_field, Innovation)


def challenge_choices() -> list:
    """Active challenges grouped by their theme (in the themes' order), in the visitor's
    language."""
    groups: dict = {}
    challenges = Challenge.objects.active().select_related("theme")
    for challenge in challenges.order_by("theme__position", "theme__name_nl", "name_nl"):
        groups.setdefault(challenge.theme, []).append((challenge.pk, challenge.name))
    return [
        (theme.name, sorted(options, key=lambda option: option[1].lower()))
        for theme, options in groups.items()
    ]


class ChallengesMixin:
    """Active challenges as choices, grouped by theme for a fieldset per theme (shown with
    templates/selfservice/form_challenges.html); active themes, if the form asks them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenges"].choices = challenge_choices()
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.active()

    def challenge_groups(self) -> list[dict]:
        """The challenge checkboxes grouped by theme, for a fieldset per theme."""
        selected = {str(value) for value in (self["challenges"].value() or [])}
        auto_id = self["challenges"].auto_id
        groups, index = [], 0
        for theme, options in self.fields["challenges"].choices:
            items = []
            for value, label in options:
                items.append(
                    {
                        "id": f"{auto_id}_{index}",
                        "value": value,
                        "label": label,
                        "checked": str(value) in selected,
                    }
                )
                index += 1
            groups.append(
                {"theme": theme, "options": items, "selected": any(i["checked"] for i in items)}
            )
        return groups


class ProblemForm(ChallengesMixin, StepForm):
    name = innovation_field(
        "name",
        label=_("Name of your innovation"),
        help_text=_("A short name people will remember. You can change it later."),
    )
    language = innovation_field(
        "language",
        label=_("In which language do you write?"),
        widget=forms.RadioSelect,
        help_text="",
    )
    problem = innovation_field(
        "problem",
        label=_("What is the problem, and for whom?"),
        help_text=_(
            "Start with the problem, not with your solution. Who feels it, where, and how "
            "much? What happens if nobody does anything?"
        ),
        widget=textarea(8),
    )
    challenges = forms.TypedMultipleChoiceField(
        label=_("Which societal challenges does it belong to?"),
        help_text=_("Choose one or more. Others working on the same challenge will find you."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one challenge.")},
    )


class SystemForm(StepForm):
    systemic_view = innovation_field(
        "systemic_view",
        label=_("What causes the problem, and who plays a part in it?"),
        help_text=_(
            "Look at the system around the problem: its root causes (rules, habits, money, "
            "power), the people and organisations involved, and what keeps the problem going."
        ),
        required=True,
        widget=textarea(10),
    )


class ApproachForm(StepForm):
    approach = innovation_field(
        "approach",
        label=_("What do you do about it?"),
        help_text=_("Your approach: what is new about it, and how does it work?"),
        required=True,
        widget=textarea(8),
    )
    target_group = innovation_field(
        "target_group",
        label=_("For whom do you do it?"),
        help_text=_("Your target group, and how they take part."),
        widget=textarea(4),
    )
    stage = innovation_field(
        "stage",
        label=_("At which stage is your innovation?"),
        widget=forms.RadioSelect,
    )
    impact = innovation_field(
        "impact",
        label=_("What have you achieved so far?"),
        help_text=_("Results or first evidence: figures, stories, what you learned."),
        widget=textarea(5),
    )
    tagline = innovation_field(
        "tagline",
        label=_("Your innovation in one sentence"),
        help_text=_("Shown under its name in lists. At most 200 characters."),
    )


class PartnershipForm(StepForm):
    organisation_name = innovation_field(
        "organisation_name",
        label=_("Which organisation leads it?"),
        help_text=_("An organisation, a collective or your own name."),
    )
    organisation_role = innovation_field(
        "organisation_role",
        label=_("What kind of organisation is that?"),
        help_text=_("Funding often depends on it."),
        widget=forms.RadioSelect,
    )
    partner_roles = innovation_field(
        "partner_roles",
        label=_("Who is already on board as a partner?"),
        help_text=_("The kinds of partners you already work with."),
    )
    needs = innovation_field(
        "needs",
        label=_("What support do you need?"),
        help_text=_("We show you supporters who offer it."),
    )
    wanted_roles = innovation_field(
        "wanted_roles",
        label=_("Which partners are you looking for?"),
        help_text=_(
            "Unusual partnerships make social innovation stronger: we also suggest partners "
            "of kinds you do not have yet."
        ),
    )


class PracticalForm(LogoStepForm):
    regions = innovation_field(
        "regions",
        label=_("Where are you active?"),
        help_text=_("Choose every region that applies."),
        required=True,
        error_messages={"required": _("Choose at least one region.")},
    )
    website = website_field(Innovation)
    contact_email = contact_email_field(
        Innovation,
        _(
            "Never shown publicly. People who want to work with you write through the "
            "platform; you decide whether to share it."
        ),
    )

    field_order = ["regions", "website", "logo", "remove_logo", "contact_email"]
