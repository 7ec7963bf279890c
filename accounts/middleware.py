"""Two small guards around signing in: account pages are never stored by a browser or proxy,
and staff reach the admin only with two-factor authentication."""

import re

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from accounts.mfa import has_totp
from hubsi.admin_site import STAFF_TWO_FACTOR_SESSION_KEY

# /accounts/... in the default language, /en/accounts/... in the others.
_LANGUAGE_PREFIXES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_ACCOUNT_PATH = re.compile(rf"^/(?:(?:{_LANGUAGE_PREFIXES})/)?accounts/")

# The session remembers that its staff member has an authenticator app (under
# STAFF_TWO_FACTOR_SESSION_KEY), so admin pages cost no extra query; accounts/apps.py forgets it
# when the authenticator is removed.


def account_pages_not_stored(get_response):
    """Pages under /accounts/ show personal data and one-time secrets (recovery codes, the
    authenticator's secret): `Cache-Control: no-store` keeps them out of every cache."""

    def middleware(request: HttpRequest):
        response = get_response(request)
        if _ACCOUNT_PATH.match(request.path_info):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response

    return middleware


def staff_need_two_factor(get_response):
    """Staff without an authenticator app are sent to set one up before any admin page.

    Signed-out visitors and signed-in people who are not staff fall through to the admin's own
    handling (the sign-in page, or "not authorised": see accounts/admin_login.py).
    """

    def middleware(request: HttpRequest):
        return get_response(request)

    def process_view(request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "admin" not in match.namespaces:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return None
        if request.session.get(STAFF_TWO_FACTOR_SESSION_KEY) == user.pk:
            return None
        if has_totp(user):
            request.session[STAFF_TWO_FACTOR_SESSION_KEY] = user.pk
            return None
        messages.warning(
            request,
            _(
                "Staff accounts need two-factor authentication to open the curation admin. "
                "Set up an authenticator app below; then the admin opens as usual."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))

    middleware.process_view = process_view
    return middleware
