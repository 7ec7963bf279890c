"""Operations middleware: a request id in every log line, JSON logs on stdout, a styled 503
while the database is away, and no stored copies of the dashboard.

The logging pieces (`RequestIdFilter`, `JsonFormatter`) live here because they read the request
id that `request_id` sets; `LOGGING` in hubsi/settings.py wires them to the stdout handler.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("hubsi.database")

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is kept when it looks like one; anything longer or stranger (a hostile client
# can send any header) is replaced, so a log line never carries markup or line breaks from it.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# What "the database is away" looks like to Django: the server is down, restarting or refuses
# connections (OperationalError), or a kept connection broke (InterfaceError).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

# /dashboard/ in the default language, /en/dashboard/ in the others.
_LANGUAGE_PREFIXES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_PRIVATE_PATH = re.compile(rf"^/(?:(?:{_LANGUAGE_PREFIXES})/)?dashboard/")


def current_request_id() -> str:
    """The id of the request being handled in this thread, or "" outside a request."""
    return _request_id.get()


def request_id(get_response):
    """Give every request an id: the proxy's X-Request-ID when it is sane, else a new one.

    The id is on the request (`request.request_id`), on the response (X-Request-ID) and in every
    log record written while the request is handled (`RequestIdFilter`).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        value = incoming if _SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = value
        token = _request_id.set(value)
        try:
            response = get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = value
        return response

    return middleware


def render_database_unavailable(request: HttpRequest) -> HttpResponse:
    """The styled 503 page, rendered without touching the database.

    The page shows no signed-in state and no messages: both would need the session, which is in
    the database. Should a context processor still need the database, the page is rendered
    without the request (no language links), which needs nothing but the templates.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.db import DatabaseError
    from django.template.loader import render_to_string
    from django.utils.translation import get_language

    context = {"user": AnonymousUser(), "messages": [], "noindex": True}
    try:
        content = render_to_string("503.html", context, request=request)
    except DatabaseError:
        content = render_to_string("503.html", {**context, "LANGUAGE_CODE": get_language()})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def is_database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_UNAVAILABLE)


class DatabaseUnavailableMiddleware:
    """Answer the styled 503 (with Retry-After) when a view finds the database unavailable.

    Errors raised outside a view (another middleware reading the session, say) reach
    `hubsi.views.server_error`, which answers the same page. With DEBUG on, the developer sees
    Django's error page instead: on SQLite a missing table is an OperationalError too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if settings.DEBUG or not is_database_unavailable(exception):
            return None
        log_database_unavailable(exception)
        return render_database_unavailable(request)


def log_database_unavailable(exception: BaseException) -> None:
    # The exception's class and first line only: enough to see what failed, and never the
    # query or its parameters.
    first_line = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
    logger.error("Database unavailable: %s: %s", type(exception).__name__, first_line[:300])


def drop_nul_characters(get_response):
    """Remove NUL characters from the names and values of a query string or form.

    No browser sends one and no text on the platform needs one, but PostgreSQL can neither
    store nor compare it: a search for "a\\x00b" would end in a DataError, a 500. Dropping it
    here means no view or filter has to think about it. Uploaded files are not touched.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "%00" in request.META.get("QUERY_STRING", "") and has_nul(request.GET):
            request.GET = without_nul(request.GET)
        is_form = request.method == "POST" and request.content_type in _FORM_TYPES
        if is_form and has_nul(request.POST):
            request.POST = without_nul(request.POST)
        return get_response(request)

    return middleware


def has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)


def without_nul(data):
    from django.http import QueryDict

    cleaned = QueryDict(mutable=True)
    for key in data:
        cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in data.getlist(key)])
    cleaned._mutable = False
    return cleaned


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def private_pages_not_stored(get_response):
    """The dashboard shows a person's own drafts, requests and notes: `Cache-Control: no-store`
    keeps it out of browser and proxy caches (account pages: accounts/middleware.py)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if _PRIVATE_PATH.match(request.path_info):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response

    return middleware


# Logging -----------------------------------------------------------------------------------

# Credentials that could end up in a message or a traceback: the password in a URL
# (postgres://user:password@host) and `password=...`-style pairs.
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)[^\s@/]+@")
_SECRET_PAIR = re.compile(
    r"(?i)\b((?:password|passwd|pwd|secret|secret_key|token|api_key)\d?)"
    r"(['\"]?\s*[:=]\s*['\"]?)[^\s'\"&,;)}]+"
)
MAX_MESSAGE_LENGTH = 4000


def scrub(text: str) -> str:
    """Mask credentials in a log text."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _SECRET_PAIR.sub(r"\1\2***", text)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record: the id of the request being handled, if any.

    Django logs some responses (404s, 500s) after the middleware has returned; those records
    carry the request itself, which has the id.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "") or current_request_id() or None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, logger, message, request_id.

    Only these fields and a status code or exception are written: never the request (its body,
    headers or cookies) that some records carry. Line breaks and control characters in a
    message are escaped by JSON, so a hostile value cannot forge a log line.
    """

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if len(message) > MAX_MESSAGE_LENGTH:
            message = message[:MAX_MESSAGE_LENGTH] + "…"
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(message),
            "request_id": getattr(record, "request_id", None) or current_request_id() or None,
        }
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status_code"] = status_code
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
