"""Addresses for the 429 and 503 pages, in a test process only (the page registry uses them).

Neither page has an address of its own: the 429 answers a request over a rate limit (allauth's
sign-in limits, `hubsi.limits`), the 503 a request that finds the database away
(`hubsi.middleware.DatabaseUnavailableMiddleware`). Importing this module adds two addresses
to the site's URLconf, under `i18n_patterns` like every page (so `/en/...` is English), whose
views trigger the real thing:

- the 429: allauth's `respond_429`, which is what allauth calls when a limit is reached. It
  looks up `handler429` in the site's URLconf, as it does for a real limit; `hubsi.limits`
  calls the same `hubsi.views.too_many_requests`.
- the 503: a view that raises the error Django raises when PostgreSQL is down; the site's
  middleware turns it into the 503 page, as it does for any view.

tests/pages.py imports this module, so every test that uses the registry can reach them: the
test client, and the browser tests' live server, which runs in the same process. The site's
own URLconf module never imports anything from tests/, so a running site has neither address.
"""

from django.conf.urls.i18n import i18n_patterns
from django.db.utils import OperationalError
from django.urls import clear_url_caches, path

import hubsi.urls

PREFIX = "test-only/"


def over_a_rate_limit(request):
    from allauth.core.ratelimit import respond_429

    return respond_429(request)


def database_away(request):
    raise OperationalError("connection refused")


# A module runs once per process: the addresses are added once.
hubsi.urls.urlpatterns += i18n_patterns(
    path(f"{PREFIX}429/", over_a_rate_limit, name="test-too-many-requests"),
    path(f"{PREFIX}503/", database_away, name="test-database-unavailable"),
    prefix_default_language=False,
)
clear_url_caches()
