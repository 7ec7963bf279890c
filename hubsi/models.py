"""Cross-app pieces: vocabulary tables and the publication life-cycle of user content."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary

# Action words in URLs (`/innovations/new/`, `/innovations/<slug>/edit/`) can never be slugs.
RESERVED_SLUGS = frozenset(
    {"new", "edit", "delete", "submit", "preview", "invite", "export", "search", "steps"}
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

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED
