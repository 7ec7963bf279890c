"""Your data: see what is stored, download it, delete the account."""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.forms import EmailLanguageForm
from innovations.models import Innovation
from supporters.models import Supporter


@login_required
def your_data(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "account/your_data.html",
        {
            "innovation_count": Innovation.objects.filter(owners=user).count(),
            "supporter_count": Supporter.objects.filter(managers=user).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_language(request: HttpRequest) -> HttpResponse:
    """Choose the language of the emails: every mail, digests and allauth's included."""
    form = EmailLanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved: the platform writes to you in this language."))
        return redirect("accounts:email-language")
    response = render(request, "account/email_language.html", {"form": form})
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def download_data(request: HttpRequest) -> HttpResponse:
    """A JSON file of everything stored about the signed-in person, as an attachment.

    A POST (with its CSRF token) and never stored by a cache: there is no address that a link,
    a browser history or a proxy could replay.
    """
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{services.export_filename()}"'
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "POST"])
@login_required
@reauthentication_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """After a fresh password (or authenticator) check: show what happens, then do it."""
    user = request.user
    if request.method == "POST" and not user.is_staff:
        services.account_delete(user=user)
        logout(request)
        # A page of its own, not a message on the home page: cached pages show no messages.
        return redirect("accounts:deleted")
    plan = services.deletion_plan(user=user)
    return render(request, "account/delete_account.html", {"plan": plan})


def account_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "account/account_deleted.html")
