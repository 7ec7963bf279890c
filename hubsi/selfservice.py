"""Self-service pieces shared by every kind of owned content, and the pages around them.

A guided form is a list of `Step`s, each with its own form. `Editing` knows how an owner's
edit lands (on a draft, or in the pending changes of published content) and what they see:
the saved values with the pending changes on top, the steps left to do, the curator's note.
The dashboard lists everything a user owns or manages; `invitation_accept` makes an invitee a
co-owner. Innovations use all of it (innovations/selfservice.py); supporter profiles and places
follow the same pattern.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hubsi import services
from hubsi.limits import rate_limited
from hubsi.models import (
    DraftInput,
    OwnershipInvitation,
    Revision,
    Status,
    hash_token,
    stored_value,
)

# Forms -------------------------------------------------------------------------------------


class StepForm(forms.Form):
    """One step of a guided form. Field names are the model's field names.

    `valid_changes()` returns the fields that validated, also when others did not, so a step
    with an error still saves everything else; `raw_input()` is the step as typed.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # What the form is based on: a fingerprint of each field's saved value when it was
        # shown, so that saving can tell what someone else changed since (services).
        self.fields[BASED_ON] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial[BASED_ON] = _fingerprints(self.initial)

    def valid_changes(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and name != BASED_ON
        }

    def based_on(self) -> dict | None:
        """The fingerprints the submitted form was based on (None when missing or garbled)."""
        try:
            value = json.loads(self.data.get(self.add_prefix(BASED_ON)) or "null")
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def raw_input(self) -> dict:
        """The typed values of the step's fields (files cannot be kept; NUL characters cannot
        be stored in PostgreSQL's JSON and are never meant)."""
        return {
            name: [value.replace("\x00", "") for value in self.data.getlist(self.add_prefix(name))]
            for name, field in self.fields.items()
            if not isinstance(field, forms.FileField)
            and name != BASED_ON
            and self.add_prefix(name) in self.data
        }

    def show_conflict(self, conflict: "services.EditConflict") -> None:
        """Keep what was typed, and say at each field what someone else saved meanwhile."""
        for name, theirs in conflict.current.items():
            self.add_error(
                name,
                _(
                    "Someone else saved this while you were editing: “%(theirs)s”. Your own "
                    "answer is kept here: save again to keep it, or change it first."
                )
                % {"theirs": _display(self.fields[name], theirs)},
            )

    @classmethod
    def from_raw_input(cls, data: dict, **kwargs):
        form = cls(MultiValueDict(data), **kwargs)
        form.rebase(form.initial)
        return form

    def rebase(self, current: dict) -> None:
        """Base the (bound) form on the values saved now, e.g. after saving part of it."""
        self.data = self.data.copy()
        self.data[self.add_prefix(BASED_ON)] = _fingerprints(current)


BASED_ON = "based_on"


def _fingerprints(values: dict) -> str:
    return json.dumps(
        {name: services.fingerprint(value) for name, value in values.items() if name != BASED_ON}
    )


def _display(field: forms.Field, value) -> str:
    """A saved value as a person reads it: the labels of chosen options, or the text."""
    choices = dict(getattr(field, "choices", None) or [])
    if choices:
        values = value if isinstance(value, list) else [value]
        return ", ".join(str(choices.get(item, choices.get(str(item), item))) for item in values)
    return str(value or "")


def conflicted_form(form_class, request, current: dict, conflict: "services.EditConflict"):
    """The step again after `EditConflict`: what was typed, now based on what is saved now (so
    saving again is a deliberate choice), with what the other person saved at each field."""
    data = request.POST.copy()
    data[BASED_ON] = _fingerprints(current)
    form = form_class(data, initial=current)
    form.is_valid()
    form.show_conflict(conflict)
    return form


@dataclass
class StepOutcome:
    """What `handle_step` did: `saved` (go on to the next page) or a form to show again."""

    form: StepForm | None
    editing: "Editing"
    saved: bool = False
    conflict: bool = False


def handle_step(request, obj, editing: "Editing", step: "Step", names: list[str]) -> StepOutcome:
    """One step of an existing item's guided form, for every kind of content.

    GET shows the saved values, or what was typed last time if it did not validate. POST saves
    what validated (keeping the rest as typed input); when someone else changed the same field
    meanwhile nothing is saved and the form shows both texts (`services.EditConflict`).
    """
    values = editing.values(names)
    if request.method != "POST":
        if step.slug in editing.drafts:
            # What was typed last time did not validate: show it again, with its errors.
            form = step.form_class.from_raw_input(editing.drafts[step.slug].data, initial=values)
        else:
            form = step.form_class(initial=values)
        return StepOutcome(form, editing)
    form = step.form_class(request.POST, request.FILES, initial=values)
    valid = form.is_valid()
    try:
        services.content_save_step(
            obj=obj,
            by=request.user,
            step=step.slug,
            changes=form.valid_changes(),
            raw_input=None if valid else form.raw_input(),
            based_on=form.based_on(),
        )
    except services.EditConflict as conflict:
        editing = Editing.load(obj)
        form = conflicted_form(step.form_class, request, editing.values(names), conflict)
        return StepOutcome(form, editing, conflict=True)
    if valid or request.POST.get("action") == "previous":
        return StepOutcome(None, editing, saved=True)
    editing = Editing.load(obj)
    form.rebase(editing.values(names))
    return StepOutcome(form, editing)


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address of the person you invite"),
        help_text=gettext_lazy(
            "They receive a link that is valid for 14 days. They sign in (or create an account) "
            "with this address to accept."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SubmitForm(forms.Form):
    """The owner's consent at submission (DESIGN.md, Curation)."""

    may_publish = forms.BooleanField(
        label=gettext_lazy(
            "I may publish this content: it is ours to share, and it holds no personal data of "
            "others without their permission."
        ),
        error_messages={"required": gettext_lazy("Confirm that you may publish this content.")},
    )
    accepts_terms = forms.BooleanField(
        label=gettext_lazy(
            "I accept the terms of use, and that published texts carry the Creative Commons "
            "Attribution 4.0 licence (CC BY 4.0)."
        ),
        error_messages={"required": gettext_lazy("Accept the terms and the licence to submit.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


# Steps and the state of an edit ------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[StepForm]
    intro: str = ""

    @property
    def fields(self) -> list[str]:
        return list(self.form_class.base_fields)

    @property
    def required(self) -> list[str]:
        return [name for name, f in self.form_class.base_fields.items() if f.required]


def find_step(steps: list[Step], slug: str) -> Step | None:
    return next((step for step in steps if step.slug == slug), None)


@dataclass
class Editing:
    """An object as its owners edit it: its pending changes, unsaved input and edit mode."""

    obj: models.Model
    revision: Revision | None = None
    unsaved_steps: set[str] = field(default_factory=set)
    drafts: dict = field(default_factory=dict)

    @classmethod
    def load(cls, obj: models.Model) -> "Editing":
        drafts = {draft.step: draft for draft in DraftInput.objects.for_object(obj)}
        revision = Revision.objects.for_object(obj).first()
        return cls(obj, revision, set(drafts), drafts)

    @classmethod
    def load_many(cls, objects: list[models.Model]) -> list["Editing"]:
        """For lists: two queries, whatever the number of objects."""
        if not objects:
            return []
        model, pks = type(objects[0]), [obj.pk for obj in objects]
        revisions = {r.object_id: r for r in Revision.objects.for_objects(model, pks)}
        unsaved = defaultdict(set)
        for object_id, step in DraftInput.objects.for_objects(model, pks).values_list(
            "object_id", "step"
        ):
            unsaved[object_id].add(step)
        return [cls(obj, revisions.get(obj.pk), unsaved[obj.pk]) for obj in objects]

    @property
    def mode(self) -> str:
        return services.edit_mode(self.obj, self.revision)

    @property
    def has_pending_changes(self) -> bool:
        return bool(self.obj.status == Status.PUBLISHED and self.revision and self.revision.data)

    @property
    def pending_submitted(self) -> bool:
        return self.has_pending_changes and self.revision.is_submitted

    @property
    def note(self) -> str:
        """The curator's note the owners should act on, if any."""
        if self.obj.status == Status.PUBLISHED and self.revision:
            return self.revision.curator_note
        if self.obj.status == Status.CHANGES_REQUESTED:
            return self.obj.curator_note
        return ""

    def values(self, names) -> dict:
        """What the owners see in the form: the saved values with pending changes on top."""
        values = {name: stored_value(self.obj, name) for name in names}
        if self.has_pending_changes:
            values.update({k: v for k, v in self.revision.data.items() if k in values})
        return values

    def step_complete(self, step: Step, values: dict) -> bool:
        return all(values.get(name) not in (None, "", []) for name in step.required)

    def open_steps(self, steps: list[Step]) -> list[Step]:
        """Steps with a required field left empty, or with typed input not yet valid."""
        model_fields = _model_fields(self.obj)
        names = {name for step in steps for name in step.fields if name in model_fields}
        values = self.values(names)
        return [
            step
            for step in steps
            if not self.step_complete(step, values) or step.slug in self.unsaved_steps
        ]

    def progress(self, steps: list[Step], current: Step | None, url) -> list[dict]:
        open_slugs = {step.slug for step in self.open_steps(steps)}
        return [
            {
                "number": number,
                "step": step,
                "url": url(step),
                "current": step == current,
                "complete": step.slug not in open_slugs,
            }
            for number, step in enumerate(steps, start=1)
        ]


def _model_fields(obj: models.Model) -> set[str]:
    return {f.name for f in obj._meta.get_fields() if f.concrete or f.many_to_many}


def progress_for_new(steps: list[Step]) -> list[dict]:
    """The progress indicator before anything is saved: step one of n, no links."""
    return [
        {"number": n, "step": step, "url": "", "current": n == 1, "complete": False}
        for n, step in enumerate(steps, start=1)
    ]


# The dashboard -----------------------------------------------------------------------------


@dataclass
class DashboardEntry:
    """One item on the dashboard: what it is, where it stands, and what to do next."""

    obj: models.Model
    status_label: str
    note: str = ""
    next_text: str = ""
    next_url: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


def innovation_entries(user) -> list[DashboardEntry]:
    from innovations.models import Innovation
    from innovations.selfservice import STEPS

    # Every relation a step requires is prefetched: "what to do next" needs them all.
    innovations = list(
        Innovation.objects.owned_by(user)
        .prefetch_related("challenges", "regions", "partner_roles", "needs", "wanted_roles")
        .order_by("-updated_at", "-pk")
    )
    return owned_entries(
        innovations,
        steps=STEPS,
        url_names={
            "edit": "innovations:edit-innovation",
            "step": "innovations:edit-step",
            "preview": "innovations:preview-innovation",
            "submit": "innovations:submit-innovation",
            "invite": "innovations:invite-innovation",
        },
    )


def owned_entries(
    objects: list[models.Model], *, steps: list[Step], url_names: dict, invite_label: str = ""
) -> list[DashboardEntry]:
    """Dashboard entries of owned content edited with `steps`: status, the curator's note, what
    to do next and the links. `url_names` names the views by role (`edit`, `step`, `preview`,
    `submit` and, if the content has co-owners of its own, `invite`); the objects come with
    every relation a step requires prefetched. Two queries, whatever the number of objects."""
    entries = []
    for editing in Editing.load_many(objects):
        obj = editing.obj
        slug = obj.slug
        edit_url = reverse(url_names["edit"], args=[slug])
        preview_url = reverse(url_names["preview"], args=[slug])
        submit_url = reverse(url_names["submit"], args=[slug])
        entry = DashboardEntry(obj, obj.get_status_display(), note=editing.note)
        open_steps = editing.open_steps(steps)
        if obj.status in services.EDITABLE_STATUSES:
            if open_steps:
                first = open_steps[0]
                entry.next_text = _("Continue with step %(number)d: %(title)s") % {
                    "number": steps.index(first) + 1,
                    "title": first.title,
                }
                entry.next_url = reverse(url_names["step"], args=[slug, first.slug])
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
                entry.next_url = submit_url
                entry.links += [(_("Preview the changes"), preview_url), (_("Edit"), edit_url)]
            else:
                entry.links.append((_("Edit"), edit_url))
        else:
            entry.next_text = _("Archived by the curators. Write to them to bring it back.")
        if obj.status != Status.ARCHIVED and "invite" in url_names:
            entry.links.append(
                (invite_label or _("Invite a co-owner"), reverse(url_names["invite"], args=[slug]))
            )
        entries.append(entry)
    return entries


@never_cache
@login_required
def dashboard(request):
    from supporters.selfservice import space_entries, supporter_entries

    supporters = supporter_entries(request.user)
    return render(
        request,
        "dashboard.html",
        {
            "innovations": innovation_entries(request.user),
            "supporters": supporters,
            "spaces": space_entries(request.user),
            "noindex": True,
        },
    )


# Invitations -------------------------------------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def invitation_accept(request, token: str):
    """GET shows the invitation; POST accepts it (a link alone never changes anything)."""
    invitation = (
        OwnershipInvitation.objects.filter(token_hash=hash_token(token))
        .select_related("invited_by", "content_type")
        .first()
    )
    obj = invitation.content_object if invitation else None
    context = {"invitation": invitation, "object": obj, "noindex": True}
    if obj is None:
        return render(request, "invitations/invitation_invalid.html", context, status=404)
    if request.method == "POST":
        try:
            obj = services.invitation_accept(token=token, user=request.user)
        except services.InvitationInvalid as error:
            context["problem"] = " ".join(error.messages)
            return render(request, "invitations/invitation_invalid.html", context, status=410)
        except PermissionDenied as error:
            context["problem"] = str(error)
            return render(request, "invitations/invitation_accept.html", context, status=403)
        messages.success(request, _("You now co-own “%(name)s”.") % {"name": obj})
        return redirect("dashboard")
    if invitation.accepted_at is not None or invitation.is_expired:
        if invitation.accepted_at and services.owners_of(obj).filter(pk=request.user.pk).exists():
            return redirect("dashboard")
        context["problem"] = (
            _("This invitation has already been used.")
            if invitation.accepted_at
            else _("This invitation has expired. Ask the person who invited you for a new one.")
        )
        return render(request, "invitations/invitation_invalid.html", context, status=410)
    context["matches"] = services.invitation_matches(invitation, request.user)
    return render(request, "invitations/invitation_accept.html", context)
