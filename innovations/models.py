from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import via_m2m
from hubsi.models import (
    HelixRole,
    OwnedContent,
    OwnedQuerySet,
    Region,
    SupportType,
    validate_slug_not_reserved,
)
from hubsi.search import search as text_search
from hubsi.search import word_search
from hubsi.vocabulary import ContentLanguage, Stage


class BilingualQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def order_by_name(self):
        return self.order_by(f"name_{current_language()}", "pk")


def current_language() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


class Bilingual(models.Model):
    """Staff data with a Dutch and an English name and description."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=160)
    name_en = models.CharField(_("name (English)"), max_length=160)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_slug_not_reserved]
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive items are hidden from the public.")
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return getattr(self, f"name_{current_language()}") or self.name_nl

    @property
    def description(self) -> str:
        return getattr(self, f"description_{current_language()}") or self.description_nl


class Theme(Bilingual):
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = BilingualQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name_nl"]


class ChallengeQuerySet(BilingualQuerySet):
    def active(self):
        return self.filter(is_active=True, theme__is_active=True)

    def search(self, q: str):
        return word_search(self, q, ["name_nl", "name_en", "description_nl", "description_en"])


class Challenge(Bilingual):
    """A specific societal problem ("energy poverty among tenants"): a first-class page."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="challenges", verbose_name=_("theme")
    )

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["name_nl"]

    def get_absolute_url(self):
        return reverse("challenge-detail", args=[self.slug])


class InnovationQuerySet(OwnedQuerySet):
    def for_listing(self):
        """Everything a list row shows, in a constant number of queries."""
        return self.prefetch_related("challenges", "regions")

    def for_detail(self):
        return self.prefetch_related(
            "challenges__theme", "regions", "partner_roles", "needs", "wanted_roles"
        )

    def search(self, q: str):
        """Text search (hubsi.search): ranked full-text search on PostgreSQL."""
        return text_search(self, q)

    def in_challenge(self, slug: str):
        """What a challenge hub lists: exactly what the list's `challenge` filter selects."""
        return self.filter(via_m2m(self.model, "challenges", "slug")([slug]))


class Innovation(OwnedContent):
    owner_lookup = "owners"

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="innovations", blank=True, verbose_name=_("owners")
    )
    organisation_name = models.CharField(_("organisation"), max_length=160)
    organisation_role = models.CharField(
        _("helix role of the organisation"),
        max_length=20,
        choices=vocabulary.HelixRole.choices,
        db_index=True,
        help_text=_("The lead organisation's role; funding eligibility depends on it."),
    )
    language = models.CharField(
        _("language of the content"),
        max_length=2,
        choices=ContentLanguage.choices,
        default=ContentLanguage.DUTCH,
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    problem = models.TextField(
        _("the problem"), help_text=_("Which societal problem does it tackle, and for whom?")
    )
    systemic_view = models.TextField(
        _("systemic view"),
        blank=True,
        help_text=_("Root causes, the actors involved and the system around the problem."),
    )
    approach = models.TextField(_("approach"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    impact = models.TextField(_("impact so far"), blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, db_index=True)
    challenges = models.ManyToManyField(
        Challenge, related_name="innovations", verbose_name=_("challenges")
    )
    regions = models.ManyToManyField(
        Region, related_name="innovations", blank=True, verbose_name=_("regions")
    )
    partner_roles = models.ManyToManyField(
        HelixRole,
        related_name="innovations_partnering",
        blank=True,
        verbose_name=_("helix roles in the partnership"),
    )
    needs = models.ManyToManyField(
        SupportType, related_name="innovations", blank=True, verbose_name=_("support needed")
    )
    wanted_roles = models.ManyToManyField(
        HelixRole,
        related_name="innovations_wanting",
        blank=True,
        verbose_name=_("helix roles wanted as partners"),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/innovations/", blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Never shown publicly.")
    )
    # Kept by hubsi.search.update_search_vector; GIN-indexed on PostgreSQL by the migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = InnovationQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="innovation_recent"),
            models.Index(fields=["status", "name"], name="innovation_name"),
            models.Index(fields=["status", "stage"], name="innovation_stage"),
            models.Index(fields=["status", "featured"], name="innovation_featured"),
            # Covers what ranking similar innovations reads of every candidate, so PostgreSQL
            # scans this index instead of the table with all its text (front/matching.py).
            models.Index(fields=["status", "stage", "name", "id"], name="innovation_ranking"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("innovations:innovation-detail", args=[self.slug])
