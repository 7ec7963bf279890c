"""The curators' queue: what waits for a decision, across every kind of owned content.

Built from the registry of kinds (`hubsi.kinds.registered_kinds()`), so a kind registered later
(learning offers) is in the queue without a change here. Other waiting work (open reports,
flagged contact requests) lives in apps above this layer: they add it through
`register_waiting_work` from their `AppConfig.ready()`, as they connect to signals.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from hubsi.kinds import Kind, registered_kinds
from hubsi.models import Revision, Status

# The change message `services.content_submit` logs (kept in English, like every log message).
SUBMITTED_MESSAGE = "Submitted for review"


@dataclass(frozen=True)
class QueueItem:
    """One decision waiting for a curator: submitted content, or submitted pending changes."""

    kind: Kind
    pk: int
    name: str
    organisation: str
    submitted_at: datetime | None
    # True for content never published before; False for changes to published content.
    first_time: bool

    @property
    def kind_label(self) -> str:
        return str(self.kind.model._meta.verbose_name)

    @property
    def waiting(self):
        """How long it has waited (None when the submission time is unknown)."""
        return None if self.submitted_at is None else timezone.now() - self.submitted_at

    @property
    def admin_url(self) -> str:
        opts = self.kind.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.pk])

    def sort_key(self):
        # Oldest first; an unknown submission time (before it was recorded) counts as oldest.
        return (self.submitted_at is not None, self.submitted_at or timezone.now(), self.pk)


def kind_queue(kind: Kind) -> list[QueueItem]:
    """Two queries: submitted content, and published content with submitted pending changes."""
    model = kind.model
    fields = {"organisation_value": F(kind.organisation_lookup)} if kind.organisation_lookup else {}
    items = [
        QueueItem(
            kind=kind,
            pk=row["pk"],
            name=row["name"],
            organisation=row.get("organisation_value") or "",
            submitted_at=row["submitted_at"],
            first_time=row["published_at"] is None,
        )
        for row in model._default_manager.filter(status=Status.SUBMITTED)
        .order_by()
        .values("pk", "name", "submitted_at", "published_at", **fields)
    ]
    revisions = Revision.objects.submitted().filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )
    items += [
        QueueItem(
            kind=kind,
            pk=row["pk"],
            name=row["name"],
            organisation=row.get("organisation_value") or "",
            submitted_at=row["changes_submitted_at"],
            first_time=False,
        )
        for row in model._default_manager.filter(status=Status.PUBLISHED)
        .annotate(changes_submitted_at=Subquery(revisions.values("submitted_at")[:1]))
        .filter(changes_submitted_at__isnull=False)
        .order_by()
        .values("pk", "name", "changes_submitted_at", **fields)
    ]
    return items


def curated_kinds(user) -> list[Kind]:
    """The kinds this user may review (change permission on the model)."""
    return [
        kind
        for kind in registered_kinds()
        if user.has_perm(f"{kind.model._meta.app_label}.change_{kind.model._meta.model_name}")
    ]


def review_queue(user) -> list[QueueItem]:
    """Everything waiting for a decision that `user` may take, oldest first."""
    items = [item for kind in curated_kinds(user) for item in kind_queue(kind)]
    return sorted(items, key=QueueItem.sort_key)


def queue_counts(user, items: list[QueueItem]) -> list[dict]:
    """Per kind the user may review: its name, how many items wait (zero included), and its
    admin list."""
    counts = []
    for kind in curated_kinds(user):
        opts = kind.model._meta
        counts.append(
            {
                "label": capfirst(opts.verbose_name_plural),
                "count": sum(1 for item in items if item.kind is kind),
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            }
        )
    return counts


def next_in_queue(user, *, after: tuple[type, int] | None = None) -> QueueItem | None:
    """The oldest waiting item other than `after` (model, pk): where a curator goes next."""
    for item in review_queue(user):
        if after is None or (item.kind.model, item.pk) != after:
            return item
    return None


# Other waiting work, offered by the apps that own it -----------------------------------------


@dataclass(frozen=True)
class WaitingWork:
    """A count of something curators must handle, with the admin list that shows it.

    `permission` ("app.view_model") decides who sees it; `count` and `url` are called per
    request (one query for the count).
    """

    key: str
    label: str
    permission: str
    count: Callable[[], int]
    url: Callable[[], str]


_WAITING: dict[str, WaitingWork] = {}


def register_waiting_work(work: WaitingWork) -> WaitingWork:
    _WAITING[work.key] = work
    return work


def waiting_work(user) -> list[dict]:
    return [
        {"key": work.key, "label": work.label, "count": work.count(), "url": work.url()}
        for work in _WAITING.values()
        if user.has_perm(work.permission)
    ]


# Data migrations -----------------------------------------------------------------------------


def reconstruct_submitted_at(apps, app_label: str, model_name: str) -> None:
    """Fill `submitted_at` of existing content from the admin log: the time of the latest
    "Submitted for review" entry, where there is one (otherwise it stays empty: unknown)."""
    model = apps.get_model(app_label, model_name)
    content_types = apps.get_model("contenttypes", "ContentType")
    log = apps.get_model("admin", "LogEntry")
    try:
        content_type = content_types.objects.get(app_label=app_label, model=model_name.lower())
    except content_types.DoesNotExist:
        return
    latest = (
        log.objects.filter(content_type=content_type, change_message=SUBMITTED_MESSAGE)
        .values("object_id")
        .annotate(at=Max("action_time"))
    )
    for row in latest:
        if row["object_id"].isdigit():
            model.objects.filter(pk=int(row["object_id"])).update(submitted_at=row["at"])
