"""Abuse limits per signed-in person: a budget of POSTs per action, and a cap on open drafts.

Rates are counted in fixed windows on the default cache (CACHES in settings.py: Redis in
production), so every gunicorn worker sees the same counts; `settings.USER_RATE_LIMITS` holds
the budgets (docs/security.md lists them). A POST over any budget of its actions is answered
with the styled 429 page (`hubsi.views.too_many_requests`) and a `Retry-After` of the seconds
until the window ends; the view does not run, so nothing is written.

allauth's `allauth.core.ratelimit` is not used: its public `consume()` reads only
ACCOUNT_RATE_LIMITS (and is marked for deprecation there), and it keeps a list of timestamps per
key where a counter does.

Things that are rows are capped by counting the rows: open drafts here, saved searches in
`connections.services.saved_search_create`.
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hubsi.models import OwnedContent
from hubsi.services import EDITABLE_STATUSES
from hubsi.views import too_many_requests

logger = logging.getLogger(__name__)

UNLIMITED_METHODS = ("GET", "HEAD", "OPTIONS")


def _count(key: str, seconds: int, now: float) -> tuple[int, int]:
    """Count one hit in the current window of `seconds`; return the count so far and the
    seconds until the window ends. `add` then `incr` is atomic on Redis and locmem."""
    window = int(now // seconds)
    retry_after = max(1, (window + 1) * seconds - int(now))
    cache_key = f"hubsi:limit:{key}:{seconds}:{window}"
    # The window is in the key, so a key that outlives its window a little does no harm.
    cache.add(cache_key, 0, timeout=retry_after + 1)
    try:
        return cache.incr(cache_key), retry_after
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=retry_after + 1)
        return 1, retry_after


def over_limit(user, *actions: str) -> int:
    """Count one request of `user` against every budget of `actions`; return 0 while all hold,
    else the seconds until the last exceeded window ends (for Retry-After)."""
    rates = getattr(settings, "USER_RATE_LIMITS", {})
    now = time.time()
    retry_after = 0
    for action in actions:
        for amount, seconds in rates.get(action, ()):
            count, wait = _count(f"{action}:{user.pk}", int(seconds), now)
            if count > amount:
                retry_after = max(retry_after, wait)
    return retry_after


def over_client_limit(client: str, rates) -> int:
    """Count one request of an anonymous client (its address) against `rates`, a list of
    (requests, seconds); return 0 while all hold, else the seconds until the last exceeded
    window ends. For machine interfaces that anyone may call (the open-data API)."""
    now = time.time()
    retry_after = 0
    for amount, seconds in rates:
        count, wait = _count(f"client:{client}", int(seconds), now)
        if count > amount:
            retry_after = max(retry_after, wait)
    return retry_after


def rate_limited(*actions: str):
    """Limit the POSTs of a signed-in person to the view by the budgets of `actions`.

    Put it below `login_required`: anonymous requests pass through untouched (those views send
    them to sign in; the public report form has its own limit per address). GETs are free.
    """
    actions = actions or ("form",)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = getattr(request, "user", None)
            if (
                request.method not in UNLIMITED_METHODS
                and user is not None
                and user.is_authenticated
            ):
                retry_after = over_limit(user, *actions)
                if retry_after:
                    logger.warning(
                        "rate limit %s reached by user %s on %s",
                        "+".join(actions),
                        user.pk,
                        request.resolver_match.view_name if request.resolver_match else "",
                    )
                    return too_many_requests(request, retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Open drafts -------------------------------------------------------------------------------


def open_drafts_of(user) -> int:
    """How many of the person's own content of every kind (innovations, organisation profiles,
    places...) is not submitted yet (draft or changes requested). One count per kind."""
    return sum(
        model.objects.owned_by(user).filter(status__in=EDITABLE_STATUSES).count()
        for model in apps.get_models()
        if issubclass(model, OwnedContent)
    )


def check_open_drafts(user) -> None:
    """Raise ValidationError (for the new-draft form) when the person holds the most open
    drafts allowed. A soft cap: two simultaneous first steps may both pass, which the rate
    limit bounds."""
    limit = settings.OPEN_DRAFTS_PER_USER
    if open_drafts_of(user) >= limit:
        raise ValidationError(
            _(
                "You already have %(limit)s drafts that are not submitted for review, the most "
                "allowed. Submit or delete one of them on your dashboard before you start a new "
                "one."
            ),
            code="too_many_drafts",
            params={"limit": limit},
        )


def may_start_draft(user, form) -> bool:
    """For the new-draft forms: False, with the reason on `form` (which keeps what was typed),
    when the person holds the most open drafts allowed."""
    try:
        check_open_drafts(user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True
