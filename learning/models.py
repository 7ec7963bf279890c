"""Learning offers (work track 2, competence building): programmes, workshops, courses,
events, peer learning and coaching tracks by supporters. Upcoming, running and past follow
from the dates alone, judged in the platform's time zone, never from a stored field."""

import datetime

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import InterestQuerySetMixin
from hubsi.models import (
    Competence,
    HelixRole,
    OwnedContent,
    OwnedQuerySet,
    Region,
    Stage,
    Status,
    validate_slug_not_reserved,
)
from hubsi.search import search as text_search
from innovations.models import Challenge, Theme
from supporters.models import ExperimentationSpace, Supporter


def today() -> datetime.date:
    """Today in the platform's time zone (TIME_ZONE): an offer's last day lasts until its end."""
    return timezone.localdate()


def past_q(on: datetime.date | None = None) -> Q:
    """Over: its last day (the end date, else the start date) is before `on`. An offer
    without dates (self-paced or recurring) is never past."""
    on = on or today()
    return Q(end_date__lt=on) | Q(end_date__isnull=True, start_date__lt=on)


def not_past_q(on: datetime.date | None = None) -> Q:
    """The complement of `past_q`, spelled out so that empty dates count as not past."""
    on = on or today()
    return (
        Q(end_date__gte=on)
        | Q(end_date__isnull=True, start_date__gte=on)
        | Q(end_date__isnull=True, start_date__isnull=True)
    )


def running_q(on: datetime.date | None = None) -> Q:
    on = on or today()
    return Q(start_date__lte=on) & not_past_q(on)


def free_q() -> Q:
    return Q(price__isnull=True) | Q(price=0)


class LearningQuerySet(InterestQuerySetMixin, OwnedQuerySet):
    def published(self):
        """An offer is public only while it and its provider are published."""
        return self.filter(status=Status.PUBLISHED, provider__status=Status.PUBLISHED)

    def upcoming(self, on: datetime.date | None = None):
        return self.filter(start_date__gt=on or today())

    def running(self, on: datetime.date | None = None):
        return self.filter(running_q(on))

    def past(self, on: datetime.date | None = None):
        return self.filter(past_q(on))

    def current(self, on: datetime.date | None = None):
        """Not past: running, upcoming, or without dates. Lists, matches, feeds and counts
        show only these; a past offer keeps its page."""
        return self.filter(not_past_q(on))

    def by_date(self, on: datetime.date | None = None):
        """The list's default order: running and upcoming offers by start date, then
        self-paced ones, then (when asked for) past ones, the latest first."""
        on = on or today()
        rank = Case(
            When(past_q(on), then=Value(2)),
            When(start_date__isnull=False, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return self.annotate(timing_rank=rank).order_by(
            "timing_rank",
            Case(When(past_q(on), then=F("start_date"))).desc(nulls_last=True),
            F("start_date").asc(nulls_last=True),
            "name",
            "pk",
        )

    def for_listing(self):
        return self.select_related("provider").prefetch_related("competences")

    def for_detail(self):
        return self.select_related("provider", "space__host").prefetch_related(
            "competences", "stages", "challenges", "themes", "regions", "audiences"
        )

    def search(self, q: str):
        """Text search (hubsi.search): ranked full-text search on PostgreSQL."""
        return text_search(self, q)


class LearningOffer(OwnedContent):
    """A programme, workshop, course, event, peer-learning group or coaching track that
    strengthens competences for social innovation. It belongs to the managers of its
    provider."""

    owner_lookup = "provider__managers"

    provider = models.ForeignKey(
        Supporter,
        on_delete=models.CASCADE,
        related_name="learning_offers",
        verbose_name=_("provider"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_slug_not_reserved]
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=vocabulary.ContentLanguage.choices,
        default=vocabulary.ContentLanguage.DUTCH,
    )
    description = models.TextField(_("description"))
    format = models.CharField(
        _("format"), max_length=20, choices=vocabulary.LearningFormat.choices, db_index=True
    )
    competences = models.ManyToManyField(
        Competence, related_name="learning_offers", blank=True, verbose_name=_("competences")
    )
    stages = models.ManyToManyField(
        Stage, related_name="learning_offers", blank=True, verbose_name=_("stages")
    )
    challenges = models.ManyToManyField(
        Challenge, related_name="learning_offers", blank=True, verbose_name=_("challenges")
    )
    themes = models.ManyToManyField(
        Theme, related_name="learning_offers", blank=True, verbose_name=_("themes")
    )
    regions = models.ManyToManyField(
        Region, related_name="learning_offers", blank=True, verbose_name=_("regions")
    )
    audiences = models.ManyToManyField(
        HelixRole, related_name="learning_offers", blank=True, verbose_name=_("who it is for")
    )
    space = models.ForeignKey(
        ExperimentationSpace,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_offers",
        verbose_name=_("experimentation place"),
    )
    online = models.BooleanField(_("online"), default=False, db_index=True)
    location = models.CharField(_("where"), max_length=200, blank=True)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty for a self-paced offer.")
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    price = models.DecimalField(
        _("price (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty or 0 when it is free."),
    )
    price_note = models.CharField(
        _("reductions"),
        max_length=300,
        blank=True,
        help_text=_("For example a reduced price for citizens and civil society."),
    )
    registration_url = models.URLField(_("registration page"), blank=True)
    # Kept by hubsi.search.update_search_vector; GIN-indexed on PostgreSQL by the migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = LearningQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning offer")
        verbose_name_plural = _("learning offers")
        ordering = ["start_date", "name", "pk"]
        indexes = [
            models.Index(fields=["status", "start_date"], name="learning_start"),
            models.Index(fields=["status", "end_date"], name="learning_end"),
            models.Index(fields=["status", "-published_at"], name="learning_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="learning_dates_order",
                violation_error_message=_("The end date is before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(price__gte=0),
                name="learning_price_positive",
                violation_error_message=_("The price cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("learning:offer-detail", args=[self.slug])

    @property
    def last_day(self) -> datetime.date | None:
        return self.end_date or self.start_date

    @property
    def timing(self) -> str:
        """`upcoming`, `running`, `past` or `self_paced`, judged today in the platform's zone."""
        on = today()
        if self.start_date is None and self.end_date is None:
            return "self_paced"
        if self.last_day and self.last_day < on:
            return "past"
        if self.start_date and self.start_date > on:
            return "upcoming"
        return "running"

    @property
    def is_past(self) -> bool:
        return self.timing == "past"

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def registration_open(self) -> bool:
        if self.is_past:
            return False
        return self.registration_deadline is None or self.registration_deadline >= today()
