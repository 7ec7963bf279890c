"""Caching of anonymous public pages and facet counts, on the cache shared by all processes.

Everything public derives from published content, so one catalogue version number is part of
every cache key. Publishing, archiving or editing public content bumps it (see
`hubsi/signals.py`), and every process then misses the stale entries at once: no entry has to
be found and deleted. Each bump also records which items changed, so that the facet index can
be patched for those items instead of rebuilt (hubsi/facet_index.py).

A cached page costs one cache round trip: each process remembers the version it saw last and
reads the version key and the page stored under that version together (one `get_many`, one
MGET on Redis); only when the version has moved since is there a second read, under the new
version. The whole response (status, headers, body) is one entry.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control
from django.utils.timezone import get_current_timezone_name, localdate
from django.utils.translation import get_language

VERSION_KEY = "hubsi:catalogue-version"
PAGE_TIMEOUT = 600  # seconds; invalidation is by version, so this only bounds memory use
# What changed in each version, for patching indexes; versions older than this are rebuilt.
CHANGES_TIMEOUT = 24 * 60 * 60
# A view's response may vary on the language (the key holds it); any other Vary is not cached.
KEYED_VARY = {"accept-language"}

# Per process: the catalogue version this process saw last (the page cache's first guess).
_seen = {"version": None}


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() so that concurrent first requests agree on one starting value.
        cache.add(VERSION_KEY, _new_series(), timeout=None)
        version = cache.get(VERSION_KEY)
    _seen["version"] = version
    return version


def bump_catalogue_version(changes=None) -> None:
    """Start a new catalogue version. `changes`, when known, says what changed: a collection
    of (kind, model label, primary key or None for all of that model), kind "row" (the item
    was saved or deleted) or "link" (its many-to-many links changed)."""
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (e.g. after a cache restart): start a new series
        cache.add(VERSION_KEY, _new_series(), timeout=None)
        return
    if changes is not None:
        cache.set(changes_key(version), tuple(changes), CHANGES_TIMEOUT)


def changes_key(version: int) -> str:
    return f"hubsi:changes:v{version}"


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
        key, entry = _cached_entry(request)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            entry = _entry_of(request, response)
            if entry is not None:
                cache.set(key, entry, PAGE_TIMEOUT)
        # Browsers and proxies revalidate: the server cache is invalidated on publication,
        # a copy elsewhere would not be.
        patch_cache_control(response, max_age=0, no_cache=True)
        return response

    return wrapper


def page_key(version: int, request) -> str:
    """One page for one address (host, path and query), language, time zone and day; GET and
    HEAD share it, as in Django's cache. The day because what is open, upcoming or past
    changes at midnight without any publication."""
    parts = (
        request.build_absolute_uri(),
        get_language(),
        get_current_timezone_name(),
        localdate(),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"page:v{version}:{digest}"


def _cached_entry(request) -> tuple[str, tuple | None]:
    """The key of this page under the current version, and its entry if cached."""
    seen = _seen["version"]
    if seen is None:  # the first page of this process
        key = page_key(catalogue_version(), request)
        return key, cache.get(key)
    key = page_key(seen, request)
    found = cache.get_many([VERSION_KEY, key])
    current = found.get(VERSION_KEY)
    if current == seen:
        return key, found.get(key)
    # The version moved (or the cache was emptied): the page under the new one.
    if current is None:
        current = catalogue_version()
    _seen["version"] = current
    key = page_key(current, request)
    return key, cache.get(key)


def _entry_of(request, response) -> tuple | None:
    """What the cache keeps of a response: only a complete 200 page that is the same for
    every anonymous visitor of this address and language, else None."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return None
    vary = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    if vary - KEYED_VARY:
        return None
    control = response.get("Cache-Control", "").lower()
    if "private" in control or "no-store" in control or "max-age=0" in control:
        return None
    return (response.status_code, list(response.items()), response.content)


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
