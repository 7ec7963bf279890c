"""The dashboard entries of owned content: where each item stands, what to do next and what
is missing or weak in it (the kind's `checks`). The dashboard page itself is the site's
(front/dashboard.py), which adds what is new for each item."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _

from hubsi import services
from hubsi.kinds import Kind
from hubsi.models import Status
from hubsi.selfservice.editing import Editing


@dataclass
class DashboardEntry:
    """One item on the dashboard: what it is, where it stands, and what to do next."""

    obj: models.Model
    status_label: str
    note: str = ""
    next_text: str = ""
    next_url: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    # What is missing or weak in the profile: (text, link to the step that fixes it).
    missing: list[tuple[str, str]] = field(default_factory=list)
    # Filled by the page (front/dashboard.py): matches new since the last visit, deadlines of
    # matched funding, contact requests waiting for an answer.
    news_heading: str = ""
    news: list = field(default_factory=list)
    more_news: bool = False
    deadlines: list = field(default_factory=list)
    waiting: list = field(default_factory=list)


def owned_entries(kind: Kind, user) -> list[DashboardEntry]:
    """The entries of everything of `kind` that `user` owns: status, the curator's note, what
    to do next and the links. Three queries (plus one per prefetched relation), whatever the
    number of objects: every relation a step requires is prefetched, as "what to do next"
    needs them all."""
    objects = list(kind.owned_by(user).order_by(*kind.dashboard_order))
    return [_entry(kind, editing) for editing in Editing.load_many(objects)]


def _entry(kind: Kind, editing: Editing) -> DashboardEntry:
    obj, steps = editing.obj, kind.steps
    edit_url, preview_url = kind.url("edit", obj), kind.url("preview", obj)
    entry = DashboardEntry(obj, obj.get_status_display(), note=editing.note)
    if obj.status in services.EDITABLE_STATUSES:
        open_steps = editing.open_steps(steps)
        if open_steps:
            first = open_steps[0]
            entry.next_text = _("Continue with step %(number)d: %(title)s") % {
                "number": steps.index(first) + 1,
                "title": first.title,
            }
            entry.next_url = kind.step_url(obj, first)
        else:
            entry.next_text = _("Check the preview and submit it for review")
            entry.next_url = preview_url
        entry.links = [(_("Preview"), preview_url), (_("Edit"), edit_url)]
    elif obj.status == Status.SUBMITTED:
        entry.next_text = _("Waiting for review. You will get an email when it is done.")
        entry.links = [(_("Preview"), preview_url)]
    elif obj.status == Status.PUBLISHED:
        entry.links = [(_("Public page"), obj.get_absolute_url())]
        if editing.pending_submitted:
            entry.status_label = _("Published; your changes are waiting for review")
            entry.next_text = _("Your changes are waiting for review.")
            entry.links.append((_("Preview the changes"), preview_url))
        elif editing.has_pending_changes:
            entry.status_label = _("Published; you have changes that are not submitted")
            entry.next_text = _("Submit your changes for review")
            entry.next_url = kind.url("submit", obj)
            entry.links += [(_("Preview the changes"), preview_url), (_("Edit"), edit_url)]
        else:
            entry.links.append((_("Edit"), edit_url))
    else:
        entry.next_text = _("Archived by the curators. Write to them to bring it back.")
    if obj.status in services.EDITABLE_STATUSES:
        # The open steps are left out: "Next:" already leads there.
        entry.missing = missing_parts(kind, editing, skip=editing.open_steps(steps))
    elif obj.status == Status.PUBLISHED and not editing.pending_submitted:
        entry.missing = missing_parts(kind, editing)
    if obj.status != Status.ARCHIVED and kind.has_invitations:
        label = kind.invite_label or _("Invite a co-owner")
        entry.links.append((label, kind.url("invite", obj)))
    return entry


def missing_parts(kind: Kind, editing: Editing, skip=()) -> list[tuple[str, str]]:
    """What the kind's checks find missing or weak, each with the link to its step, leaving
    out the checks of the steps in `skip`."""
    skipped = {step.slug for step in skip}
    values = editing.values({check.field for check in kind.checks})
    steps = {step.slug: step for step in kind.steps}
    return [
        (text, kind.step_url(editing.obj, steps[check.step]))
        for check in kind.checks
        if check.step not in skipped and (text := check.problem(values[check.field]))
    ]
