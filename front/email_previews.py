"""Every email the platform sends, rendered with example content in Dutch and English, for
staff to read as people receive them (the admin's "Emails" page).

The examples are unsaved objects: nothing is written, nothing is sent.
"""

from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubsi.emails import render_email
from innovations.models import Innovation


def _innovation() -> Innovation:
    return Innovation(
        name="Warm Wonen Genk",
        slug="warm-wonen-genk",
        curator_note="Beschrijf ook wat jullie al bereikt hebben: hoeveel gezinnen deden mee?",
    )


def _contact(**extra) -> dict:
    return {
        "target": "Warm Wonen Genk",
        "url": reverse_lazy("dashboard"),
        "dashboard_url": reverse_lazy("dashboard"),
        **extra,
    }


def _digest() -> dict:
    item = _innovation()
    section = SimpleNamespace(
        saved_search=SimpleNamespace(name="Energiearmoede"),
        items=[item],
        count=1,
        url=f"{settings.SITE_URL}/innovations/?challenge=energiearmoede-bij-huurders",
    )
    return {
        "sections": [section],
        "frequency": "weekly",
        "unsubscribe_url": f"{settings.SITE_URL}/digests/unsubscribe/voorbeeld/",
        "manage_url": f"{settings.SITE_URL}/saved-searches/",
    }


def _owners() -> dict:
    return {
        "object": _innovation(),
        "dashboard_url": reverse_lazy("dashboard"),
        "edit_url": reverse_lazy("dashboard"),
    }


# Each mail (templates/emails/<name>_*.txt), what it is for, and example context.
EXAMPLES = {
    "submitted": (_("To the curators: new content to review"), _owners),
    "changes_submitted": (_("To the curators: changes to review"), _owners),
    "published": (_("To the owners: published"), _owners),
    "changes_requested": (_("To the owners: changes requested"), _owners),
    "changes_published": (_("To the owners: their changes are published"), _owners),
    "invitation": (
        _("To an invited co-owner"),
        lambda: {
            **_owners(),
            "invitation": SimpleNamespace(expires_at=timezone.now() + timedelta(days=14)),
            "invited_by": "Sara Peeters",
            "accept_url": reverse_lazy("invitation-accept", args=["voorbeeld"]),
        },
    ),
    "contact_request": (
        _("To the owners: a contact request"),
        lambda: _contact(message="Dag Sara, ons buurthuis in Winterslag zoekt een partner."),
    ),
    "contact_accepted": (
        _("To the sender: the request is accepted"),
        lambda: _contact(email="sara@warmwonen.example", reply="Graag! Bel me maandag."),
    ),
    "contact_declined": (
        _("To the sender: the request is declined"),
        lambda: _contact(reply="Bedankt, maar dit past nu niet."),
    ),
    "digest": (_("To a subscriber: the digest of saved searches"), _digest),
}


def previews() -> list[dict]:
    return [
        {"name": name, "purpose": purpose, "languages": _versions(name, context)}
        for name, (purpose, context) in EXAMPLES.items()
    ]


def _versions(name: str, context) -> list[dict]:
    versions = []
    for code, _label in settings.LANGUAGES:
        subject, text, _html = render_email(name, context(), code)
        versions.append({"code": code, "subject": subject, "text": text})
    return versions


def email_previews(request):
    context = {
        **admin.site.each_context(request),
        "title": _("Emails"),
        "previews": previews(),
    }
    return TemplateResponse(request, "admin/front/email_previews.html", context)


def email_preview_html(request, name: str, language: str):
    """One mail's HTML part as the recipient's mail program gets it."""
    if name not in EXAMPLES or language not in dict(settings.LANGUAGES):
        raise Http404
    _subject, _text, html = render_email(name, EXAMPLES[name][1](), language)
    return HttpResponse(html)


def admin_urls() -> list:
    """Added to the admin's own URLs (front/admin.py), so the admin's sign-in and two-factor
    check guard them."""
    return [
        path("emails/", admin.site.admin_view(email_previews), name="email-previews"),
        path(
            "emails/<slug:name>/<slug:language>.html",
            admin.site.admin_view(email_preview_html),
            name="email-preview-html",
        ),
    ]
