"""Supporters register and edit their organisation profile and their experimentation places:
the guided form, preview, submission, deletion and (for profiles) co-managers.

The same flow as innovations (innovations/selfservice.py) on the same machinery: `Step`,
`Editing`, `SubmitForm` and `InviteForm` from hubsi/selfservice.py, every change through
hubsi/services.py. One set of views serves both kinds; a `Kind` says which model, steps, URL
names and templates. Every view finds the object through `Kind.get_for_owner`, so a person who
does not manage it gets a 404 (staff included: they edit through the admin).
"""

from dataclasses import dataclass

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hubsi import services
from hubsi.limits import may_start_draft, rate_limited
from hubsi.models import OwnershipInvitation, Status
from hubsi.selfservice import (
    DashboardEntry,
    Editing,
    InviteForm,
    Step,
    SubmitForm,
    find_step,
    handle_step,
    owned_entries,
    progress_for_new,
)
from supporters.forms import AccessForm, NewPlaceForm, OfferForm, OrganisationForm, PlaceForm
from supporters.models import ExperimentationSpace, Supporter

SUPPORTER_STEPS = [
    Step(
        "organisation",
        gettext_lazy("Your organisation"),
        OrganisationForm,
        gettext_lazy("Who you are, what you do, and how innovators and curators reach you."),
    ),
    Step(
        "offer",
        gettext_lazy("Your offer"),
        OfferForm,
        gettext_lazy(
            "The support you offer, to innovations at which stage, on which challenges and "
            "themes, and where. Innovators are matched with you on these answers."
        ),
    ),
]

SPACE_STEPS = [
    Step(
        "place",
        gettext_lazy("The place"),
        PlaceForm,
        gettext_lazy("What the place is, where it is and what it offers."),
    ),
    Step(
        "access",
        gettext_lazy("Access"),
        AccessForm,
        gettext_lazy("Who may use it and how, and which themes and challenges it suits."),
    ),
]


@dataclass(frozen=True)
class Kind:
    """One kind of content in this flow: its model, steps, URL names and templates."""

    key: str  # "supporter" | "space": the prefix of the templates
    model: type
    steps: list
    url_names: dict  # edit, step, preview, submit, delete, invite (optional)
    prefetch: tuple

    def owned_by(self, user):
        if self.model is Supporter:
            return Supporter.objects.filter(managers=user)
        return ExperimentationSpace.objects.filter(host__managers=user).distinct()

    def get_for_owner(self, request, slug: str):
        """The object with this slug if the signed-in user manages it; 404 for everyone else."""
        return get_object_or_404(
            self.owned_by(request.user).prefetch_related(*self.prefetch), slug=slug
        )

    def url(self, name: str, obj) -> str:
        return reverse(self.url_names[name], args=[obj.slug])

    def step_url(self, obj, step: Step) -> str:
        return reverse(self.url_names["step"], args=[obj.slug, step.slug])

    def template(self, page: str) -> str:
        return f"supporters/{self.key}_{page}.html"


SUPPORTER = Kind(
    "supporter",
    Supporter,
    SUPPORTER_STEPS,
    {
        "new": "supporters:new-supporter",
        "edit": "supporters:edit-supporter",
        "step": "supporters:edit-step",
        "preview": "supporters:preview-supporter",
        "submit": "supporters:submit-supporter",
        "delete": "supporters:delete-supporter",
        "invite": "supporters:invite-supporter",
    },
    ("offers", "stages", "challenges", "themes", "regions"),
)
SPACE = Kind(
    "space",
    ExperimentationSpace,
    SPACE_STEPS,
    {
        "new": "supporters:new-space",
        "edit": "supporters:edit-space",
        "step": "supporters:space-edit-step",
        "preview": "supporters:preview-space",
        "submit": "supporters:submit-space",
        "delete": "supporters:delete-space",
    },
    ("themes", "challenges"),
)


def model_names(step: Step) -> list[str]:
    return [name for name in step.fields if name not in ("remove_logo", "host")]


# The guided form -----------------------------------------------------------------------------


def render_step(request, kind: Kind, *, obj, editing, step, form, conflict=False):
    if obj is None:
        progress = progress_for_new(kind.steps)
    else:
        progress = editing.progress(kind.steps, step, lambda s: kind.step_url(obj, s))
    number = kind.steps.index(step) + 1
    context = {
        "object": obj,
        "kind": kind.key,
        "urls": kind.url_names,
        "editing": editing,
        "step": step,
        "number": number,
        "total": len(kind.steps),
        "is_last": number == len(kind.steps),
        "progress": progress,
        "form": form,
        "conflict": conflict,
        "noindex": True,
    }
    if "logo" in step.fields and editing:
        logo = editing.values(["logo"])["logo"]
        context["current_logo_url"] = (
            kind.model._meta.get_field("logo").storage.url(logo) if logo else ""
        )
    return render(request, kind.template("form_step"), context)


def after_save(request, kind: Kind, obj, step: Step):
    """Where a saved step leads, by the button pressed."""
    action = request.POST.get("action", "next")
    index = kind.steps.index(step)
    if action == "previous" and index > 0:
        return redirect(kind.step_url(obj, kind.steps[index - 1]))
    if action == "save":
        messages.success(request, _("Saved. You can continue now or later, from your dashboard."))
        return redirect(kind.step_url(obj, step))
    if index + 1 < len(kind.steps):
        return redirect(kind.step_url(obj, kind.steps[index + 1]))
    return redirect(kind.url("preview", obj))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def supporter_new(request):
    """Step one of a new organisation profile; its first valid POST creates the draft (unless
    the person holds the most open drafts allowed: then the form says so)."""
    step = SUPPORTER_STEPS[0]
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and may_start_draft(request.user, form):
        supporter = services.content_create_draft(
            model=Supporter, by=request.user, changes=form.valid_changes()
        )
        return after_save(request, SUPPORTER, supporter, step)
    return render_step(request, SUPPORTER, obj=None, editing=None, step=step, form=form)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def space_new(request):
    """Step one of a new place, hosted by one of the user's organisation profiles."""
    step = SPACE_STEPS[0]
    hosts = SUPPORTER.owned_by(request.user).order_by("name", "pk")
    if not hosts.exists():
        return render(request, "supporters/space_no_host.html", {"noindex": True})
    form = NewPlaceForm(request.POST or None, hosts=hosts)
    if request.method == "POST" and form.is_valid() and may_start_draft(request.user, form):
        try:
            space = services.content_create_draft(
                model=ExperimentationSpace, by=request.user, changes=form.valid_changes()
            )
        except PermissionDenied:  # no longer a manager of the chosen host
            raise Http404 from None
        return after_save(request, SPACE, space, step)
    return render_step(request, SPACE, obj=None, editing=None, step=step, form=form)


def edit(request, kind: Kind, slug: str):
    """Continue where the object is not complete yet, else show the preview."""
    obj = kind.get_for_owner(request, slug)
    editing = Editing.load(obj)
    open_steps = editing.open_steps(kind.steps)
    if editing.mode == services.EditMode.LOCKED or not open_steps:
        return redirect(kind.url("preview", obj))
    return redirect(kind.step_url(obj, open_steps[0]))


def locked_message(obj) -> str:
    if obj.status == Status.ARCHIVED:
        return _("This is archived, so it cannot be edited.")
    return _(
        "This is waiting for review, so it cannot be edited now. You will get an email when "
        "a curator has looked at it."
    )


def edit_step(request, kind: Kind, slug: str, step: str):
    obj = kind.get_for_owner(request, slug)
    step = find_step(kind.steps, step)
    if step is None:
        raise Http404
    editing = Editing.load(obj)
    if editing.mode == services.EditMode.LOCKED:
        messages.info(request, locked_message(obj))
        return redirect(kind.url("preview", obj))
    outcome = handle_step(request, obj, editing, step, model_names(step))
    if outcome.saved:
        return after_save(request, kind, obj, step)
    return render_step(
        request,
        kind,
        obj=obj,
        editing=outcome.editing,
        step=step,
        form=outcome.form,
        conflict=outcome.conflict,
    )


# Preview, submission, deletion, invitations --------------------------------------------------


def can_submit(obj, editing: Editing) -> bool:
    if obj.status in services.EDITABLE_STATUSES:
        return True
    return editing.has_pending_changes and not editing.pending_submitted


def preview_context(kind: Kind, obj, editing: Editing) -> dict:
    """The object as it will look, with its pending changes applied (nothing is saved)."""
    names = [name for step in kind.steps for name in model_names(step)]
    values = editing.values(names)
    model = kind.model
    fields = {
        name: value
        for name, value in values.items()
        if not model._meta.get_field(name).many_to_many
    }
    extra = {"host_id": obj.host_id} if model is ExperimentationSpace else {}
    shown = model(
        **fields,
        **extra,
        pk=obj.pk,
        slug=obj.slug,
        status=obj.status,
        published_at=obj.published_at,
    )
    related = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if field.many_to_many:
            related[name] = list(field.remote_field.model.objects.filter(pk__in=value))
    steps = kind.steps
    return {
        "object": obj,
        "kind": kind.key,
        "urls": kind.url_names,
        "shown": shown,
        "related": related,
        "editing": editing,
        "open_steps": [
            (steps.index(s) + 1, s, kind.step_url(obj, s)) for s in editing.open_steps(steps)
        ],
        "progress": editing.progress(steps, None, lambda s: kind.step_url(obj, s)),
        "changes": editing.revision.changes(obj) if editing.has_pending_changes else [],
        "can_submit": can_submit(obj, editing),
        "deletable": obj.status in services.EDITABLE_STATUSES,
        "noindex": True,
    }


def preview(request, kind: Kind, slug: str):
    obj = kind.get_for_owner(request, slug)
    editing = Editing.load(obj)
    return render(request, kind.template("preview"), preview_context(kind, obj, editing))


def submit(request, kind: Kind, slug: str):
    """GET: what will be sent, and the consent; POST: submit it for review."""
    obj = kind.get_for_owner(request, slug)
    editing = Editing.load(obj)
    context = preview_context(kind, obj, editing)
    form = SubmitForm(request.POST or None)
    ready = context["can_submit"] and not context["open_steps"]
    if request.method == "POST" and ready and form.is_valid():
        try:
            services.content_submit_for_review(
                obj=obj,
                by=request.user,
                may_publish=form.cleaned_data["may_publish"],
                accepts_terms=form.cleaned_data["accepts_terms"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(kind.url("preview", obj))
        messages.success(
            request,
            _(
                "Thank you! “%(name)s” is sent to the curators of Europa WSE. You will get an "
                "email when they have reviewed it, usually within a few working days."
            )
            % {"name": obj.name},
        )
        return redirect("dashboard")
    context["form"] = form
    return render(request, kind.template("submit"), context)


def delete(request, kind: Kind, slug: str):
    obj = kind.get_for_owner(request, slug)
    deletable = obj.status in services.EDITABLE_STATUSES
    if request.method == "POST" and deletable:
        name = obj.name
        services.content_delete(obj=obj, by=request.user)
        messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
        return redirect("dashboard")
    return render(
        request,
        kind.template("confirm_delete"),
        {"object": obj, "urls": kind.url_names, "deletable": deletable, "noindex": True},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form", "invitation")
def supporter_invite(request, slug: str):
    supporter = SUPPORTER.get_for_owner(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                obj=supporter, by=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("We sent an invitation to %(email)s. The link is valid for 14 days.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("supporters:invite-supporter", supporter.slug)
    invitations = OwnershipInvitation.objects.for_object(supporter).filter(accepted_at__isnull=True)
    return render(
        request,
        "invitations/invite_form.html",
        {
            "object": supporter,
            "form": form,
            "owners": supporter.managers.order_by("email"),
            "invitations": invitations,
            "back_url": reverse("dashboard"),
            "noindex": True,
        },
    )


# The views of both kinds ---------------------------------------------------------------------


def _views(kind: Kind) -> dict:
    def kind_edit(request, slug):
        return edit(request, kind, slug)

    def kind_edit_step(request, slug, step):
        return edit_step(request, kind, slug, step)

    def kind_preview(request, slug):
        return preview(request, kind, slug)

    def kind_submit(request, slug):
        return submit(request, kind, slug)

    def kind_delete(request, slug):
        return delete(request, kind, slug)

    signed_in = [never_cache, login_required]
    views = {
        "edit": (kind_edit, [*signed_in]),
        "edit_step": (
            kind_edit_step,
            [*signed_in, require_http_methods(["GET", "POST"]), rate_limited("form")],
        ),
        "preview": (kind_preview, [*signed_in, require_GET]),
        "submit": (
            kind_submit,
            [
                never_cache,
                verified_email_required,
                require_http_methods(["GET", "POST"]),
                rate_limited("form"),
            ],
        ),
        "delete": (
            kind_delete,
            [*signed_in, require_http_methods(["GET", "POST"]), rate_limited("form")],
        ),
    }
    wrapped = {}
    for name, (view, decorators) in views.items():
        view.__name__ = f"{kind.key}_{name}"
        for decorator in reversed(decorators):
            view = decorator(view)
        wrapped[name] = view
    return wrapped


_supporter_views = _views(SUPPORTER)
supporter_edit = _supporter_views["edit"]
supporter_edit_step = _supporter_views["edit_step"]
supporter_preview = _supporter_views["preview"]
supporter_submit = _supporter_views["submit"]
supporter_delete = _supporter_views["delete"]

_space_views = _views(SPACE)
space_edit = _space_views["edit"]
space_edit_step = _space_views["edit_step"]
space_preview = _space_views["preview"]
space_submit = _space_views["submit"]
space_delete = _space_views["delete"]


# The dashboard -------------------------------------------------------------------------------


def supporter_entries(user) -> list[DashboardEntry]:
    supporters = list(
        SUPPORTER.owned_by(user).prefetch_related(*SUPPORTER.prefetch).order_by("name", "pk")
    )
    return owned_entries(
        supporters,
        steps=SUPPORTER_STEPS,
        url_names=SUPPORTER.url_names,
        invite_label=_("Invite a co-manager"),
    )


def space_entries(user) -> list[DashboardEntry]:
    spaces = list(
        SPACE.owned_by(user)
        .select_related("host")
        .prefetch_related(*SPACE.prefetch)
        .order_by("name", "pk")
    )
    return owned_entries(spaces, steps=SPACE_STEPS, url_names=SPACE.url_names)
