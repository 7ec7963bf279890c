"""An object as its owners edit it, and one step of its guided form.

`Editing` knows how an owner's edit lands (on a draft, or in the pending changes of published
content) and what they see: the saved values with the pending changes on top, the steps left
to do, the curator's note. `handle_step` shows and saves one step for every kind of content.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from hubsi import services
from hubsi.kinds import Step
from hubsi.models import DraftInput, Revision, Status, stored_value
from hubsi.selfservice.forms import StepForm, conflicted_form


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
    def can_submit(self) -> bool:
        """A draft, or published content with pending changes not submitted yet."""
        if self.obj.status in services.EDITABLE_STATUSES:
            return True
        return self.has_pending_changes and not self.pending_submitted

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

    def open_steps(self, steps) -> list[Step]:
        """Steps with a required field left empty, or with typed input not yet valid."""
        model_fields = _model_fields(self.obj)
        names = {name for step in steps for name in step.fields if name in model_fields}
        values = self.values(names)
        return [
            step
            for step in steps
            if not self.step_complete(step, values) or step.slug in self.unsaved_steps
        ]

    def progress(self, steps, current: Step | None, url) -> list[dict]:
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


def progress_for_new(steps) -> list[dict]:
    """The progress indicator before anything is saved: step one of n, no links."""
    return [
        {"number": n, "step": step, "url": "", "current": n == 1, "complete": False}
        for n, step in enumerate(steps, start=1)
    ]


@dataclass
class StepOutcome:
    """What `handle_step` did: `saved` (go on to the next page) or a form to show again."""

    form: StepForm | None
    editing: Editing
    saved: bool = False
    conflict: bool = False


def handle_step(request, obj, editing: Editing, step: Step, names: list[str]) -> StepOutcome:
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
