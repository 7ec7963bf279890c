"""Learning offers (work track 2, competence building): programmes, workshops, courses,
events, peer learning and coaching tracks by supporters. Upcoming, running and past follow
from the dates alone, judged in the platform's time zone, never from a stored field.

Practices (work track 3, government as a partner): working models others can adopt, kept by
the curators in both languages, with the published innovations that apply them."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import InterestQuerySetMixin, challenge_interest
from hubsi.models import (
    Competence,
    HelixRole,
    Instrument,
    OwnedContent,
    OwnedQuerySet,
    Region,
    Stage,
    Status,
    validate_slug_not_reserved,
)
from hubsi.search import search as text_search
from hubsi.search import word_search
from innovations.models import Challenge, Innovation, Theme, current_language
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


def timing_on(
    start_date: datetime.date | None, end_date: datetime.date | None, on: datetime.date
) -> str:
    """`upcoming`, `running`, `past` or `self_paced` on that day; `past_q` selects `past`."""
    if start_date is None and end_date is None:
        return "self_paced"
    last_day = end_date or start_date
    if last_day < on:
        return "past"
    if start_date and start_date > on:
        return "upcoming"
    return "running"


# The ranks of `by_date`'s groups that are not past (`current()`).
CURRENT_RANKS = (0, 1)


def date_rank(
    start_date: datetime.date | None, end_date: datetime.date | None, on: datetime.date
) -> tuple:
    """The group of `by_date` an offer is in on that day: dated and not past, undated, then
    past ones by start date, the latest first (the list's facet index orders its results by
    these groups)."""
    if timing_on(start_date, end_date, on) == "past":
        return (2, start_date is None, -start_date.toordinal() if start_date else 0)
    return (0,) if start_date else (1,)


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
        return timing_on(self.start_date, self.end_date, today())

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


# Practices -----------------------------------------------------------------------------------


class PracticeQuerySet(InterestQuerySetMixin, models.QuerySet):
    def active(self):
        """What the public sees: every practice not marked inactive."""
        return self.filter(is_active=True)

    published = active  # the name every public read path starts with

    def for_listing(self):
        return self.prefetch_related("roles", "instruments")

    def for_detail(self):
        return self.prefetch_related("roles", "instruments", "stages", "challenges", "themes")

    def applied_in_challenge(self, slug: str):
        """Linked to the challenge (or its theme), or applied by a published innovation on it
        (confirmed): what a challenge hub shows."""
        applied = PracticeApplication.objects.public().filter(innovation__challenges__slug=slug)
        return self.filter(
            challenge_interest(self.model)([slug]) | Q(pk__in=applied.values("practice_id"))
        )

    def applied_by(self, innovation):
        """The practices the innovation applies, as the public sees them (confirmed)."""
        applied = PracticeApplication.objects.public().filter(innovation=innovation)
        return self.active().filter(pk__in=applied.values("practice_id"))

    def search(self, q: str):
        """The portable word search: there are tens of practices, not thousands."""
        return word_search(self, q, [*(f"{f}_{lang}" for f in TEXTS for lang in ("nl", "en"))])


# The bilingual texts of a practice, in the order the page shows them.
TEXTS = ("name", "summary", "what", "when", "how", "pitfalls")


class Practice(models.Model):
    """A working model in which government acts as a partner of social innovation (social
    procurement, citizens' budgets, living labs...), written by the curators in Dutch and
    English, with the published innovations that apply it."""

    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_slug_not_reserved]
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=160)
    name_en = models.CharField(_("name (English)"), max_length=160)
    summary_nl = models.CharField(_("summary (Dutch)"), max_length=300)
    summary_en = models.CharField(_("summary (English)"), max_length=300)
    what_nl = models.TextField(_("what it is (Dutch)"))
    what_en = models.TextField(_("what it is (English)"))
    when_nl = models.TextField(_("when it fits (Dutch)"), blank=True)
    when_en = models.TextField(_("when it fits (English)"), blank=True)
    how_nl = models.TextField(_("how to start (Dutch)"), blank=True)
    how_en = models.TextField(_("how to start (English)"), blank=True)
    pitfalls_nl = models.TextField(_("pitfalls (Dutch)"), blank=True)
    pitfalls_en = models.TextField(_("pitfalls (English)"), blank=True)
    roles = models.ManyToManyField(
        HelixRole, related_name="practices", blank=True, verbose_name=_("helix roles")
    )
    instruments = models.ManyToManyField(
        Instrument, related_name="practices", blank=True, verbose_name=_("funding instruments")
    )
    stages = models.ManyToManyField(
        Stage, related_name="practices", blank=True, verbose_name=_("stages")
    )
    challenges = models.ManyToManyField(
        Challenge, related_name="practices", blank=True, verbose_name=_("challenges")
    )
    themes = models.ManyToManyField(
        Theme, related_name="practices", blank=True, verbose_name=_("themes")
    )
    innovations = models.ManyToManyField(
        Innovation,
        through="PracticeApplication",
        related_name="practices",
        blank=True,
        verbose_name=_("innovations that apply it"),
    )
    sources = models.TextField(
        _("sources"),
        blank=True,
        help_text=_("One source per line: its title, then its address (https://...)."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive practices are hidden from the public.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["name_nl", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("learning:practice-detail", args=[self.slug])

    def text(self, field: str) -> str:
        """A text in the visitor's language, or the Dutch one when it has no translation."""
        return getattr(self, f"{field}_{current_language()}") or getattr(self, f"{field}_nl")

    def clean(self):
        super().clean()
        try:
            self.source_links(strict=True)
        except ValidationError as error:
            raise ValidationError({"sources": error.messages}) from error

    def source_links(self, strict: bool = False) -> list[tuple[str, str]]:
        """The sources as (title, address): each line's last word is the address. A line
        without a valid address is an error when `strict` (the admin), else left out."""
        links = []
        for line in self.sources.splitlines():
            if not line.strip():
                continue
            title, _space, url = line.strip().rpartition(" ")
            try:
                URLValidator(schemes=["https", "http"])(url)
            except ValidationError:
                if strict:
                    raise
                continue
            links.append((title.strip(" -–|:") or url, url))
        return links

    @property
    def texts(self) -> dict[str, str]:
        """Every text in the visitor's language, for templates: `practice.texts.how`."""
        return {field: self.text(field) for field in TEXTS}

    @property
    def name(self) -> str:
        return self.text("name")

    @property
    def summary(self) -> str:
        return self.text("summary")

    @property
    def text_language(self) -> str:
        """The language the visitor reads the texts in (for the `lang` attribute)."""
        return current_language() if self.name_en else "nl"


class PracticeApplicationQuerySet(models.QuerySet):
    def public(self):
        """Confirmed links of published innovations to active practices: all the public sees."""
        return self.filter(
            confirmed=True, innovation__status=Status.PUBLISHED, practice__is_active=True
        )


class PracticeApplication(models.Model):
    """An innovation applies a practice: claimed by its owners (unconfirmed until a curator
    confirms it) or set by a curator."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="applications", verbose_name=_("practice")
    )
    innovation = models.ForeignKey(
        Innovation,
        on_delete=models.CASCADE,
        related_name="practice_applications",
        verbose_name=_("innovation"),
    )
    confirmed = models.BooleanField(
        _("confirmed"), default=False, help_text=_("Only confirmed links are shown publicly.")
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("claimed by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = PracticeApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice applied")
        verbose_name_plural = _("practices applied")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "innovation"], name="one_application_per_innovation"
            )
        ]

    def __str__(self):
        return f"{self.innovation} · {self.practice}"
