from allauth.account import app_settings
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form with its honeypot hidden without an inline style.

    People never meet the honeypot: it sits off-screen (the `honeypot` class in hubsi.css), is
    skipped by the keyboard and by screen readers (`aria-hidden` on its wrapper, see
    templates/allauth/elements/fields.html) and by password managers. A bot that fills it in
    is shown the usual "check your email" page, and no account is created.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.honeypot_name = app_settings.SIGNUP_FORM_HONEYPOT_FIELD
        if self.honeypot_name:
            field = self.fields[self.honeypot_name]
            field.label = _("Leave this field empty")
            field.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}


class EmailLanguageForm(forms.ModelForm):
    """The language of the platform's emails to this person (set at sign-up)."""

    class Meta:
        model = get_user_model()
        fields = ["language"]
        widgets = {"language": forms.RadioSelect}

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
