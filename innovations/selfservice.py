"""Innovators register and edit their own innovation: the guided form, preview, submission,
deletion and co-ownership. Every view finds the innovation through
`get_innovation_for_owner`, so a person who is not an owner gets a 404; every change goes
through hubsi/services.py."""

import re
from functools import reduce
from operator import or_

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Value
from django.http import Http404, JsonResponse
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
    Editing,
    InviteForm,
    Step,
    SubmitForm,
    find_step,
    handle_step,
    progress_for_new,
)
from innovations.forms import (
    ApproachForm,
    PartnershipForm,
    PracticalForm,
    ProblemForm,
    SystemForm,
)
from innovations.models import Innovation

STEPS = [
    Step(
        "problem",
        gettext_lazy("The problem"),
        ProblemForm,
        gettext_lazy(
            "Love the problem: describe the problem you tackle before your solution, and the "
            "societal challenges it belongs to."
        ),
    ),
    Step(
        "system",
        gettext_lazy("The system around it"),
        SystemForm,
        gettext_lazy(
            "A problem rarely has one cause. Describe what keeps it going and who is involved."
        ),
    ),
    Step(
        "approach",
        gettext_lazy("Your approach"),
        ApproachForm,
        gettext_lazy("What you do, for whom, how far you are and what it has brought so far."),
    ),
    Step(
        "partnership",
        gettext_lazy("The partnership"),
        PartnershipForm,
        gettext_lazy(
            "Who leads it, who is already on board, what support you need and which partners "
            "you are looking for."
        ),
    ),
    Step(
        "practical",
        gettext_lazy("Practical details"),
        PracticalForm,
        gettext_lazy("Where you work, your website and logo, and how we reach you."),
    ),
]
SIMILAR_LIMIT = 5


def as_id(value) -> int | None:
    """A primary key from untrusted input, or None (also for numbers too large for the
    database's integers)."""
    text = str(value) if value is not None else ""
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None


def get_innovation_for_owner(request, slug: str) -> Innovation:
    """The innovation with this slug if the signed-in user owns it; 404 for everyone else
    (staff included: they edit through the admin)."""
    return get_object_or_404(
        Innovation.objects.owned_by(request.user).prefetch_related(
            "challenges", "regions", "partner_roles", "needs", "wanted_roles"
        ),
        slug=slug,
    )


def step_url(innovation: Innovation, step: Step) -> str:
    return reverse("innovations:edit-step", args=[innovation.slug, step.slug])


def model_names(step: Step) -> list[str]:
    return [name for name in step.fields if name != "remove_logo"]


# Similar innovations -------------------------------------------------------------------------


def keywords(text: str, limit: int = 3) -> list[str]:
    """The longest distinct words of a text: a cheap guess at what it is about."""
    words = {word.lower() for word in re.findall(r"[^\W\d_]{6,}", text or "")}
    return sorted(words, key=lambda word: (-len(word), word))[:limit]


def similar_innovations(*, challenges, problem: str = "", exclude: int | None = None) -> list:
    """Up to five published innovations that share a challenge or key words of the problem,
    those sharing most challenges first. Shown beside step one; never blocks anything."""
    challenge_ids = [pk for pk in map(as_id, challenges or []) if pk is not None]
    published = Innovation.objects.published()
    conditions = [Q(pk__in=published.search(word).values("pk")) for word in keywords(problem)]
    if challenge_ids:
        conditions.append(Q(challenges__in=challenge_ids))
        shared = Count("challenges", filter=Q(challenges__in=challenge_ids), distinct=True)
    else:
        shared = Value(0)
    if not conditions:
        return []
    queryset = (
        published.filter(pk__in=published.filter(reduce(or_, conditions)).values("pk"))
        .exclude(pk=exclude)
        .annotate(shared=shared)
        .for_listing()
        .order_by("-shared", "-published_at", "-pk")
    )
    return list(queryset[:SIMILAR_LIMIT])


def similar_for_form(form: ProblemForm, values: dict, exclude: int | None = None) -> list:
    if form.is_bound:
        # Only what validated: hostile or mistyped input never reaches the query.
        cleaned = getattr(form, "cleaned_data", {})
        challenges = cleaned.get("challenges") or []
        problem = cleaned.get("problem") or ""
    else:
        challenges, problem = values.get("challenges"), values.get("problem", "")
    return similar_innovations(challenges=challenges, problem=problem, exclude=exclude)


@require_GET
def similar_json(request):
    """Progressive enhancement for step one (static/js/similar.js): the same suggestions
    while the innovator types. Only published innovations, so it needs no sign-in."""
    items = similar_innovations(
        challenges=request.GET.getlist("challenge")[:20],
        problem=request.GET.get("q", "")[:2000],
        exclude=int(exclude)
        if (exclude := request.GET.get("exclude", ""))[:18].isdigit()
        else None,
    )
    return JsonResponse(
        {
            "results": [
                {
                    "name": item.name,
                    "url": item.get_absolute_url(),
                    "tagline": item.tagline,
                    "language": item.language,
                }
                for item in items
            ]
        }
    )


# The guided form -----------------------------------------------------------------------------


def render_step(request, *, innovation, editing, step, form, status=200, conflict=False):
    if innovation is None:
        progress = progress_for_new(STEPS)
    else:
        progress = editing.progress(STEPS, step, lambda s: step_url(innovation, s))
    number = STEPS.index(step) + 1
    context = {
        "innovation": innovation,
        "editing": editing,
        "step": step,
        "number": number,
        "total": len(STEPS),
        "is_last": number == len(STEPS),
        "progress": progress,
        "form": form,
        "conflict": conflict,
        "noindex": True,
    }
    if step.slug == "practical" and editing:
        logo = editing.values(["logo"])["logo"]
        context["current_logo_url"] = (
            Innovation._meta.get_field("logo").storage.url(logo) if logo else ""
        )
    if step.slug == "problem":
        values = editing.values(model_names(step)) if editing else {}
        context["similar"] = similar_for_form(
            form, values, exclude=innovation.pk if innovation else None
        )
        context["show_similar"] = form.is_bound or innovation is not None
    return render(request, "innovations/innovation_form_step.html", context, status=status)


def after_save(request, innovation: Innovation, step: Step):
    """Where a saved step leads, by the button the innovator pressed."""
    action = request.POST.get("action", "next")
    index = STEPS.index(step)
    if action == "previous" and index > 0:
        return redirect(step_url(innovation, STEPS[index - 1]))
    if action in ("save", "similar"):
        messages.success(request, _("Saved. You can continue now or later, from your dashboard."))
        return redirect(step_url(innovation, step))
    if index + 1 < len(STEPS):
        return redirect(step_url(innovation, STEPS[index + 1]))
    return redirect("innovations:preview-innovation", innovation.slug)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def innovation_new(request):
    """Step one for a new innovation; its first valid POST creates the draft (unless the
    person holds the most open drafts allowed: then the form says so, with what was typed)."""
    step = STEPS[0]
    if request.method == "POST":
        form = ProblemForm(request.POST)
        if form.is_valid() and may_start_draft(request.user, form):
            innovation = services.content_create_draft(
                model=Innovation, by=request.user, changes=form.valid_changes()
            )
            return after_save(request, innovation, step)
    else:
        form = ProblemForm(initial={"language": request.LANGUAGE_CODE[:2]})
    return render_step(request, innovation=None, editing=None, step=step, form=form)


@never_cache
@login_required
def innovation_edit(request, slug: str):
    """Continue where the innovation is not complete yet, else show the preview."""
    innovation = get_innovation_for_owner(request, slug)
    editing = Editing.load(innovation)
    open_steps = editing.open_steps(STEPS)
    if editing.mode == services.EditMode.LOCKED or not open_steps:
        return redirect("innovations:preview-innovation", innovation.slug)
    return redirect(step_url(innovation, open_steps[0]))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def innovation_edit_step(request, slug: str, step: str):
    innovation = get_innovation_for_owner(request, slug)
    step = find_step(STEPS, step)
    if step is None:
        raise Http404
    editing = Editing.load(innovation)
    if editing.mode == services.EditMode.LOCKED:
        messages.info(request, locked_message(innovation))
        return redirect("innovations:preview-innovation", innovation.slug)
    outcome = handle_step(request, innovation, editing, step, model_names(step))
    if outcome.saved:
        return after_save(request, innovation, step)
    return render_step(
        request,
        innovation=innovation,
        editing=outcome.editing,
        step=step,
        form=outcome.form,
        conflict=outcome.conflict,
    )


def locked_message(innovation: Innovation) -> str:
    if innovation.status == Status.ARCHIVED:
        return _("This innovation is archived, so it cannot be edited.")
    return _(
        "This is waiting for review, so it cannot be edited now. You will get an email when "
        "a curator has looked at it."
    )


# Preview, submission, deletion ---------------------------------------------------------------


def preview_context(innovation: Innovation, editing: Editing) -> dict:
    """The innovation as it will look, with its pending changes applied (nothing is saved)."""
    names = [name for step in STEPS for name in model_names(step)]
    values = editing.values(names)
    shown = Innovation(
        **{
            name: value
            for name, value in values.items()
            if not Innovation._meta.get_field(name).many_to_many
        },
        pk=innovation.pk,
        slug=innovation.slug,
        status=innovation.status,
        published_at=innovation.published_at,
    )
    related = {}
    for name, value in values.items():
        field = Innovation._meta.get_field(name)
        if field.many_to_many:
            related[name] = list(field.remote_field.model.objects.filter(pk__in=value))
    open_steps = editing.open_steps(STEPS)
    return {
        "innovation": innovation,
        "shown": shown,
        "related": related,
        "editing": editing,
        "open_steps": [(STEPS.index(s) + 1, s, step_url(innovation, s)) for s in open_steps],
        "progress": editing.progress(STEPS, None, lambda s: step_url(innovation, s)),
        "changes": editing.revision.changes(innovation) if editing.has_pending_changes else [],
        "can_submit": can_submit(innovation, editing),
        "noindex": True,
    }


@never_cache
@login_required
@require_GET
def innovation_preview(request, slug: str):
    innovation = get_innovation_for_owner(request, slug)
    editing = Editing.load(innovation)
    return render(
        request, "innovations/innovation_preview.html", preview_context(innovation, editing)
    )


def can_submit(innovation: Innovation, editing: Editing) -> bool:
    if innovation.status in services.EDITABLE_STATUSES:
        return True
    return editing.has_pending_changes and not editing.pending_submitted


@never_cache
@verified_email_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def innovation_submit(request, slug: str):
    """GET: what will be sent, and the consent; POST: submit it for review."""
    innovation = get_innovation_for_owner(request, slug)
    editing = Editing.load(innovation)
    context = preview_context(innovation, editing)
    form = SubmitForm(request.POST or None)
    ready = context["can_submit"] and not context["open_steps"]
    if request.method == "POST" and ready and form.is_valid():
        try:
            services.content_submit_for_review(
                obj=innovation,
                by=request.user,
                may_publish=form.cleaned_data["may_publish"],
                accepts_terms=form.cleaned_data["accepts_terms"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("innovations:preview-innovation", innovation.slug)
        messages.success(
            request,
            _(
                "Thank you! “%(name)s” is sent to the curators of Europa WSE. You will get an "
                "email when they have reviewed it, usually within a few working days."
            )
            % {"name": innovation.name},
        )
        return redirect("dashboard")
    context["form"] = form
    return render(request, "innovations/innovation_submit.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def innovation_delete(request, slug: str):
    innovation = get_innovation_for_owner(request, slug)
    deletable = innovation.status in services.EDITABLE_STATUSES
    if request.method == "POST" and deletable:
        name = innovation.name
        services.content_delete(obj=innovation, by=request.user)
        messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
        return redirect("dashboard")
    return render(
        request,
        "innovations/innovation_confirm_delete.html",
        {"innovation": innovation, "deletable": deletable, "noindex": True},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form", "invitation")
def innovation_invite(request, slug: str):
    innovation = get_innovation_for_owner(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                obj=innovation, by=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("We sent an invitation to %(email)s. The link is valid for 14 days.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("innovations:invite-innovation", innovation.slug)
    invitations = OwnershipInvitation.objects.for_object(innovation).filter(
        accepted_at__isnull=True
    )
    return render(
        request,
        "invitations/invite_form.html",
        {
            "object": innovation,
            "form": form,
            "owners": innovation.owners.order_by("email"),
            "invitations": invitations,
            "back_url": reverse("dashboard"),
            "noindex": True,
        },
    )
