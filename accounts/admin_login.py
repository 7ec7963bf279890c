"""The Django admin signs people in through allauth, so its login is rate-limited, asks for the
second factor and shows the site's own pages. Installed by `AccountsConfig.ready()`."""

from functools import wraps

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index")


def through_allauth(admin_login):
    """Replace the admin's login form by allauth's sign-in page.

    - signed out: redirect to the site's sign-in page, which comes back to `next`;
    - signed in as staff: the admin's own behaviour (it redirects to `next`);
    - signed in without staff rights: a "not authorised" page (403) in the site's layout,
      never a second password form that would bypass allauth.
    """

    @wraps(admin_login)
    def login(request: HttpRequest, extra_context=None):
        user = request.user
        if not user.is_authenticated:
            query = urlencode({REDIRECT_FIELD_NAME: _safe_next(request)})
            return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
        if not (user.is_active and user.is_staff):
            return render(request, "account/admin_not_authorised.html", status=403)
        return admin_login(request, extra_context)

    login.through_allauth = True
    return login


def password_change_through_allauth(request: HttpRequest, extra_context=None):
    """The admin's "change password" link opens the site's page (it sends a notice mail)."""
    return HttpResponseRedirect(reverse("account_change_password"))


def install() -> None:
    site = admin.site
    if not getattr(site.login, "through_allauth", False):
        site.login = through_allauth(site.login)
    site.password_change = password_change_through_allauth
