"""Pages for contact requests, reports, saved searches and unsubscribing from digests.

Public detail pages are cached for anonymous visitors and carry no form: they link here. Every
page here is personal (never cached), except the report form, which anyone may use. Every POST
of a signed-in person counts against their budget (`hubsi.limits.rate_limited`).
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import verified_email_required
from connections import digests, services
from connections.forms import (
    AnswerForm,
    ContactForm,
    FrequencyForm,
    ReportForm,
    SavedSearchForm,
)
from connections.models import (
    BlockedSender,
    ContactRequest,
    ContactStatus,
    ListKind,
    ReportKind,
    SavedSearch,
)
from hubsi.limits import rate_limited
from innovations.models import Innovation
from supporters.models import ExperimentationSpace, Supporter

REPORTS_PER_HOUR = 5  # per client IP address, anonymous or not

# Contact requests ---------------------------------------------------------------------------


def _contact(request, target, back_url):
    blocked = BlockedSender.objects.filter(user=request.user).exists()
    form = ContactForm(request.POST or None)
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            contact_request = services.contact_request_send(
                sender=request.user, target=target, message=form.cleaned_data["message"]
            )
        except services.ContactNotAllowed as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your message to %(name)s is sent. You will get an email when they answer.")
                % {"name": target},
            )
            return redirect("connections:contact-request-detail", contact_request.pk)
    context = {"target": target, "form": form, "blocked": blocked, "back_url": back_url}
    context["noindex"] = True
    return render(request, "connections/contact_form.html", context, status=403 if blocked else 200)


@never_cache
@verified_email_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def contact_innovation(request, slug: str):
    innovation = get_object_or_404(Innovation.objects.published(), slug=slug)
    return _contact(request, innovation, innovation.get_absolute_url())


@never_cache
@verified_email_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def contact_supporter(request, slug: str):
    supporter = get_object_or_404(Supporter.objects.published(), slug=slug)
    return _contact(request, supporter, supporter.get_absolute_url())


def _request_for_party(request, pk: int) -> tuple[ContactRequest, bool]:
    """The request and whether the user is a recipient; 404 for anyone not party to it."""
    contact_request = get_object_or_404(
        ContactRequest.objects.select_related("sender", "innovation", "supporter"), pk=pk
    )
    is_recipient = contact_request.is_recipient(request.user)
    if not is_recipient and contact_request.sender_id != request.user.pk:
        raise Http404
    return contact_request, is_recipient


@never_cache
@login_required
def contact_request_detail(request, pk: int):
    contact_request, is_recipient = _request_for_party(request, pk)
    accepted = contact_request.status == ContactStatus.ACCEPTED
    context = {
        "contact_request": contact_request,
        "is_recipient": is_recipient,
        "answer_form": AnswerForm(),
        # Addresses only after acceptance, and only to the two sides.
        "their_emails": (
            (
                [contact_request.sender.email]
                if is_recipient
                else contact_request.target_contact_email()
            )
            if accepted
            else []
        ),
        "noindex": True,
    }
    return render(request, "connections/contact_request_detail.html", context)


@never_cache
@login_required
@require_POST
@rate_limited("form")
def contact_request_answer(request, pk: int):
    contact_request, is_recipient = _request_for_party(request, pk)
    if not is_recipient:
        raise Http404
    form = AnswerForm(request.POST)
    action = request.POST.get("action")
    if form.is_valid() and action in ("accept", "decline"):
        service = (
            services.contact_request_accept
            if action == "accept"
            else services.contact_request_decline
        )
        try:
            service(
                contact_request=contact_request, by=request.user, reply=form.cleaned_data["reply"]
            )
        except services.ContactNotAllowed as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You accepted the request. You now see each other's email address.")
                if action == "accept"
                else _("You declined the request."),
            )
        return redirect("connections:contact-request-detail", contact_request.pk)
    context = {
        "contact_request": contact_request,
        "is_recipient": True,
        "answer_form": form,
        "their_emails": [],
        "noindex": True,
    }
    return render(request, "connections/contact_request_detail.html", context, status=400)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form")
def contact_request_report(request, pk: int):
    contact_request, is_recipient = _request_for_party(request, pk)
    if not is_recipient:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_request_report(
                contact_request=contact_request, by=request.user, **form.cleaned_data
            )
        except PermissionDenied as error:  # pragma: no cover - checked above
            raise Http404 from error
        messages.success(request, _("Thank you. The HUBSI curators will look into it."))
        return redirect("dashboard")
    context = {"contact_request": contact_request, "form": form, "noindex": True}
    return render(request, "connections/contact_request_report.html", context)


# Reporting a public page ------------------------------------------------------------------

REPORTABLE = {
    ReportKind.INNOVATION: Innovation,
    ReportKind.SUPPORTER: Supporter,
    ReportKind.SPACE: ExperimentationSpace,
}


def _client_key(request) -> str:
    try:
        from allauth.core.internal.httpkit import get_client_ip

        ip = get_client_ip(request) or ""
    except Exception:  # an allauth upgrade moved it, or the header is malformed
        ip = request.META.get("REMOTE_ADDR", "")
    return "report-ip:" + hashlib.sha256(ip.encode()).hexdigest()


def _over_report_limit(request) -> bool:
    key = _client_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > REPORTS_PER_HOUR
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=3600)
        return False


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("form")  # signed-in people; everyone also by address (REPORTS_PER_HOUR)
def report_page(request):
    """Anyone may report a public page (no account needed), with a reason; per IP address at
    most REPORTS_PER_HOUR an hour."""
    kind, _sep, slug = request.GET.get("page", "").partition(":")
    model = REPORTABLE.get(kind)
    if model is None:
        raise Http404
    obj = get_object_or_404(model.objects.published(), slug=slug)
    form = ReportForm(request.POST or None)
    context = {"object": obj, "form": form, "noindex": True}
    if request.method == "POST" and form.is_valid():
        if _over_report_limit(request):
            context["limited"] = True
            return render(request, "connections/report_form.html", context, status=429)
        services.page_report(kind=kind, obj=obj, by=request.user, **form.cleaned_data)
        return render(request, "connections/report_thanks.html", context)
    return render(request, "connections/report_form.html", context)


# Saved searches ----------------------------------------------------------------------------


@never_cache
@login_required
def saved_search_list(request):
    settings = services.digest_settings_for(request.user)
    form = FrequencyForm(initial={"frequency": settings.frequency})
    searches = [
        (saved_search, digests.list_url(saved_search), digests.feed_url(saved_search))
        for saved_search in request.user.saved_searches.order_by("name", "pk")
    ]
    context = {"searches": searches, "form": form, "digest": settings, "noindex": True}
    return render(request, "connections/saved_search_list.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("form", "saved-search")
def saved_search_new(request):
    kind = request.GET.get("list", "")
    if kind not in ListKind.values:
        raise Http404
    query = digests.clean_query(request.GET)
    form = SavedSearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.saved_search_create(
                user=request.user, name=form.cleaned_data["name"], list_kind=kind, query=query
            )
        except services.SavedSearchNotAllowed as error:
            form.add_error(None, error)  # the page shows why; the typed name stays
        else:
            messages.success(request, _("Search saved. New matches come in your digest."))
            return redirect("connections:saved-search-list")
    preview = SavedSearch(list_kind=kind, query=query)
    filters = [(name, value) for name, values in QueryDict(query).lists() for value in values]
    context = {
        "form": form,
        "list_label": ListKind(kind).label,
        "list_url": digests.list_url(preview),
        "filters": filters,
        "noindex": True,
    }
    return render(request, "connections/saved_search_form.html", context)


@never_cache
@login_required
@require_POST
@rate_limited("form")
def saved_search_delete(request, pk: int):
    saved_search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    services.saved_search_delete(saved_search=saved_search, by=request.user)
    messages.success(request, _("Saved search deleted."))
    return redirect("connections:saved-search-list")


@never_cache
@login_required
@require_POST
@rate_limited("form")
def digest_frequency(request):
    form = FrequencyForm(request.POST)
    if form.is_valid():
        services.digest_frequency_set(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your choice is saved."))
    return redirect("connections:saved-search-list")


@never_cache
@csrf_exempt  # mail clients POST here for one-click unsubscribe (RFC 8058); the token is the key
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token: str):
    """GET confirms (changes nothing: mail scanners open links); POST unsubscribes."""
    settings = digests.settings_for_token(token)
    if settings is None:
        return render(request, "connections/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        services.digest_unsubscribe(settings=settings)
        done = True
    context = {"done": done, "token": token, "noindex": True}
    return render(request, "connections/unsubscribe.html", context)
