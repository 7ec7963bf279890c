"""Caching of anonymous public pages and facet counts, on the cache shared by all processes.

Everything public derives from published content, so one catalogue version number is part of
every cache key. Publishing, archiving or editing public content bumps it (see
`hubsi/signals.py`), and every process then misses the stale entries at once: no entry has to
be found and deleted.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.cache import cache_page

VERSION_KEY = "hubsi:catalogue-version"
PAGE_TIMEOUT = 600  # seconds; invalidation is by version, so this only bounds memory use


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() so that concurrent first requests agree on one starting value.
        cache.add(VERSION_KEY, _new_series(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_catalogue_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (e.g. after a cache restart): start a new series
        cache.add(VERSION_KEY, _new_series(), timeout=None)


def _new_series() -> int:
    """A starting version that no earlier series used: after the cache was emptied, a
    process's own copy of something (the facet index) must not pass for current."""
    return time.time_ns() // 1000


def cache_public_page(view):
    """Cache a public GET page for anonymous visitors, keyed by the catalogue version.

    Signed-in people always get a fresh page (it can show their own name and actions).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            request.method not in ("GET", "HEAD")
            or request.user.is_authenticated
            or has_pending_messages(request)
        ):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                add_never_cache_headers(response)
            return response
        cached_view = cache_page(PAGE_TIMEOUT, key_prefix=f"page:v{catalogue_version()}")(view)
        response = cached_view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # runs the cache's post-render callback before the patch below
        # Browsers and proxies revalidate: the server cache is invalidated on publication,
        # a copy elsewhere would not be.
        patch_cache_control(response, max_age=0, no_cache=True)
        return response

    return wrapper


def has_pending_messages(request) -> bool:
    """A message waits for this visitor ("You have signed out"): render it, do not cache."""
    return "messages" in request.COOKIES or bool(
        request.COOKIES.get("sessionid") and request.session.get("_messages")
    )


def cached_facets(key_parts: tuple, compute):
    """Facet counts for one combination of filters, shared by all processes."""
    digest = hashlib.sha256(repr((get_language(), key_parts)).encode()).hexdigest()[:32]
    key = f"facets:v{catalogue_version()}:{digest}"
    counts = cache.get(key)
    if counts is None:
        counts = compute()
        cache.set(key, counts, PAGE_TIMEOUT)
    return counts
