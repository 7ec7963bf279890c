from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import InterestQuerySetMixin
from hubsi.models import (
    OwnedContent,
    OwnedQuerySet,
    Region,
    Stage,
    Status,
    SupportType,
    validate_slug_not_reserved,
)
from hubsi.search import search as text_search
from innovations.models import Challenge, Theme


class SupporterQuerySet(InterestQuerySetMixin, OwnedQuerySet):
    def for_listing(self):
        return self.prefetch_related("offers", "regions")

    def for_detail(self):
        return self.prefetch_related("offers", "stages", "regions", "challenges", "themes")

    def search(self, q: str):
        """Text search (hubsi.search): ranked full-text search on PostgreSQL."""
        return text_search(self, q)


class Supporter(OwnedContent):
    """An organisation or person of the quintuple helix that offers support."""

    owner_lookup = "managers"

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="supporters", blank=True, verbose_name=_("managers")
    )
    helix_role = models.CharField(
        _("helix role"), max_length=20, choices=vocabulary.HelixRole.choices, db_index=True
    )
    description = models.TextField(_("description"))
    offers = models.ManyToManyField(
        SupportType, related_name="supporters", blank=True, verbose_name=_("support offered")
    )
    stages = models.ManyToManyField(
        Stage, related_name="supporters", blank=True, verbose_name=_("stages served")
    )
    challenges = models.ManyToManyField(
        Challenge, related_name="supporters", blank=True, verbose_name=_("challenges of interest")
    )
    themes = models.ManyToManyField(
        Theme, related_name="supporters", blank=True, verbose_name=_("themes of interest")
    )
    regions = models.ManyToManyField(
        Region, related_name="supporters", blank=True, verbose_name=_("regions served")
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/supporters/", blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Never shown publicly.")
    )
    # Kept by hubsi.search.update_search_vector; GIN-indexed on PostgreSQL by the migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["status", "name"], name="supporter_name"),
            models.Index(fields=["status", "-published_at"], name="supporter_recent"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("supporters:supporter-detail", args=[self.slug])


class SpaceQuerySet(InterestQuerySetMixin, OwnedQuerySet):
    def published(self):
        """A place is public only while it and its host are published."""
        return self.filter(status=Status.PUBLISHED, host__status=Status.PUBLISHED)

    def for_listing(self):
        return self.select_related("host")

    def for_detail(self):
        return self.select_related("host").prefetch_related("themes", "challenges")

    def search(self, q: str):
        """Text search (hubsi.search): ranked full-text search on PostgreSQL."""
        return text_search(self, q)


class ExperimentationSpace(OwnedContent):
    """An experimentation place (experimenteerplek) where innovations can be tested. It
    belongs to the managers of its host."""

    owner_lookup = "host__managers"

    host = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="spaces", verbose_name=_("host")
    )
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"))
    municipality = models.CharField(_("municipality"), max_length=100)
    region = models.CharField(
        _("region"), max_length=20, choices=vocabulary.Region.choices, db_index=True
    )
    themes = models.ManyToManyField(
        Theme, related_name="spaces", blank=True, verbose_name=_("themes")
    )
    challenges = models.ManyToManyField(
        Challenge, related_name="spaces", blank=True, verbose_name=_("challenges")
    )
    facilities = models.TextField(_("facilities"), blank=True)
    access = models.TextField(
        _("who may use it and how"), blank=True, help_text=_("Conditions, costs, how to apply.")
    )
    open_to_citizens = models.BooleanField(_("open to citizens"), default=False, db_index=True)
    # Kept by hubsi.search.update_search_vector; GIN-indexed on PostgreSQL by the migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("experimentation place")
        verbose_name_plural = _("experimentation places")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["status", "name"], name="space_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("supporters:space-detail", args=[self.slug])
