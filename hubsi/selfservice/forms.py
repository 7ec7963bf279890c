"""The form plumbing of every kind of owned content: `StepForm` (one step of a guided form),
form fields made from model fields, the website, logo and contact fields, and the consent and
invitation forms."""

import json

from django import forms
from django.db import models
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hubsi import services
from hubsi.images import LogoField

BASED_ON = "based_on"


class StepForm(forms.Form):
    """One step of a guided form. Field names are the model's field names.

    `valid_changes()` returns the fields that validated, also when others did not, so a step
    with an error still saves everything else; `raw_input()` is the step as typed.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # What the form is based on: a fingerprint of each field's saved value when it was
        # shown, so that saving can tell what someone else changed since (services).
        self.fields[BASED_ON] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial[BASED_ON] = _fingerprints(self.initial)

    def valid_changes(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and name != BASED_ON
        }

    def based_on(self) -> dict | None:
        """The fingerprints the submitted form was based on (None when missing or garbled)."""
        try:
            value = json.loads(self.data.get(self.add_prefix(BASED_ON)) or "null")
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def raw_input(self) -> dict:
        """The typed values of the step's fields (files cannot be kept; NUL characters cannot
        be stored in PostgreSQL's JSON and are never meant)."""
        return {
            name: [value.replace("\x00", "") for value in self.data.getlist(self.add_prefix(name))]
            for name, field in self.fields.items()
            if not isinstance(field, forms.FileField)
            and name != BASED_ON
            and self.add_prefix(name) in self.data
        }

    def show_conflict(self, conflict: "services.EditConflict") -> None:
        """Keep what was typed, and say at each field what someone else saved meanwhile."""
        for name, theirs in conflict.current.items():
            self.add_error(
                name,
                _(
                    "Someone else saved this while you were editing: “%(theirs)s”. Your own "
                    "answer is kept here: save again to keep it, or change it first."
                )
                % {"theirs": _display(self.fields[name], theirs)},
            )

    @classmethod
    def from_raw_input(cls, data: dict, **kwargs):
        form = cls(MultiValueDict(data), **kwargs)
        form.rebase(form.initial)
        return form

    def rebase(self, current: dict) -> None:
        """Base the (bound) form on the values saved now, e.g. after saving part of it."""
        self.data = self.data.copy()
        self.data[self.add_prefix(BASED_ON)] = _fingerprints(current)


def _fingerprints(values: dict) -> str:
    return json.dumps(
        {name: services.fingerprint(value) for name, value in values.items() if name != BASED_ON}
    )


def _display(field: forms.Field, value) -> str:
    """A saved value as a person reads it: the labels of chosen options, or the text."""
    choices = dict(getattr(field, "choices", None) or [])
    if choices:
        values = value if isinstance(value, list) else [value]
        return ", ".join(str(choices.get(item, choices.get(str(item), item))) for item in values)
    return str(value or "")


def conflicted_form(form_class, request, current: dict, conflict: "services.EditConflict"):
    """The step again after `EditConflict`: what was typed, now based on what is saved now (so
    saving again is a deliberate choice), with what the other person saved at each field."""
    data = request.POST.copy()
    data[BASED_ON] = _fingerprints(current)
    form = form_class(data, initial=current)
    form.is_valid()
    form.show_conflict(conflict)
    return form


# Fields ------------------------------------------------------------------------------------


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


def textarea(rows: int = 6) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def website_field(model: type[models.Model]) -> forms.Field:
    return model_field(
        model,
        "website",
        label=gettext_lazy("Website"),
        help_text=gettext_lazy("For example https://www.example.org"),
        assume_scheme="https",
    )


def contact_email_field(model: type[models.Model], help_text: str) -> forms.Field:
    """The private address for contact requests; `help_text` says who writes to it."""
    return model_field(
        model,
        "contact_email",
        label=gettext_lazy("Email address for contact requests"),
        help_text=help_text,
    )


class LogoStepForm(StepForm):
    """A step with the logo: a new file replaces it, "remove" empties it, neither keeps it."""

    logo = LogoField(label=gettext_lazy("Logo"))
    remove_logo = forms.BooleanField(label=gettext_lazy("Remove the current logo"), required=False)

    def valid_changes(self) -> dict:
        changes = super().valid_changes()
        remove = changes.pop("remove_logo", False)
        if changes.get("logo") is None:
            changes.pop("logo", None)
            if remove:
                changes["logo"] = ""
        return changes


# Invitation and consent --------------------------------------------------------------------


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address of the person you invite"),
        help_text=gettext_lazy(
            "They receive a link that is valid for 14 days. They sign in (or create an account) "
            "with this address to accept."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SubmitForm(forms.Form):
    """The owner's consent at submission (DESIGN.md, Curation)."""

    may_publish = forms.BooleanField(
        label=gettext_lazy(
            "I may publish this content: it is ours to share, and it holds no personal data of "
            "others without their permission."
        ),
        error_messages={"required": gettext_lazy("Confirm that you may publish this content.")},
    )
    accepts_terms = forms.BooleanField(
        label=gettext_lazy(
            "I accept the terms of use, and that published texts carry the Creative Commons "
            "Attribution 4.0 licence (CC BY 4.0)."
        ),
        error_messages={"required": gettext_lazy("Accept the terms and the licence to submit.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
