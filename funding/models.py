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
    HelixRole,
    Publishable,
    PublishableQuerySet,
    Region,
    Stage,
    validate_slug_not_reserved,
)
from hubsi.search import search as text_search
from innovations.models import Challenge, Theme
from supporters.models import Supporter


def today() -> datetime.date:
    """Today in the platform's time zone: a deadline day is open until its end there."""
    return timezone.localdate()


def open_q(on: datetime.date | None = None) -> Q:
    """Open on that day (opened, deadline not passed) or rolling (no deadline)."""
    on = on or today()
    return (Q(opens_on__isnull=True) | Q(opens_on__lte=on)) & (
        Q(deadline__isnull=True) | Q(deadline__gte=on)
    )


def timing_on(
    opens_on: datetime.date | None, deadline: datetime.date | None, on: datetime.date
) -> str:
    """`open`, `rolling`, `upcoming` or `closed` on that day; `open_q` selects the first two."""
    if opens_on and opens_on > on:
        return "upcoming"
    if deadline is None:
        return "rolling"
    return "open" if deadline >= on else "closed"


# The list's default order (`by_timing`) by timing, and the timings `open_q` selects.
TIMING_ORDER = ("open", "rolling", "upcoming", "closed")
OPEN_RANKS = (0, 1)


def timing_rank(
    opens_on: datetime.date | None, deadline: datetime.date | None, on: datetime.date
) -> tuple[int]:
    """The group of `by_timing` a call is in on that day (the funding list's facet index
    orders its results by these groups)."""
    return (TIMING_ORDER.index(timing_on(opens_on, deadline, on)),)


class FundingQuerySet(InterestQuerySetMixin, PublishableQuerySet):
    def open_now(self, on: datetime.date | None = None):
        return self.filter(open_q(on))

    def upcoming(self, on: datetime.date | None = None):
        return self.filter(opens_on__gt=on or today())

    def not_closed(self, on: datetime.date | None = None):
        return self.filter(Q(deadline__isnull=True) | Q(deadline__gte=on or today()))

    def by_timing(self, on: datetime.date | None = None):
        """Open calls first by nearest deadline, then rolling ones, upcoming, and closed last:
        the funding list's default order."""
        on = on or today()
        rank = Case(
            When(open_q(on) & Q(deadline__isnull=False), then=Value(0)),
            When(open_q(on), then=Value(1)),
            When(opens_on__gt=on, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return self.annotate(timing_rank=rank).order_by(
            "timing_rank", F("deadline").asc(nulls_last=True), "opens_on", "name", "pk"
        )

    def for_listing(self):
        return self.select_related("funder")

    def for_detail(self):
        return self.select_related("funder").prefetch_related(
            "eligible_roles", "stages", "challenges", "themes", "regions"
        )

    def search(self, q: str):
        """Text search (hubsi.search): ranked full-text search on PostgreSQL."""
        return text_search(self, q)


class FundingOpportunity(Publishable):
    """A grant, loan, prize or call. Open, upcoming or closed follows from its dates alone."""

    staff_content = True  # curated by Europa WSE from funders' calls; no owners

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_slug_not_reserved]
    )
    funder_name = models.CharField(_("funder"), max_length=160)
    funder = models.ForeignKey(
        Supporter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_opportunities",
        verbose_name=_("funder on the platform"),
    )
    description = models.TextField(_("description"), blank=True)
    instrument = models.CharField(
        _("instrument"), max_length=20, choices=vocabulary.Instrument.choices, db_index=True
    )
    amount_min = models.PositiveIntegerField(_("minimum amount (EUR)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("maximum amount (EUR)"), null=True, blank=True)
    opens_on = models.DateField(_("opening date"), null=True, blank=True)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Leave empty for a rolling call.")
    )
    eligible_roles = models.ManyToManyField(
        HelixRole,
        related_name="funding_opportunities",
        blank=True,
        verbose_name=_("eligible helix roles"),
    )
    stages = models.ManyToManyField(
        Stage, related_name="funding_opportunities", blank=True, verbose_name=_("stages")
    )
    challenges = models.ManyToManyField(
        Challenge, related_name="funding_opportunities", blank=True, verbose_name=_("challenges")
    )
    themes = models.ManyToManyField(
        Theme, related_name="funding_opportunities", blank=True, verbose_name=_("themes")
    )
    regions = models.ManyToManyField(
        Region, related_name="funding_opportunities", blank=True, verbose_name=_("regions")
    )
    url = models.URLField(_("official page"), blank=True)
    # Kept by hubsi.search.update_search_vector; GIN-indexed on PostgreSQL by the migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = FundingQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")
        ordering = ["deadline", "name", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="funding_deadline"),
            models.Index(fields=["status", "opens_on"], name="funding_opens"),
            models.Index(fields=["status", "-published_at"], name="funding_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="funding_amount_range",
                violation_error_message=_("The minimum amount is larger than the maximum."),
            ),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(deadline__isnull=True)
                | Q(opens_on__lte=models.F("deadline")),
                name="funding_dates_order",
                violation_error_message=_("The deadline is before the opening date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("funding:funding-detail", args=[self.slug])

    @property
    def timing(self) -> str:
        """`open`, `rolling`, `upcoming` or `closed`, judged today in the platform's zone."""
        return timing_on(self.opens_on, self.deadline, today())
