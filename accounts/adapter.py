"""allauth's mail (address confirmation, password reset, notices) like the platform's own: in
the recipient's language, as plain text and HTML (hubsi/emails.py)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from hubsi.emails import html_version


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # A new account writes in the language of the interface it signed up in.
        user.language = translation.get_language() or user.language
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        account = get_user_model().objects.filter(email__iexact=email).first()
        language = account.language if account else translation.get_language()
        with translation.override(language):
            message = self.render_mail_for(template_prefix, email, context)
            if not getattr(message, "alternatives", None):
                message.attach_alternative(
                    html_version(message.subject, message.body, language), "text/html"
                )
        message.send()

    def render_mail_for(self, template_prefix: str, email: str, context: dict):
        """allauth's own rendering, with the context its `send_mail` gives."""
        request = allauth_context.request
        return self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
