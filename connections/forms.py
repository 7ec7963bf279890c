from django import forms
from django.utils.translation import gettext_lazy as _

from connections.models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    Frequency,
    ReportReason,
)


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ContactForm(_Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_(
            "Who you are and why you get in touch; at most 2,000 characters. Your email address "
            "is only shared when they accept."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class AnswerForm(_Form):
    reply = forms.CharField(
        label=_("Reply (optional)"),
        max_length=REPLY_MAX_LENGTH,
        required=False,
        help_text=_("The sender receives it by email with your answer."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportForm(_Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        max_length=2000,
        required=False,
        help_text=_("Only the HUBSI curators read this."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SavedSearchForm(_Form):
    name = forms.CharField(
        label=_("Name of this search"),
        max_length=100,
        help_text=_("For example: “Coaching in Limburg”. It heads this search in your digest."),
    )


class FrequencyForm(_Form):
    frequency = forms.ChoiceField(
        label=_("How often do you want a digest?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_("One email for all your saved searches, only when something new matches."),
    )
