"""Connections between people: contact requests, reports to the curators, saved searches and
the digests that follow them. The rules that change these records live in services.py."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000
REPLY_MAX_LENGTH = 2000


# Contact requests ---------------------------------------------------------------------------


class ContactStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ContactRequestQuerySet(models.QuerySet):
    def for_recipient(self, user):
        """Requests to an innovation the user owns or a supporter the user manages."""
        return self.filter(Q(innovation__owners=user) | Q(supporter__managers=user)).distinct()

    def waiting(self):
        """Open: waiting for an answer of the recipients."""
        return self.filter(status=ContactStatus.OPEN)

    def sent_by(self, user):
        return self.filter(sender=user)

    def involving(self, user):
        """Requests the user is party to, as sender or as recipient."""
        return self.filter(
            Q(sender=user) | Q(innovation__owners=user) | Q(supporter__managers=user)
        ).distinct()

    def sent_since(self, user, since):
        return self.filter(sender=user, created_at__gte=since)

    def for_dashboard(self):
        return self.select_related("sender", "innovation", "supporter").order_by(
            "-created_at", "-pk"
        )


class ContactRequest(models.Model):
    """A message from a signed-in person to an innovation or a supporter.

    Neither side sees the other's address until a recipient (an owner or manager) accepts.
    """

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_requests_sent",
        verbose_name=_("sender"),
    )
    innovation = models.ForeignKey(
        "innovations.Innovation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_requests",
        verbose_name=_("innovation"),
    )
    supporter = models.ForeignKey(
        "supporters.Supporter",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_requests",
        verbose_name=_("supporter"),
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContactStatus.choices,
        default=ContactStatus.OPEN,
        db_index=True,
    )
    reply = models.TextField(_("reply"), max_length=REPLY_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    reported_at = models.DateTimeField(_("reported as abuse"), null=True, blank=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(innovation__isnull=False) & Q(supporter__isnull=True))
                | (Q(innovation__isnull=True) & Q(supporter__isnull=False)),
                name="contact_request_one_target",
            ),
            # One open request per pair: a second one waits until the first is answered.
            models.UniqueConstraint(
                fields=["sender", "innovation"],
                condition=Q(status="open", innovation__isnull=False),
                name="contact_request_one_open_per_innovation",
            ),
            models.UniqueConstraint(
                fields=["sender", "supporter"],
                condition=Q(status="open", supporter__isnull=False),
                name="contact_request_one_open_per_supporter",
            ),
        ]

    def __str__(self):
        return f"{self.sender} → {self.target}"

    @property
    def target(self):
        return self.innovation or self.supporter

    @classmethod
    def target_lookup(cls, target) -> dict:
        """The lookup of requests to `target`: `{"innovation": target}` or `{"supporter": ...}`."""
        for name in ("innovation", "supporter"):
            if isinstance(target, cls._meta.get_field(name).related_model):
                return {name: target}
        raise ValueError(f"{target!r} cannot receive contact requests")

    @property
    def is_open(self) -> bool:
        return self.status == ContactStatus.OPEN

    @property
    def is_accepted(self) -> bool:
        return self.status == ContactStatus.ACCEPTED

    def recipients(self):
        """The owners or managers of the target: the people who answer."""
        return self.target.owner_users().filter(is_active=True).order_by("pk")

    def is_recipient(self, user) -> bool:
        return self.recipients().filter(pk=user.pk).exists()

    def target_contact_email(self) -> list[str]:
        """The address the sender sees after acceptance: the target's contact address, or
        else its owners' or managers' account addresses."""
        if self.target.contact_email:
            return [self.target.contact_email]
        return [user.email for user in self.recipients()]


class BlockedSender(models.Model):
    """A person whom curators stopped from sending contact requests (abuse)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_block",
        verbose_name=_("user"),
    )
    reason = models.TextField(_("reason"), blank=True, help_text=_("Only curators see this."))
    created_at = models.DateTimeField(_("blocked since"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")

    def __str__(self):
        return str(self.user)


# Reports ------------------------------------------------------------------------------------


class ReportKind(models.TextChoices):
    INNOVATION = "innovation", _("Innovation page")
    SUPPORTER = "supporter", _("Supporter page")
    SPACE = "space", _("Experimentation place page")
    CONTACT_REQUEST = "contact_request", _("Contact request")


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, hateful or threatening")
    FALSE = "false", _("False or misleading information")
    PRIVACY = "privacy", _("Personal data shown without consent")
    OTHER = "other", _("Something else")


class Report(models.Model):
    """A report for the curators' queue: a public page or a contact request."""

    kind = models.CharField(_("what"), max_length=20, choices=ReportKind.choices, db_index=True)
    slug = models.CharField(_("slug"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.CharField(_("page"), max_length=300, blank=True)
    contact_request = models.ForeignKey(
        ContactRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("contact request"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)
    handled = models.BooleanField(_("handled"), default=False, db_index=True)
    curator_note = models.TextField(_("curator's note"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["handled", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title or self.slug}"


# Saved searches and digests ----------------------------------------------------------------


class ListKind(models.TextChoices):
    INNOVATIONS = "innovations", _("Innovations")
    SUPPORTERS = "supporters", _("Supporters")
    FUNDING = "funding", _("Funding")
    SPACES = "spaces", _("Experimentation places")
    LEARNING = "learning", _("Learning offers")


class SavedSearch(models.Model):
    """A filtered list a user follows; `query` is the list's query string (filters only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    list_kind = models.CharField(_("list"), max_length=20, choices=ListKind.choices)
    query = models.CharField(_("filters"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    NEVER = "never", _("Never (no emails)")


def new_salt() -> str:
    return secrets.token_urlsafe(16)


class DigestSettings(models.Model):
    """One per user with saved searches: how often the digest comes and what it covered.

    `covered_until` is the end of the last window sent (or checked and found empty): the next
    digest covers (covered_until, now], so nothing is sent twice and nothing is skipped after
    downtime. `salt` is part of the signed unsubscribe link; a new salt voids old links.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_settings",
        verbose_name=_("user"),
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    covered_until = models.DateTimeField(_("covered until"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    salt = models.CharField(max_length=40, default=new_salt, editable=False)

    class Meta:
        verbose_name = _("digest settings")
        verbose_name_plural = _("digest settings")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"

    def is_due(self, now) -> bool:
        """Due once per calendar day or ISO week (local time) after the last window's end,
        so a second run in the same period finds nothing to do."""
        if self.frequency == Frequency.NEVER:
            return False
        last = timezone.localtime(self.covered_until).date()
        today = timezone.localtime(now).date()
        if self.frequency == Frequency.DAILY:
            return today > last
        return today.isocalendar()[:2] > last.isocalendar()[:2] and (
            today - last >= timedelta(days=1)
        )


class SentDigest(models.Model):
    """One digest mail sent (`connections.digests.send_digest`), for the figures: when, and
    how often its recipient gets one. Nothing about the person is kept."""

    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")

    def __str__(self):
        return f"{self.get_frequency_display()} {self.sent_at:%Y-%m-%d %H:%M}"
