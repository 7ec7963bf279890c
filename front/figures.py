"""The platform's own figures for ESF+ reporting, per calendar month and in total.

Every figure is defined in docs/curation.md ("Figures for ESF+ reporting") and tested against a
direct query in tests/test_figures.py. The site layer computes them because they combine
accounts, connections and every kind of owned content. Months are calendar months in
TIME_ZONE; a fixed number of queries, whatever the amount of data (the review times read the
admin log's review entries once).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from connections.models import ContactRequest, ContactStatus, Report
from hubsi.curation import SUBMITTED_MESSAGE
from hubsi.kinds import registered_kinds

UNANSWERED_AFTER = timedelta(days=14)

# The change messages `hubsi.services` logs for each step of a review (kept in English).
SUBMISSION = Q(change_message=SUBMITTED_MESSAGE) | Q(
    change_message__startswith="Submitted changes for review"
)
PUBLICATION = Q(change_message="Published") | Q(change_message__startswith="Published pending")
CHANGES_REQUESTED = Q(change_message__startswith="Changes requested")
ARCHIVED = Q(change_message="Archived")
DECISION = PUBLICATION | CHANGES_REQUESTED


@dataclass
class Row:
    key: str
    label: str
    per_month: dict[date, float | int | None] = field(default_factory=dict)
    total: float | int | None = None


def month_of(moment: datetime) -> date:
    local = timezone.localtime(moment)
    return date(local.year, local.month, 1)


def last_months(count: int, *, today: date | None = None) -> list[date]:
    """The first days of the last `count` calendar months, the current one included, oldest
    first."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    months = []
    for _i in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100): the smallest value with at least p% of the values
    at or below it. None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _monthly(queryset, moment: str) -> dict[date, int]:
    """Counts per calendar month of the `moment` field (one query)."""
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(moment, tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
    )
    counts: dict[date, int] = {}
    for row in rows:
        month = row["month"]
        key = date(month.year, month.month, 1)
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def _count_row(key, label, queryset, moment, months) -> Row:
    counts = _monthly(queryset, moment)
    return Row(
        key=key,
        label=label,
        per_month={month: counts.get(month, 0) for month in months},
        total=sum(counts.values()),
    )


def review_times(entries) -> list[tuple[datetime, float]]:
    """For each decision (publication or changes requested) in `entries`, ordered by time: its
    moment and the hours since the latest submission of the same object before it. A decision
    without an earlier submission in the log (content kept by staff) has no review time."""
    submitted: dict[tuple[int, str], datetime] = {}
    times = []
    for entry in entries:
        key = (entry["content_type_id"], entry["object_id"])
        if entry["is_submission"]:
            submitted[key] = entry["action_time"]
        elif key in submitted:
            waited = entry["action_time"] - submitted.pop(key)
            times.append((entry["action_time"], waited.total_seconds() / 3600))
    return times


def figures(months: list[date]) -> list[Row]:
    """All figures for these months (and in total, over all time)."""
    User = get_user_model()
    people = User.objects.filter(is_staff=False)
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    rows = [
        _count_row("accounts_created", _("Accounts created"), people, "date_joined", months),
        _count_row(
            "accounts_verified",
            _("Accounts created and verified"),
            people.filter(Exists(verified)),
            "date_joined",
            months,
        ),
    ]

    kinds = registered_kinds()
    content_types = ContentType.objects.get_for_models(*(kind.model for kind in kinds))
    log = LogEntry.objects.filter(content_type__in=content_types.values())
    for kind in kinds:
        name = capfirst(kind.model._meta.verbose_name_plural)
        of_kind = log.filter(content_type=content_types[kind.model])
        for key, label, condition in (
            ("submissions", _("%(kind)s: submissions"), SUBMISSION),
            ("publications", _("%(kind)s: publications"), PUBLICATION),
            ("changes_requested", _("%(kind)s: changes requested"), CHANGES_REQUESTED),
            ("archived", _("%(kind)s: archived"), ARCHIVED),
        ):
            rows.append(
                _count_row(
                    f"{kind.name}_{key}",
                    label % {"kind": name},
                    of_kind.filter(condition),
                    "action_time",
                    months,
                )
            )

    entries = (
        log.filter(SUBMISSION | DECISION)
        .annotate(is_submission=ExpressionWrapper(SUBMISSION, output_field=BooleanField()))
        .order_by("action_time", "pk")
        .values("content_type_id", "object_id", "action_time", "is_submission")
    )
    times = review_times(entries)
    for key, label, p in (
        ("review_hours_median", _("Time from submission to decision, median (hours)"), 50),
        ("review_hours_p90", _("Time from submission to decision, 90th percentile (hours)"), 90),
    ):
        rows.append(
            Row(
                key=key,
                label=label,
                per_month={
                    month: _rounded(percentile([h for at, h in times if month_of(at) == month], p))
                    for month in months
                },
                total=_rounded(percentile([h for _at, h in times], p)),
            )
        )

    requests = ContactRequest.objects.all()
    answered_late = Q(answered_at__isnull=True) | Q(
        answered_at__gt=F("created_at") + UNANSWERED_AFTER
    )
    rows += [
        _count_row("contact_sent", _("Contact requests sent"), requests, "created_at", months),
        _count_row(
            "contact_accepted",
            _("Contact requests accepted"),
            requests.filter(status=ContactStatus.ACCEPTED),
            "answered_at",
            months,
        ),
        _count_row(
            "contact_declined",
            _("Contact requests declined"),
            requests.filter(status=ContactStatus.DECLINED),
            "answered_at",
            months,
        ),
        _count_row(
            "contact_unanswered",
            _("Contact requests not answered within 14 days"),
            requests.filter(answered_late, created_at__lte=timezone.now() - UNANSWERED_AFTER),
            "created_at",
            months,
        ),
        _count_row("reports_received", _("Reports received"), Report.objects, "created_at", months),
        _count_row(
            "reports_handled",
            _("Reports received and handled"),
            Report.objects.filter(handled=True),
            "created_at",
            months,
        ),
    ]
    return rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
