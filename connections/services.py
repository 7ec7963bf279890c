"""State changes of connections: contact requests, reports, saved searches and digest settings.

Keyword-only, atomic; mail leaves after the commit (hubsi.emails.send_templated_mail, one
message per recipient, so no recipient sees another's address).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.decorators import has_verified_email
from connections.models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    BlockedSender,
    ContactRequest,
    ContactStatus,
    DigestSettings,
    Frequency,
    Report,
    ReportKind,
    SavedSearch,
)
from hubsi.emails import send_templated_mail

logger = logging.getLogger(__name__)

DAILY_REQUEST_LIMIT = 10


class ContactNotAllowed(ValidationError):
    """The request cannot be sent; the message says why, for the sender."""


def _mail(name: str, recipients: list[str], context: dict) -> None:
    transaction.on_commit(partial(send_templated_mail, name, recipients, context))


def _request_url(contact_request: ContactRequest) -> str:
    return reverse_lazy("connections:contact-request-detail", args=[contact_request.pk])


@transaction.atomic
def contact_request_send(*, sender, target, message: str) -> ContactRequest:
    """Send a message to a published innovation or supporter; its owners or managers get a
    mail (without the sender's address) and answer in their dashboard."""
    message = message.strip()
    if not message:
        raise ContactNotAllowed(_("Write a message."))
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ContactNotAllowed(
            _("The message can be at most %(max)s characters.") % {"max": MESSAGE_MAX_LENGTH}
        )
    if not has_verified_email(sender):
        raise ContactNotAllowed(_("Confirm your email address before you contact anyone."))
    if BlockedSender.objects.filter(user=sender).exists():
        raise ContactNotAllowed(
            _(
                "Your account can no longer send contact requests, because of earlier reports "
                "of abuse. If you think this is a mistake, write to the HUBSI team."
            )
        )
    if not target.is_published:
        raise ContactNotAllowed(_("This page is not published."))
    if target.is_owner(sender):
        raise ContactNotAllowed(_("You cannot send a contact request to your own page."))
    key = ContactRequest.target_lookup(target)
    # Lock the sender's row so that two simultaneous requests cannot both pass the limits.
    get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
    if ContactRequest.objects.filter(sender=sender, status=ContactStatus.OPEN, **key).exists():
        raise ContactNotAllowed(
            _(
                "You already have an open request to %(name)s. Wait for the answer before you "
                "write again."
            )
            % {"name": target}
        )
    since = timezone.now() - timedelta(days=1)
    if ContactRequest.objects.sent_since(sender, since).count() >= DAILY_REQUEST_LIMIT:
        raise ContactNotAllowed(
            _(
                "You have sent %(limit)s contact requests in the last 24 hours, the most "
                "allowed. Try again tomorrow."
            )
            % {"limit": DAILY_REQUEST_LIMIT}
        )
    try:
        with transaction.atomic():
            contact_request = ContactRequest.objects.create(sender=sender, message=message, **key)
    except IntegrityError as error:  # a concurrent duplicate; the constraint holds the rule
        raise ContactNotAllowed(
            _("You already have an open request to %(name)s.") % {"name": target}
        ) from error
    recipients = [user.email for user in contact_request.recipients()]
    _mail(
        "contact_request",
        recipients,
        {
            "target": str(target),
            "message": message,
            "url": _request_url(contact_request),
            "dashboard_url": reverse_lazy("dashboard"),
        },
    )
    logger.info("contact request %s sent", contact_request.pk)
    return contact_request


def _answerable(contact_request: ContactRequest, by) -> ContactRequest:
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if not contact_request.is_recipient(by):
        raise PermissionDenied(_("Only the owners or managers can answer this request."))
    if not contact_request.is_open:
        raise ContactNotAllowed(_("This request has already been answered."))
    return contact_request


def _answer(contact_request: ContactRequest, *, by, reply: str, status: str) -> ContactRequest:
    reply = reply.strip()
    if len(reply) > REPLY_MAX_LENGTH:
        raise ContactNotAllowed(
            _("The reply can be at most %(max)s characters.") % {"max": REPLY_MAX_LENGTH}
        )
    contact_request = _answerable(contact_request, by)
    contact_request.status = status
    contact_request.reply = reply
    contact_request.answered_at = timezone.now()
    contact_request.answered_by = by
    contact_request.save(update_fields=["status", "reply", "answered_at", "answered_by"])
    return contact_request


@transaction.atomic
def contact_request_accept(
    *, contact_request: ContactRequest, by, reply: str = ""
) -> ContactRequest:
    """Accept: from now on the sender sees the target's contact address and the recipients
    see the sender's. The sender gets a mail with the address."""
    contact_request = _answer(contact_request, by=by, reply=reply, status=ContactStatus.ACCEPTED)
    _mail(
        "contact_accepted",
        [contact_request.sender.email],
        {
            "target": str(contact_request.target),
            "reply": contact_request.reply,
            "contact_emails": contact_request.target_contact_email(),
            "url": _request_url(contact_request),
        },
    )
    logger.info("contact request %s accepted", contact_request.pk)
    return contact_request


@transaction.atomic
def contact_request_decline(
    *, contact_request: ContactRequest, by, reply: str = ""
) -> ContactRequest:
    """Decline: no address is shared; the sender gets a mail with the optional reply."""
    contact_request = _answer(contact_request, by=by, reply=reply, status=ContactStatus.DECLINED)
    _mail(
        "contact_declined",
        [contact_request.sender.email],
        {
            "target": str(contact_request.target),
            "reply": contact_request.reply,
            "url": _request_url(contact_request),
        },
    )
    logger.info("contact request %s declined", contact_request.pk)
    return contact_request


@transaction.atomic
def contact_request_report(
    *, contact_request: ContactRequest, by, reason: str, details: str = ""
) -> Report:
    """A recipient reports a request as abuse: it goes to the curators' queue; an open request
    is declined at the same time (without a mail to the sender)."""
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if not contact_request.is_recipient(by):
        raise PermissionDenied(_("Only the owners or managers can report this request."))
    now = timezone.now()
    contact_request.reported_at = now
    fields = ["reported_at"]
    if contact_request.is_open:
        contact_request.status = ContactStatus.DECLINED
        contact_request.answered_at, contact_request.answered_by = now, by
        fields += ["status", "answered_at", "answered_by"]
    contact_request.save(update_fields=fields)
    report = Report.objects.create(
        kind=ReportKind.CONTACT_REQUEST,
        contact_request=contact_request,
        title=str(contact_request)[:200],
        reason=reason,
        details=details.strip()[:2000],
        reporter=by,
    )
    logger.info("contact request %s reported", contact_request.pk)
    return report


@transaction.atomic
def page_report(*, kind: str, obj, reason: str, details: str = "", by=None) -> Report:
    """Anyone reports a public page; it goes to the curators' queue."""
    return Report.objects.create(
        kind=kind,
        slug=obj.slug,
        title=str(obj)[:200],
        url=obj.get_absolute_url(),
        reason=reason,
        details=details.strip()[:2000],
        reporter=by if by is not None and by.is_authenticated else None,
    )


# Saved searches and digests ----------------------------------------------------------------


def digest_settings_for(user) -> DigestSettings:
    settings, _created = DigestSettings.objects.get_or_create(user=user)
    return settings


class SavedSearchNotAllowed(ValidationError):
    """The search cannot be saved; the message says why, for the person saving it."""


@transaction.atomic
def saved_search_create(*, user, name: str, list_kind: str, query: str) -> SavedSearch:
    """Save a filtered list. The first saved search starts the user's digests: the first one
    covers what is published from now on. At most `settings.SAVED_SEARCHES_PER_USER` each
    (SavedSearchNotAllowed beyond)."""
    # Lock the user's row so that two simultaneous saves cannot both pass the cap.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    limit = django_settings.SAVED_SEARCHES_PER_USER
    if user.saved_searches.count() >= limit:
        raise SavedSearchNotAllowed(
            _(
                "You already have %(limit)s saved searches, the most allowed. Delete one you "
                "no longer need, then save this one."
            )
            % {"limit": limit}
        )
    settings = digest_settings_for(user)
    if settings.frequency == Frequency.NEVER and not user.saved_searches.exists():
        settings.frequency = Frequency.WEEKLY
        settings.covered_until = timezone.now()
        settings.save(update_fields=["frequency", "covered_until"])
    return SavedSearch.objects.create(user=user, name=name, list_kind=list_kind, query=query)


@transaction.atomic
def saved_search_delete(*, saved_search: SavedSearch, by) -> None:
    if saved_search.user_id != by.pk:
        raise PermissionDenied
    saved_search.delete()


@transaction.atomic
def digest_frequency_set(*, user, frequency: str) -> DigestSettings:
    """Choose daily, weekly or never for all of a user's saved searches. Switching back on
    starts from now: no digest of what was published while it was off."""
    settings = DigestSettings.objects.select_for_update().get(pk=digest_settings_for(user).pk)
    if settings.frequency == Frequency.NEVER and frequency != Frequency.NEVER:
        settings.covered_until = timezone.now()
    settings.frequency = frequency
    settings.save(update_fields=["frequency", "covered_until"])
    return settings


@transaction.atomic
def digest_unsubscribe(*, settings: DigestSettings) -> DigestSettings:
    """Stop all digests of this user (from the link in a digest, no sign-in needed)."""
    settings = DigestSettings.objects.select_for_update().get(pk=settings.pk)
    settings.frequency = Frequency.NEVER
    settings.save(update_fields=["frequency"])
    logger.info("digests unsubscribed for user %s", settings.user_id)
    return settings
