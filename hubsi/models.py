"""Cross-app pieces: vocabulary tables and the publication life-cycle of user content."""

import datetime
import hashlib
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary

# Action words in URLs (`/innovations/new/`, `/innovations/<slug>/edit/`) can never be slugs.
RESERVED_SLUGS = frozenset(
    {"new", "edit", "delete", "submit", "preview", "invite", "export", "search", "steps", "feed"}
)


def validate_slug_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is a reserved word in addresses; choose another slug."),
            code="reserved",
            params={"value": value},
        )


class VocabularyTerm(models.Model):
    """A stable vocabulary value stored as a row, so that many-to-many filters use indexes.

    The primary key is the code itself (`antwerp`, `coaching`...), so filters need no join.
    """

    code = models.CharField(max_length=32, primary_key=True)
    position = models.PositiveSmallIntegerField(default=0)

    choices: type[models.TextChoices]

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return str(self.choices(self.code).label)

    @property
    def label(self):
        return self.choices(self.code).label


class Stage(VocabularyTerm):
    choices = vocabulary.Stage

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")


class HelixRole(VocabularyTerm):
    choices = vocabulary.HelixRole

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("helix role")
        verbose_name_plural = _("helix roles")


class SupportType(VocabularyTerm):
    choices = vocabulary.SupportType

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("support type")
        verbose_name_plural = _("support types")


class Region(VocabularyTerm):
    choices = vocabulary.Region

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Competence(VocabularyTerm):
    choices = vocabulary.Competence

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")


class Instrument(VocabularyTerm):
    choices = vocabulary.Instrument

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Actor(models.TextChoices):
    OWNER = "owner", _("owner")
    CURATOR = "curator", _("curator")


# Who may move content from one status to another (the design's publication life-cycle).
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.SUBMITTED): Actor.OWNER,
    (Status.CHANGES_REQUESTED, Status.SUBMITTED): Actor.OWNER,
    (Status.SUBMITTED, Status.PUBLISHED): Actor.CURATOR,
    (Status.SUBMITTED, Status.CHANGES_REQUESTED): Actor.CURATOR,
    (Status.ARCHIVED, Status.DRAFT): Actor.CURATOR,
    **{(status, Status.ARCHIVED): Actor.CURATOR for status in Status if status != Status.ARCHIVED},
}


# Content that staff keep themselves (funding opportunities) has no owners to submit it:
# curators publish its drafts directly.
STAFF_CONTENT_TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.PUBLISHED): Actor.CURATOR,
}


def transition_allowed(
    *, source: str, target: str, actor: str, staff_content: bool = False
) -> bool:
    if staff_content and STAFF_CONTENT_TRANSITIONS.get((source, target)) == actor:
        return True
    return TRANSITIONS.get((source, target)) == actor


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Only what the public may see: every public read path starts here."""
        return self.filter(status=Status.PUBLISHED)

    def featured(self):
        return self.published().filter(featured=True)


class Publishable(models.Model):
    """Fields shared by all curated content: status, curator's note, featuring, dates."""

    # True for content that only staff write (see STAFF_CONTENT_TRANSITIONS).
    staff_content = False

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    curator_note = models.TextField(
        _("note from the curator"),
        blank=True,
        help_text=_("Shown to the owners when changes are requested."),
    )
    featured = models.BooleanField(_("featured"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    # For templates, which cannot name the Status constants.
    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_submitted(self) -> bool:
        return self.status == Status.SUBMITTED

    @property
    def is_archived(self) -> bool:
        return self.status == Status.ARCHIVED


class OwnedQuerySet(PublishableQuerySet):
    def owned_by(self, user):
        """What `user` may edit as an owner (nothing for anonymous visitors)."""
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(**{self.model.owner_lookup: user})


class OwnedContent(Publishable):
    """Content that people register and edit themselves (the self-service engine).

    `owner_lookup` says who owns it, as a lookup from the content to users: `"owners"` or
    `"managers"` (a relation of its own, so owners can invite co-owners), or a path through
    another object (`"host__managers"`: a place belongs to the managers of its host).
    """

    owner_lookup: str

    # When the owners last submitted it for review (the queue's "waiting since"); set by
    # `services.content_submit`. Pending changes of published content keep their own
    # (`Revision.submitted_at`).
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def has_own_owners(cls) -> bool:
        """True when the owners are a relation of this content (they invite co-owners)."""
        return LOOKUP_SEP not in cls.owner_lookup

    def owner_users(self):
        """The users who may edit this content, as a QuerySet."""
        *path, relation = self.owner_lookup.split(LOOKUP_SEP)
        holder = self
        for name in path:
            holder = getattr(holder, name)
        return getattr(holder, relation).all()

    def is_owner(self, user) -> bool:
        return bool(user and user.is_authenticated) and (
            self.owner_users().filter(pk=user.pk).exists()
        )

    def add_owner(self, user) -> None:
        """Make `user` an owner. Content owned through another object (a place, through its
        host) gets no owners of its own: only who already owns it that way may start it."""
        if self.has_own_owners():
            getattr(self, self.owner_lookup).add(user)
        elif not self.is_owner(user):
            raise PermissionDenied(_("Only the owners may do this."))

    def remove_owner(self, user) -> None:
        """Take `user` off the owners of their own (e.g. when their account is deleted)."""
        getattr(self, self.owner_lookup).remove(user)


# Self-service: pending changes, unsaved input, co-ownership and consent -------------------------
# These records belong to any kind of owned content (innovations, supporters, places), so they
# point at it through a content type and an object id.


def stored_value(obj: models.Model, name: str):
    """A field's value in the form a `Revision` stores it (JSON).

    Many-to-many fields become a sorted list of primary keys (vocabulary codes, challenge ids),
    files their stored name; other fields their plain value. Reads prefetched relations.
    """
    field = obj._meta.get_field(name)
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(item.pk for item in getattr(obj, name).all())
    value = getattr(obj, field.attname)
    if isinstance(field, models.FileField):
        return value.name or ""
    return json_safe(value)


def json_safe(value):
    """Dates, times and amounts as the text JSON can hold (a learning offer's dates and price);
    `apply_values` reads them back through the model field."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class OwnedContentQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def for_objects(self, model: type[models.Model], pks):
        return self.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=list(pks)
        )


class OwnedContentRecord(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")

    objects = OwnedContentQuerySet.as_manager()

    class Meta:
        abstract = True


class RevisionQuerySet(OwnedContentQuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class Revision(OwnedContentRecord):
    """Pending changes to published content, kept apart so the public version stays public.

    `data` holds only the fields that differ from the published object, in the form of
    `stored_value`; `based_on` the fingerprint of each such field's published value when the
    owners first changed it, so that a curator's later edit of the same field is not silently
    overwritten (`hubsi.services.revision_publish`). Owners edit it until they submit it; a
    curator then publishes it (the changes are applied and the revision deleted) or sends it
    back with a note.
    """

    data = models.JSONField(_("changed fields"), default=dict, blank=True)
    based_on = models.JSONField(_("published values it is based on"), default=dict, blank=True)
    curator_note = models.TextField(_("note from the curator"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending changes")
        verbose_name_plural = _("pending changes")
        constraints = [
            # One open revision per object: owners keep editing the same set of changes.
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_revision_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def changes(self, obj: models.Model) -> list[dict]:
        """Field by field: label, the published value and the proposed one, for display."""
        rows = []
        for field in obj._meta.get_fields():
            if field.name not in self.data:
                continue
            rows.append(
                {
                    "name": field.name,
                    "label": capfirst(field.verbose_name),
                    "old": display_value(field, stored_value(obj, field.name)),
                    "new": display_value(field, self.data[field.name]),
                }
            )
        return rows

    def apply_to(self, obj: models.Model) -> None:
        apply_values(obj, self.data)


def apply_values(obj: models.Model, values: dict) -> None:
    """Write values in the form of `stored_value` onto an object and save it (many-to-many
    relations after the row, so that a new object has its primary key first)."""
    related = {}
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            related[name] = value
        else:
            setattr(obj, field.attname, field.to_python(value))
    obj.save()
    for name, value in related.items():
        getattr(obj, name).set(value)


def display_value(field, value) -> str:
    """A stored value as people read it: labels for codes and relations, names for files."""
    if field.many_to_many:
        objects = field.remote_field.model._default_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(item) for item in objects))
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value or ""))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return "" if value is None else str(value)


class DraftInput(OwnedContentRecord):
    """What an owner typed in one step of a form that did not validate yet.

    The valid fields of the step are saved on the content itself (or its revision); the raw
    input of the whole step is kept here, so the step shows it again with its errors after a
    closed tab or an expired session. Saving the step without errors deletes it.
    """

    step = models.SlugField(_("step"), max_length=32)
    data = models.JSONField(_("typed input"), default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("unsaved input")
        verbose_name_plural = _("unsaved input")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "step"], name="one_draft_input_per_step"
            )
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}: {self.step}"


INVITATION_VALIDITY = timedelta(days=14)


def hash_token(token: str) -> str:
    """Invitation tokens are stored hashed: a leaked database holds no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


class OwnershipInvitation(OwnedContentRecord):
    """An owner invites another person, by email address, to co-own their content."""

    email = models.EmailField(_("email address"))
    token_hash = models.CharField(_("token (hashed)"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation to co-own")
        verbose_name_plural = _("invitations to co-own")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and not self.is_expired


class SubmissionConsent(OwnedContentRecord):
    """At each submission the owner confirms they may publish it and accepts the terms and the
    content licence. Kept as evidence, also after the content itself is gone."""

    LICENCE = "CC-BY-4.0"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email address at the time"))
    may_publish = models.BooleanField(_("may publish this content"))
    accepts_terms = models.BooleanField(_("accepts the terms and the licence"))
    licence = models.CharField(_("licence"), max_length=32, default=LICENCE)
    pending_changes = models.BooleanField(_("for pending changes"), default=False)
    created_at = models.DateTimeField(_("accepted at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("submission consent")
        verbose_name_plural = _("submission consents")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} · {self.content_type} #{self.object_id}"


@receiver(post_delete)
def _forget_owned_content_records(sender, instance, **kwargs):
    """Deleted content takes its revision, unsaved input and invitations with it (consents stay
    as evidence). Generic relations cannot cascade in the database."""
    if not isinstance(instance, Publishable):
        return
    content_type = ContentType.objects.get_for_model(instance)
    for model in (Revision, DraftInput, OwnershipInvitation):
        model.objects.filter(content_type=content_type, object_id=instance.pk).delete()


# Figures kept over time ---------------------------------------------------------------------


class MonthFigure(models.Model):
    """One number of the platform at the end of a calendar month, kept because it cannot be
    computed again later: how much published content there was, per kind and per value of a
    dimension ("innovation", "stage", "scaling" -> 12). The site layer, which knows the kinds,
    counts and records them (`front/figures.py`, `manage.py record_month_figures`);
    docs/curation.md defines each. `reconstructed` marks a month filled in afterwards from the
    admin log and today's content instead of being recorded at the month's end.
    """

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    kind = models.CharField(_("kind of content"), max_length=32)
    dimension = models.CharField(_("dimension"), max_length=32)
    value = models.CharField(_("value"), max_length=32, blank=True)
    count = models.PositiveIntegerField(_("count"))
    reconstructed = models.BooleanField(_("reconstructed afterwards"), default=False)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("figure at the end of a month")
        verbose_name_plural = _("figures at the end of a month")
        ordering = ["month", "kind", "dimension", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "kind", "dimension", "value"], name="one_figure_per_month"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind} {self.dimension} {self.value}: {self.count}"
