"""The platform's own figures for ESF+ reporting, per calendar month and in total.

Every figure is defined in docs/curation.md ("Figures for ESF+ reporting") and tested against a
direct query in tests/test_figures.py. The site layer computes them because they combine
accounts, connections and every kind of owned content. Months are calendar months in
TIME_ZONE; a fixed number of queries, whatever the amount of data (the review times read the
admin log's review entries once).

Activity (submissions, contact requests...) is counted from dated records. Published content
at the end of a month is a state that cannot be counted again later: `manage.py
record_month_figures` stores it in `hubsi.models.MonthFigure` on the 1st of the next month
(`record_month`), earlier months are reconstructed as far as the admin log allows
(`reconstruct`), and the current month shows the live count (`published_counts`).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from connections.models import ContactRequest, ContactStatus, Report, SentDigest
from hubsi.curation import SUBMITTED_MESSAGE
from hubsi.kinds import Kind, registered_kinds
from hubsi.models import MonthFigure, Status
from hubsi.vocabulary import HelixRole, Region, Stage
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter

UNANSWERED_AFTER = timedelta(days=14)

# The change messages `hubsi.services` logs for each step of a review (kept in English).
SUBMISSION = Q(change_message=SUBMITTED_MESSAGE) | Q(
    change_message__startswith="Submitted changes for review"
)
PUBLICATION = Q(change_message="Published") | Q(change_message__startswith="Published pending")
CHANGES_REQUESTED = Q(change_message__startswith="Changes requested")
ARCHIVED = Q(change_message="Archived")
DECISION = PUBLICATION | CHANGES_REQUESTED


# The two tables of the page: what happened in a month, and what was published at its end.
ACTIVITY = "activity"
MONTH_END = "month-end"


@dataclass
class Row:
    key: str
    label: str
    per_month: dict[date, float | int | None] = field(default_factory=dict)
    total: float | int | None = None
    group: str = ACTIVITY


def month_start(month: date) -> datetime:
    """The first moment of a calendar month in TIME_ZONE."""
    return timezone.make_aware(datetime(month.year, month.month, 1))


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


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
        _count_row("digests_sent", _("Digests sent"), SentDigest.objects, "sent_at", months),
        _count_row("reports_received", _("Reports received"), Report.objects, "created_at", months),
        _count_row(
            "reports_handled",
            _("Reports received and handled"),
            Report.objects.filter(handled=True),
            "created_at",
            months,
        ),
    ]
    return rows + published_rows(months)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# Published content at the end of each month -------------------------------------------------

# What each kind's published content is counted by: (dimension, the field or many-to-many
# relation that holds its codes). Every kind is counted in total as well; a kind registered
# later without a line here is counted in total only.
BREAKDOWNS: dict[type, tuple[tuple[str, str], ...]] = {
    Innovation: (("stage", "stage"), ("region", "regions")),
    Supporter: (("helix_role", "helix_role"), ("region", "regions")),
    ExperimentationSpace: (("region", "region"),),
    LearningOffer: (("region", "regions"),),
}
VOCABULARIES = {"stage": Stage, "helix_role": HelixRole, "region": Region}
DIMENSION_LABELS = {"stage": _("stage"), "helix_role": _("helix role"), "region": _("region")}
TOTAL = "total"
# Content that is public only while another object is too (`published()` says so): a place
# while its host is, a learning offer while its provider is.
PUBLIC_WITH = {ExperimentationSpace: "host", LearningOffer: "provider"}

# (kind, dimension, value): a count. The total of a kind has the dimension TOTAL, no value.
Key = tuple[str, str, str]


def breakdown_keys(kind: Kind) -> list[Key]:
    """Every number recorded for a kind, in the order of the page: its total, then each value
    of each dimension (all of the vocabulary, also when none has it)."""
    keys = [(kind.name, TOTAL, "")]
    for dimension, _lookup in BREAKDOWNS.get(kind.model, ()):
        keys += [(kind.name, dimension, code) for code in VOCABULARIES[dimension].values]
    return keys


def all_keys() -> list[Key]:
    return [key for kind in registered_kinds() for key in breakdown_keys(kind)]


def published_counts() -> dict[Key, int]:
    """Published content now, per kind and per value of each dimension: one query per kind and
    one per dimension. An item counts once per value it has (an innovation in two regions
    counts in both); values nobody has are absent."""
    counts: dict[Key, int] = {}
    for kind in registered_kinds():
        published = kind.model.objects.published().order_by()
        counts[(kind.name, TOTAL, "")] = published.count()
        for dimension, lookup in BREAKDOWNS.get(kind.model, ()):
            for row in published.values(lookup).annotate(n=Count("pk", distinct=True)):
                if row[lookup]:
                    counts[(kind.name, dimension, row[lookup])] = row["n"]
    return counts


def record_month(month: date, counts: dict[Key, int], *, reconstructed: bool = False) -> bool:
    """Store `counts` as the figures at the end of `month`, every key of every kind (0 where
    absent). A month already recorded is left as it is: False then, True when stored."""
    if MonthFigure.objects.filter(month=month).exists():
        return False
    try:
        with transaction.atomic():
            MonthFigure.objects.bulk_create(
                MonthFigure(
                    month=month,
                    kind=kind,
                    dimension=dimension,
                    value=value,
                    count=counts.get((kind, dimension, value), 0),
                    reconstructed=reconstructed,
                )
                for kind, dimension, value in all_keys()
            )
    except IntegrityError:  # recorded meanwhile by another run (one_figure_per_month)
        return False
    return True


def recorded_months() -> set[date]:
    return set(MonthFigure.objects.values_list("month", flat=True).distinct())


def reconstructed_months(months: list[date]) -> set[date]:
    """Of `months`, those whose figures were reconstructed afterwards (one query)."""
    figures = MonthFigure.objects.filter(month__in=months, reconstructed=True)
    return set(figures.values_list("month", flat=True).distinct())


def first_publication() -> datetime | None:
    """The earliest first publication of any owned content still in the database."""
    moments = [
        kind.model.objects.order_by("published_at")
        .values_list("published_at", flat=True)
        .filter(published_at__isnull=False)
        .first()
        for kind in registered_kinds()
    ]
    return min((moment for moment in moments if moment), default=None)


History = tuple[datetime, list[tuple[datetime, bool]]]


def _histories(model) -> dict[int, History]:
    """For every object of `model` ever published: its first publication and, in order, the
    publications (True) and archivings (False) in the admin log. An object that is not
    published today and has neither in the log left the public in a way the log does not show
    (content loaded as data): it is left out."""
    rows = model.objects.filter(published_at__isnull=False).values_list(
        "pk", "published_at", "status"
    )
    first = {pk: published_at for pk, published_at, _status in rows}
    published_now = {pk for pk, _at, status in rows if status == Status.PUBLISHED}
    events: dict[int, list[tuple[datetime, bool]]] = {pk: [] for pk in first}
    entries = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
        .filter(PUBLICATION | ARCHIVED)
        .annotate(is_publication=ExpressionWrapper(PUBLICATION, output_field=BooleanField()))
        .order_by("action_time", "pk")
        .values_list("object_id", "action_time", "is_publication")
    )
    for object_id, moment, is_publication in entries:
        if object_id.isdigit() and int(object_id) in events:
            events[int(object_id)].append((moment, is_publication))
    return {pk: (first[pk], events[pk]) for pk in first if events[pk] or pk in published_now}


def was_public(history: History, moment: datetime) -> bool:
    """Public at `moment`: first published before it, and not archived by the latest
    publication or archiving in the log before it."""
    published_at, events = history
    if published_at >= moment:
        return False
    before = [is_publication for at, is_publication in events if at < moment]
    return not before or before[-1]


def reconstruct(months: list[date]) -> dict[date, dict[Key, int]]:
    """Published content at the end of each month, as far as the database can tell: which
    objects were public then follows from their first publication and the admin log's
    publications and archivings (`was_public`); what they are counted by (stage, helix role,
    regions) is what they have today. docs/curation.md says what this cannot know."""
    ends = {month: month_start(next_month(month)) for month in months}
    result: dict[date, dict[Key, int]] = {month: {} for month in months}
    histories: dict[type, dict] = {}

    def history_of(model):
        if model not in histories:
            histories[model] = _histories(model)
        return histories[model]

    for kind in registered_kinds():
        model = kind.model
        history = history_of(model)
        parent = PUBLIC_WITH.get(model)
        parent_history = history_of(model._meta.get_field(parent).related_model) if parent else {}
        parents = (
            dict(model.objects.filter(published_at__isnull=False).values_list("pk", f"{parent}_id"))
            if parent
            else {}
        )
        values: dict[str, dict[int, set[str]]] = {}
        for dimension, lookup in BREAKDOWNS.get(model, ()):
            values[dimension] = {}
            codes = model.objects.filter(published_at__isnull=False).values_list("pk", lookup)
            for pk, code in codes:
                if code:
                    values[dimension].setdefault(pk, set()).add(code)
        for month, end in ends.items():
            counts = result[month]
            for pk, item in history.items():
                if not was_public(item, end):
                    continue
                if parent and not (
                    parents.get(pk) in parent_history
                    and was_public(parent_history[parents[pk]], end)
                ):
                    continue
                counts[(kind.name, TOTAL, "")] = counts.get((kind.name, TOTAL, ""), 0) + 1
                for dimension, per_item in values.items():
                    for code in per_item.get(pk, ()):
                        key = (kind.name, dimension, code)
                        counts[key] = counts.get(key, 0) + 1
    return result


def published_rows(months: list[date]) -> list[Row]:
    """A row per kind and per value of its dimensions: the recorded figure at the end of each
    month, the live count for the current month ("so far"), None for a month without figures.
    One query for the records, and one per kind and per dimension for the live count."""
    current = month_of(timezone.now())
    live = published_counts() if current in months else {}
    recorded: dict[date, dict[Key, int]] = {}
    for figure in MonthFigure.objects.filter(month__in=months):
        recorded.setdefault(figure.month, {})[(figure.kind, figure.dimension, figure.value)] = (
            figure.count
        )

    def at_end(month: date, key: Key) -> int | None:
        if month == current:
            return live.get(key, 0)
        if (key[0], TOTAL, "") in recorded.get(month, {}):  # a kind registered later: None
            return recorded[month].get(key, 0)
        return None

    rows = []
    for kind in registered_kinds():
        name = capfirst(kind.model._meta.verbose_name_plural)
        for key in breakdown_keys(kind):
            _kind, dimension, value = key
            if dimension == TOTAL:
                label = _("%(kind)s: published") % {"kind": name}
                row_key = f"published_{kind.name}"
            else:
                label = _("%(kind)s: published, %(dimension)s %(value)s") % {
                    "kind": name,
                    "dimension": DIMENSION_LABELS[dimension],
                    "value": VOCABULARIES[dimension](value).label,
                }
                row_key = f"published_{kind.name}_{dimension}_{value}"
            rows.append(
                Row(
                    key=row_key,
                    label=label,
                    per_month={month: at_end(month, key) for month in months},
                    group=MONTH_END,
                )
            )
    return rows
