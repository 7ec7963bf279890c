"""The pages of the self-service flow, the same for every kind of owned content.

`owner_urls(kind)` gives a kind its routes: new, edit, step, preview, submit, delete and, for
content with owners of its own, invite. Every view is `as_view(kind=...)` of a class below and
finds its object through `Kind.get_for_owner`, so a person who does not own it gets a 404 (a
curator may read the preview: PreviewView); every change goes through hubsi/services.py.
`invitation_accept` makes an invitee a co-owner.
"""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hubsi import services
from hubsi.admin_site import passed_two_factor
from hubsi.kinds import Kind, Step, find_step
from hubsi.limits import may_start_draft, rate_limited
from hubsi.models import OwnershipInvitation, Status, hash_token
from hubsi.selfservice.editing import Editing, handle_step, progress_for_new
from hubsi.selfservice.forms import InviteForm, SubmitForm

GET_AND_POST = require_http_methods(["GET", "POST"])


class OwnerView(View):
    """A page of one kind's flow: `as_view(kind=...)`."""

    kind: Kind = None

    def get_object(self):
        return self.kind.get_for_owner(self.request.user, self.kwargs["slug"])

    def render(self, page: str, context: dict, status: int = 200):
        context = {"kind": self.kind, "urls": self.kind.url_names, "noindex": True, **context}
        return render(self.request, self.kind.templates(page), context, status=status)


class StepPage(OwnerView):
    """What the new-content page and the step pages share: the page and where a save leads."""

    def render_step(self, *, obj, editing, step: Step, form, conflict: bool = False):
        kind = self.kind
        if obj is None:
            progress = progress_for_new(kind.steps)
        else:
            progress = editing.progress(kind.steps, step, lambda s: kind.step_url(obj, s))
        number = kind.steps.index(step) + 1
        context = {
            "object": obj,
            "editing": editing,
            "step": step,
            "number": number,
            "total": len(kind.steps),
            "is_last": number == len(kind.steps),
            "progress": progress,
            "form": form,
            "conflict": conflict,
        }
        if "logo" in step.fields and editing:
            logo = editing.values(["logo"])["logo"]
            storage = kind.model._meta.get_field("logo").storage
            context["current_logo_url"] = storage.url(logo) if logo else ""
        if kind.step_context:
            context.update(kind.step_context(self.request, obj, editing, step, form))
        return self.render("form_step", context)

    def after_save(self, obj, step: Step):
        """Where a saved step leads, by the button pressed."""
        steps, action = self.kind.steps, self.request.POST.get("action", "next")
        index = steps.index(step)
        if action == "previous" and index > 0:
            return redirect(self.kind.step_url(obj, steps[index - 1]))
        if action in ("save", "similar"):
            messages.success(
                self.request, _("Saved. You can continue now or later, from your dashboard.")
            )
            return redirect(self.kind.step_url(obj, step))
        if index + 1 < len(steps):
            return redirect(self.kind.step_url(obj, steps[index + 1]))
        return redirect(self.kind.url("preview", obj))


@method_decorator([never_cache, login_required, GET_AND_POST, rate_limited("form")], "dispatch")
class NewView(StepPage):
    """Step one of new content; its first valid POST creates the draft (unless the person holds
    the most open drafts allowed: then the form says so, with what was typed)."""

    def get(self, request):
        kind, step = self.kind, self.kind.steps[0]
        extra = kind.new_form_kwargs(request) if kind.new_form_kwargs else {}
        if extra is None:
            return self.render("cannot_start", {})
        form_class = kind.new_form_class or step.form_class
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, **extra)
            if form.is_valid() and may_start_draft(request.user, form):
                try:
                    obj = services.content_create_draft(
                        model=kind.model, by=request.user, changes=form.valid_changes()
                    )
                except PermissionDenied:  # e.g. no longer a manager of the chosen host
                    raise Http404 from None
                return self.after_save(obj, step)
        else:
            # Content written in one language starts in the visitor's.
            language = {"language": request.LANGUAGE_CODE[:2]}
            initial = language if "language" in form_class.base_fields else {}
            form = form_class(initial=initial, **extra)
        return self.render_step(obj=None, editing=None, step=step, form=form)

    post = get


@method_decorator([never_cache, login_required, require_GET], "dispatch")
class EditView(OwnerView):
    """Continue where the content is not complete yet, else show the preview."""

    def get(self, request, slug: str):
        obj = self.get_object()
        editing = Editing.load(obj)
        open_steps = editing.open_steps(self.kind.steps)
        if editing.mode == services.EditMode.LOCKED or not open_steps:
            return redirect(self.kind.url("preview", obj))
        return redirect(self.kind.step_url(obj, open_steps[0]))


@method_decorator([never_cache, login_required, GET_AND_POST, rate_limited("form")], "dispatch")
class StepView(StepPage):
    def get(self, request, slug: str, step: str):
        obj = self.get_object()
        step = find_step(self.kind.steps, step)
        if step is None:
            raise Http404
        editing = Editing.load(obj)
        if editing.mode == services.EditMode.LOCKED:
            messages.info(request, locked_message(obj))
            return redirect(self.kind.url("preview", obj))
        outcome = handle_step(request, obj, editing, step, self.kind.field_names(step))
        if outcome.saved:
            return self.after_save(obj, step)
        return self.render_step(
            obj=obj,
            editing=outcome.editing,
            step=step,
            form=outcome.form,
            conflict=outcome.conflict,
        )

    post = get


def locked_message(obj) -> str:
    if obj.status == Status.ARCHIVED:
        return _("This is archived, so it cannot be edited.")
    return _(
        "This is waiting for review, so it cannot be edited now. You will get an email when "
        "a curator has looked at it."
    )


class PreviewPage(OwnerView):
    def preview_context(self, obj, editing: Editing) -> dict:
        """The content as it will look, with its pending changes applied (nothing is saved)."""
        kind, model = self.kind, self.kind.model
        values = editing.values(kind.all_field_names())
        many = {name for name in values if model._meta.get_field(name).many_to_many}
        fields = {name: model._meta.get_field(name) for name in values if name not in many}
        shown = model(
            # Through the model field: a relation by its key, dates and amounts from the text
            # pending changes keep them as.
            **{field.attname: field.to_python(values[name]) for name, field in fields.items()},
            **{name: getattr(obj, name) for name in kind.preview_fields},
            pk=obj.pk,
            slug=obj.slug,
            status=obj.status,
            published_at=obj.published_at,
        )
        related = {
            name: list(model._meta.get_field(name).remote_field.model.objects.filter(pk__in=value))
            for name, value in values.items()
            if name in many
        }
        steps = kind.steps
        return {
            "object": obj,
            "shown": shown,
            "related": related,
            "editing": editing,
            "open_steps": [
                (steps.index(s) + 1, s, kind.step_url(obj, s)) for s in editing.open_steps(steps)
            ],
            "progress": editing.progress(steps, None, lambda s: kind.step_url(obj, s)),
            "changes": editing.revision.changes(obj) if editing.has_pending_changes else [],
            "can_submit": editing.can_submit,
            "deletable": obj.status in services.EDITABLE_STATUSES,
        }


@method_decorator([never_cache, login_required, require_GET], "dispatch")
class PreviewView(PreviewPage):
    """The owners' preview. Curators (staff who may change this kind, past the admin's
    two-factor check) may read it too, from an item's change form: read-only, without the
    owners' actions. Everyone else gets the owners' 404."""

    def get(self, request, slug: str):
        as_curator = False
        try:
            obj = self.get_object()
        except Http404:
            if not self.curator_may_read():
                raise
            obj = get_object_or_404(
                self.kind.model.objects.select_related(*self.kind.select_related).prefetch_related(
                    *self.kind.prefetch
                ),
                slug=slug,
            )
            as_curator = True
        context = self.preview_context(obj, Editing.load(obj))
        if as_curator:
            opts = obj._meta
            context.update(
                as_curator=True,
                can_submit=False,
                deletable=False,
                open_steps=[],
                admin_url=reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
                ),
            )
        return self.render("preview", context)

    def curator_may_read(self) -> bool:
        request = self.request
        return services.is_curator(request.user, self.kind.model) and passed_two_factor(request)


@method_decorator(
    [never_cache, verified_email_required, GET_AND_POST, rate_limited("form")], "dispatch"
)
class SubmitView(PreviewPage):
    """GET: what will be sent, and the consent; POST: submit it for review."""

    def get(self, request, slug: str):
        obj = self.get_object()
        context = self.preview_context(obj, Editing.load(obj))
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
                return redirect(self.kind.url("preview", obj))
            messages.success(
                request,
                _(
                    "Thank you! “%(name)s” is sent to the curators of Europa WSE. You will get "
                    "an email when they have reviewed it, usually within a few working days."
                )
                % {"name": obj.name},
            )
            return redirect("dashboard")
        return self.render("submit", {**context, "form": form})

    post = get


@method_decorator([never_cache, login_required, GET_AND_POST, rate_limited("form")], "dispatch")
class DeleteView(OwnerView):
    def get(self, request, slug: str):
        obj = self.get_object()
        deletable = obj.status in services.EDITABLE_STATUSES
        if request.method == "POST" and deletable:
            name = obj.name
            services.content_delete(obj=obj, by=request.user)
            messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
            return redirect("dashboard")
        return self.render("confirm_delete", {"object": obj, "deletable": deletable})

    post = get


@method_decorator(
    [never_cache, login_required, GET_AND_POST, rate_limited("form", "invitation")], "dispatch"
)
class InviteView(OwnerView):
    """Invite a co-owner by email (content with owners of its own only)."""

    def get(self, request, slug: str):
        obj = self.get_object()
        form = InviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            try:
                services.invitation_create(obj=obj, by=request.user, email=email)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(
                    request,
                    _("We sent an invitation to %(email)s. The link is valid for 14 days.")
                    % {"email": email},
                )
                return redirect(self.kind.url("invite", obj))
        invitations = OwnershipInvitation.objects.for_object(obj).filter(accepted_at__isnull=True)
        context = {
            "object": obj,
            "form": form,
            "owners": obj.owner_users().order_by("email"),
            "invitations": invitations,
            "back_url": reverse("dashboard"),
        }
        return render(request, "invitations/invite_form.html", {**context, "noindex": True})

    post = get


def owner_urls(kind: Kind) -> list:
    """The routes of a kind's flow, for its app's urls.py (before its detail route, so that
    `new` is never read as a slug; it is reserved as well)."""
    base = f"{kind.path}/<slug:slug>/"
    views = [
        (f"{kind.path}/new/", NewView, "new"),
        (f"{base}edit/", EditView, "edit"),
        (f"{base}edit/<slug:step>/", StepView, "step"),
        (f"{base}preview/", PreviewView, "preview"),
        (f"{base}submit/", SubmitView, "submit"),
        (f"{base}delete/", DeleteView, "delete"),
    ]
    if kind.has_invitations:
        views.append((f"{base}invite/", InviteView, "invite"))
    return [
        path(route, view.as_view(kind=kind), name=kind.route_name(role))
        for route, view, role in views
    ]


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
