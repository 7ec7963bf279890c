"""Settings for the HUBSI platform: one file, every variable from the environment.

See `.env.example` and the table in README.md. Production means DEBUG=0 and HTTPS=1.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hubsi.env import (
    cache_from_url,
    database_from_url,
    email_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    media_origin,
    media_storage_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("HTTPS", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off (see .env.example).")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production-hubsi-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "hubsi.admin_config.CurationAdminConfig",  # django.contrib.admin with the curation site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "corsheaders",
    # Not "rest_framework" nor "drf_spectacular": the API (opendata/api.py) needs neither as
    # an app, and as apps their catalogues would override Django's own Dutch messages on
    # every form ("Dit veld is vereist." instead of "Dit veld is verplicht.").
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "hubsi",
    "accounts",
    "innovations",
    "supporters",
    "funding",
    "learning",
    "connections",
    "front",
    "demo",
    "opendata",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (hubsi/middleware.py).
    "hubsi.middleware.request_id",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware: answers CORS preflights of the API and the open-data files.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After allauth's and the messages middleware: both read the signed-in user and may answer
    # with a redirect and a message (see accounts/middleware.py).
    "accounts.middleware.account_pages_not_stored",
    "accounts.middleware.staff_need_two_factor",
    "hubsi.middleware.private_pages_not_stored",
    # NUL characters are dropped from queries and forms (PostgreSQL cannot store or compare one).
    "hubsi.middleware.drop_nul_characters",
    # Last, so its process_exception runs first: a view that finds the database away
    # answers the styled 503 (errors outside views: handler500 in hubsi/urls.py).
    "hubsi.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "hubsi.urls"
WSGI_APPLICATION = "hubsi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hubsi.context_processors.site",
            ],
        },
    },
]

# Persistent connections: without them every request pays a new PostgreSQL connection.
DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 600),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(env_str("CACHE_URL", "locmem://"))}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# django-allauth: the email address is the login; it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# allauth's mail in the recipient's language, as text and HTML (accounts/adapter.py).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[HUBSI] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
# Accounts (docs/accounts.md): one email address per account, changed through a verified
# replacement; after confirming it the person is signed in; security notices by mail.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# After signing out: the sign-in page, never cached, shows "You have signed out" (the cached
# public pages of hubsi.caching would drop that message).
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
# A field bots like to fill in; people never see it (accounts/forms.py hides it accessibly).
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "phone_number"
# allauth's default ACCOUNT_RATE_LIMITS apply: they need a real cache (CACHES above; locmem://
# or redis://, never dummy://), which `accounts` checks at start-up. They count per client IP:
# behind the TLS proxy (HTTPS=1) that IP is the last one the proxy adds to X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if HTTPS else 0)
LOGIN_URL = "account_login"
# Two-factor authentication for everyone; staff need it before they reach the admin.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "HUBSI"
# Accept the code of the previous and the next 30 seconds too (clocks of phones drift).
MFA_TOTP_TOLERANCE = 1

# Optional sign-in with an OpenID Connect provider (a government login), switched on by
# setting OIDC_CLIENT_ID; then every OIDC_* variable is required (docs/accounts.md).
OIDC_CLIENT_ID = env_str("OIDC_CLIENT_ID")
if OIDC_CLIENT_ID:
    _oidc = {
        name: env_str(name).strip()
        for name in ("OIDC_PROVIDER_NAME", "OIDC_SERVER_URL", "OIDC_CLIENT_SECRET")
    }
    _missing = [name for name, value in _oidc.items() if not value]
    if _missing:
        raise ImproperlyConfigured(
            f"OIDC_CLIENT_ID is set, so {', '.join(_missing)} must be set too "
            "(see docs/accounts.md), or unset OIDC_CLIENT_ID to switch the provider off."
        )
    INSTALLED_APPS += [
        "allauth.socialaccount",
        "allauth.socialaccount.providers.openid_connect",
    ]
    SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "government",
                    "name": _oidc["OIDC_PROVIDER_NAME"],
                    "client_id": OIDC_CLIENT_ID,
                    "secret": _oidc["OIDC_CLIENT_SECRET"],
                    "settings": {"server_url": _oidc["OIDC_SERVER_URL"]},
                }
            ],
        }
    }
    # An address from the provider is not trusted to take over an existing account.
    SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
    SOCIALACCOUNT_STORE_TOKENS = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
# locale_overrides/ holds Dutch for django-allauth's strings in the platform's "je" form; it
# ranks below locale/ (where `make messages` writes) and above every app's own catalogue.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # MEDIA_ROOT on this server's disk, or an S3-compatible bucket shared by every server when
    # MEDIA_BUCKET is set (docs/deployment.md). Either way, uploads stored in a transaction
    # that rolls back are deleted (hubsi/images.py).
    "default": media_storage_from_env(https=HTTPS),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 3600

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "HUBSI <noreply@hubsi.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email = email_from_url(env_str("EMAIL_URL", "console://"))
# Every message is queued as a background task (hubsi/mail.py), which sends it through the
# backend that EMAIL_URL names.
EMAIL_BACKEND = "hubsi.mail.TaskEmailBackend"
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)

# Background tasks (hubsi/tasks.py): at once in the request (`immediate`, for tests and
# `make run`), or queued in the database for `manage.py db_worker` processes (`database`:
# production, the benchmark, the soak test). docs/operations.md.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", list(TASKS_BACKENDS))
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
CURATOR_EMAILS = env_list("CURATOR_EMAILS", "")

# Content Security Policy (django-csp): nothing inline, nothing from elsewhere but the media
# bucket's host when MEDIA_BUCKET is set.
_media_origin = media_origin(STORAGES["default"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_media_origin] if _media_origin else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Security. Behind a TLS proxy (HTTPS=1) trust its X-Forwarded-Proto header.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs: one JSON object per line on stdout (timestamp, level, logger, message, request_id), for
# the process manager to collect (docs/operations.md). Request bodies, headers, cookies and
# passwords are never logged; credentials in messages are masked (hubsi/middleware.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hubsi.middleware.RequestIdFilter"}},
    "formatters": {"json": {"()": "hubsi.middleware.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (the DEBUG console, mail to ADMINS) are replaced by the root's.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # SQL with its parameters (password hashes, personal data) stays out of the logs,
        # also with LOG_LEVEL=DEBUG.
        "django.db.backends": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

PAGE_SIZE = 20

# The open-data API (opendata/, docs/opendata.md): requests per client address, in fixed
# windows on the shared cache (hubsi/limits.py), as (requests, seconds).
API_RATE_LIMITS = [
    (env_int("API_RATE_PER_MINUTE", 120), 60),
    (env_int("API_RATE_PER_DAY", 20000), 24 * 3600),
]
REST_FRAMEWORK = {
    # Read-only and anonymous: no session, so no credentials and no CSRF token are involved.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opendata.api.problem_handler",
    # The API speaks JSON only; `format` is a filter of the learning list, not a renderer.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "HUBSI open data API",
    "DESCRIPTION": "Read-only access to the published content of the HUBSI platform "
    "(CC BY 4.0). Version 1: fields are only ever added; see docs/opendata.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
# Where the open-data files are built (opendata/files.py): a directory the web processes read
# and the worker that builds them writes; it must survive deployments.
OPEN_DATA_DIR = Path(env_str("OPEN_DATA_DIR", str(BASE_DIR / "var" / "open-data")))
# CORS (django-cors-headers): anyone may read the API and the open-data files, without
# credentials, from any site.
CORS_URLS_REGEX = r"^/(api/v1|open-data)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# Abuse limits per signed-in person (hubsi/limits.py; docs/security.md lists them). Rates are
# counted on the default cache above, shared by every worker: per action, (POSTs, seconds) in
# fixed windows; the POST over a budget gets the styled 429 page with Retry-After.
USER_RATE_LIMITS = {
    # Every self-service form POST together: steps, new drafts, submissions, deletions,
    # invitations, contact requests and answers, reports, saved searches.
    "form": [(30, 60), (500, 24 * 3600)],
    # On top of "form": each invitation mails an address the person typed.
    "invitation": [(10, 3600), (30, 24 * 3600)],
    # On top of "form": saving searches.
    "saved-search": [(10, 3600)],
}
# Caps on rows, counted in the database: a clear message on the form, what was typed is kept.
SAVED_SEARCHES_PER_USER = 25
OPEN_DRAFTS_PER_USER = 20
