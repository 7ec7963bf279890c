"""Typed readers for environment variables that fail loudly on bad values.

Production differs from development by environment values only (see `.env.example`).
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1 or 0.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_choice(name: str, default: str, choices: list[str]) -> str:
    value = os.environ.get(name, default).strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of: {', '.join(choices)}.")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str, *, conn_max_age: int) -> dict:
    """Turn `postgres://user:pw@host:port/name` or `sqlite:///path` into DATABASES['default']."""
    parts = urlsplit(url)
    if parts.scheme in ("postgres", "postgresql"):
        if not parts.path.strip("/"):
            raise ImproperlyConfigured("DATABASE_URL has no database name, e.g. .../hubsi")
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        # The JIT compiler costs more than it saves on this site's short ranking queries.
        options.setdefault("options", "-c jit=off")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            # A host given as ?host=/socket/dir wins over the netloc (Unix sockets).
            "HOST": options.pop("host", parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    if parts.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": unquote(parts.path[1:] if parts.path.startswith("//") else parts.path)
            or ":memory:",
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported: use postgres:// or sqlite:///."
    )


def cache_from_url(url: str) -> dict:
    """`locmem://`, `redis://host:port/db` or `dummy://` into CACHES['default']."""
    parts = urlsplit(url)
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hubsi"}
    if parts.scheme in ("redis", "rediss", "unix"):
        return {"BACKEND": "hubsi.cache.RedisCache", "LOCATION": url}
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL scheme {parts.scheme!r} is not supported: use locmem://, redis:// or dummy://."
    )


def email_from_url(url: str) -> dict:
    """`console://`, `file:///path`, `locmem://` or `smtp[s]://user:pw@host:port` as settings."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parts.path,
        }
    if parts.scheme in ("smtp", "smtps"):
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL needs a host, e.g. smtp://user:pw@mail:587")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": parts.scheme == "smtp",
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme {parts.scheme!r} is not supported: use smtp://, console:// or file://."
    )


DISK_MEDIA = {"BACKEND": "hubsi.images.MediaStorage"}
S3_MEDIA_BACKEND = "hubsi.object_storage.S3MediaStorage"
# Logos get a new generated name on every upload and are never overwritten: cache them for good.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def media_storage_from_env(*, https: bool) -> dict:
    """STORAGES["default"]: MEDIA_ROOT on the server's disk, or an S3-compatible bucket shared
    by every server when MEDIA_BUCKET is set (docs/deployment.md, "Media")."""
    bucket = env_str("MEDIA_BUCKET").strip()
    if not bucket:
        return dict(DISK_MEDIA)
    endpoint = env_str("MEDIA_ENDPOINT_URL").strip().rstrip("/")
    region = env_str("MEDIA_REGION").strip()
    domain = env_str("MEDIA_CUSTOM_DOMAIN").strip().strip("/")
    signed = env_bool("MEDIA_SIGNED_URLS", False)
    if not endpoint and not region:
        raise ImproperlyConfigured(
            "MEDIA_BUCKET is set without MEDIA_ENDPOINT_URL, so the bucket is on Amazon S3: "
            "set MEDIA_REGION too (e.g. eu-west-1)."
        )
    if signed and domain:
        raise ImproperlyConfigured(
            "MEDIA_SIGNED_URLS and MEDIA_CUSTOM_DOMAIN exclude each other: a custom domain "
            "(CDN) serves public URLs; signed URLs come from the bucket's own address."
        )
    keys = [env_str(name).strip() for name in ("MEDIA_ACCESS_KEY_ID", "MEDIA_SECRET_ACCESS_KEY")]
    if any(keys) and not all(keys):
        raise ImproperlyConfigured(
            "Set both MEDIA_ACCESS_KEY_ID and MEDIA_SECRET_ACCESS_KEY, or neither (then boto3 "
            "finds credentials itself: AWS_* variables, ~/.aws, the machine's IAM role)."
        )
    if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ImproperlyConfigured(f"MEDIA_ENDPOINT_URL={endpoint!r} is not an http(s) URL.")
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": region or None,
        "access_key": keys[0] or None,
        "secret_key": keys[1] or None,
        "custom_domain": domain or None,
        "querystring_auth": signed,
        "querystring_expire": env_int("MEDIA_SIGNED_URL_SECONDS", 3600),
        "default_acl": env_str("MEDIA_ACL").strip() or None,
        "object_parameters": {
            "CacheControl": env_str("MEDIA_CACHE_CONTROL").strip() or MEDIA_CACHE_CONTROL
        },
        "signature_version": "s3v4",
        # Path style on S3-compatible services (MinIO and the like need no DNS per bucket);
        # virtual-hosted style on Amazon S3, where path style is being retired.
        "addressing_style": "path" if endpoint else "virtual",
    }
    storage = {"BACKEND": S3_MEDIA_BACKEND, "OPTIONS": options}
    origin = media_origin(storage)
    if https and not origin.startswith("https://"):
        raise ImproperlyConfigured(
            f"Logos would be served from {origin}, without TLS, on a site with HTTPS on: use an "
            "https:// MEDIA_ENDPOINT_URL or a MEDIA_CUSTOM_DOMAIN."
        )
    return storage


def media_origin(storage: dict) -> str:
    """Where the browser fetches media from ("" for the site's own /media/): the origin the
    Content-Security-Policy allows images from. tests/test_media_storage.py holds it to the
    URLs the storage really gives."""
    if storage["BACKEND"] != S3_MEDIA_BACKEND:
        return ""
    options = storage["OPTIONS"]
    if options["custom_domain"]:
        return f"https://{options['custom_domain']}"
    if options["endpoint_url"]:
        parts = urlsplit(options["endpoint_url"])
        return f"{parts.scheme}://{parts.netloc}"
    # Amazon S3, virtual-hosted: us-east-1 answers on the global name.
    region = options["region_name"]
    host = "s3.amazonaws.com" if region == "us-east-1" else f"s3.{region}.amazonaws.com"
    return f"https://{options['bucket_name']}.{host}"
