"""What the self-service engine needs to know of a kind of owned content, and the registry.

A kind is declared once, in its app's `selfservice` module, and registered from the app's
`AppConfig.ready()`; the engine's views, the dashboard entries and the mail to owners
(`services.owner_links`) find it here by its model, without importing the app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse

from hubsi.models import OwnedContent

# The pages of the flow (URL name `<namespace>:<role>-<kind>`, the step `edit-<kind>-step`).
ROLES = ("new", "edit", "step", "preview", "submit", "delete", "invite")


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.Form]
    intro: str = ""

    @property
    def fields(self) -> list[str]:
        return list(self.form_class.base_fields)

    @property
    def required(self) -> list[str]:
        return [name for name, f in self.form_class.base_fields.items() if f.required]


@dataclass(frozen=True)
class Check:
    """Something the dashboard asks owners to add to a profile: `field` (a field of the step
    `step`) is missing when empty, weak when a text shorter than `min_length` characters. Read
    from the values the owners see (`Editing.values`), so it costs no query."""

    field: str
    step: str
    missing: str
    weak: str = ""
    min_length: int = 0

    def problem(self, value) -> str:
        """What to tell the owners about this value: the missing or weak text, or ""."""
        if value in (None, "", []):
            return self.missing
        if self.min_length and isinstance(value, str) and len(value.strip()) < self.min_length:
            return self.weak or self.missing
        return ""


def find_step(steps, slug: str) -> Step | None:
    return next((step for step in steps if step.slug == slug), None)


@dataclass(frozen=True)
class Kind:
    """One kind of owned content in the self-service flow.

    `namespace` is the app's URL namespace and template folder, `name` the kind in URL names
    (`innovations:edit-innovation-step`) and template names (`innovations/innovation_preview.html`,
    falling back to `selfservice/preview.html`), `path` the first segment of its addresses.
    The hooks are for what really differs between kinds.
    """

    model: type[OwnedContent]
    namespace: str
    name: str
    path: str
    steps: tuple[Step, ...]
    # Relations every step and the preview read, fetched with the object.
    prefetch: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    dashboard_order: tuple[str, ...] = ("name", "pk")
    # Fields the steps do not edit that the preview needs as they are (a place's host).
    preview_fields: tuple[str, ...] = ()
    # Step one of new content, when it asks more than the first step (a place's host).
    new_form_class: type[forms.Form] | None = None
    # request -> extra keyword arguments of the new form, or None when the person cannot start
    # one here (then the kind's `cannot_start` page is shown).
    new_form_kwargs: Callable | None = None
    # (request, obj, editing, step, form) -> extra context of a step page.
    step_context: Callable | None = None
    invite_label: str = ""
    # The lookup of the organisation behind it, shown in the curators' queue
    # ("organisation_name"; a place: "host__name").
    organisation_lookup: str = ""
    # What the dashboard lists as missing or weak in a profile, with a link to its step.
    checks: tuple[Check, ...] = ()

    def route_name(self, role: str) -> str:
        return f"edit-{self.name}-step" if role == "step" else f"{role}-{self.name}"

    def url_name(self, role: str) -> str:
        return f"{self.namespace}:{self.route_name(role)}"

    @property
    def url_names(self) -> dict[str, str]:
        """For templates: `{% url urls.preview object.slug %}`."""
        roles = ROLES if self.has_invitations else [r for r in ROLES if r != "invite"]
        return {role: self.url_name(role) for role in roles}

    def url(self, role: str, obj) -> str:
        return reverse(self.url_name(role), args=[obj.slug])

    def step_url(self, obj, step: Step) -> str:
        return reverse(self.url_name("step"), args=[obj.slug, step.slug])

    def templates(self, page: str) -> list[str]:
        return [f"{self.namespace}/{self.name}_{page}.html", f"selfservice/{page}.html"]

    @property
    def has_invitations(self) -> bool:
        """Only content with owners of its own invites co-owners (a place's are its host's)."""
        return self.model.has_own_owners()

    def field_names(self, step: Step) -> list[str]:
        """The step's fields that are the model's (not e.g. "remove the logo")."""
        model_fields = {f.name for f in self.model._meta.get_fields()}
        return [name for name in step.fields if name in model_fields]

    def all_field_names(self) -> list[str]:
        return [name for step in self.steps for name in self.field_names(step)]

    def owned_by(self, user):
        """What `user` owns of this kind, with what the steps and the preview read."""
        return (
            self.model.objects.owned_by(user)
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch)
        )

    def get_for_owner(self, user, slug: str):
        """The object with this slug if `user` owns it; 404 for everyone else (staff included:
        they edit through the admin)."""
        return get_object_or_404(self.owned_by(user), slug=slug)


_KINDS: dict[type, Kind] = {}


def register(kind: Kind) -> Kind:
    _KINDS[kind.model] = kind
    return kind


def kind_for(obj_or_model) -> Kind | None:
    """The registered kind of a model (or of an object's model), if any."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return _KINDS.get(model)


def registered_kinds() -> list[Kind]:
    return list(_KINDS.values())
