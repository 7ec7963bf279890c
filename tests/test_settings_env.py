"""Settings read from the environment fail loudly on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from hubsi.env import cache_from_url, database_from_url, email_from_url, env_bool, env_int


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)]
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="NUMBER"):
        env_int("NUMBER", 1)


def test_postgres_url():
    db = database_from_url("postgres://hubsi:s%40cret@db.local:5433/hubsi", conn_max_age=600)
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "hubsi",
        "hubsi",
        "s@cret",
        "db.local",
        "5433",
    )
    assert db["CONN_MAX_AGE"] == 600 and db["CONN_HEALTH_CHECKS"] is True


def test_sqlite_url():
    assert database_from_url("sqlite:////tmp/x.sqlite3", conn_max_age=0)["NAME"] == "/tmp/x.sqlite3"


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host:5432/"])
def test_bad_database_url_fails_loudly(url):
    with pytest.raises(ImproperlyConfigured):
        database_from_url(url, conn_max_age=0)


def test_cache_and_email_urls():
    assert cache_from_url("redis://127.0.0.1:6379/1")["BACKEND"].endswith("RedisCache")
    smtp = email_from_url("smtp://mailer:pw@smtp.example:2525")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"]) == (
        "smtp.example",
        2525,
        True,
    )
    with pytest.raises(ImproperlyConfigured):
        cache_from_url("memcached://x")
    with pytest.raises(ImproperlyConfigured):
        email_from_url("pigeon://x")
