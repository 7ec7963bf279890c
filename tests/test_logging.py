"""Structured logs: JSON lines on stdout with the request id; no passwords, no request bodies."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse

from hubsi.middleware import JsonFormatter, RequestIdFilter, request_id, scrub

BASE_DIR = Path(__file__).resolve().parents[1]
PASSWORD = "Zeer-Geheim-Wachtwoord-4821"


@pytest.fixture
def json_log():
    """The stdout handler's formatter and filter, writing to a buffer; returns the lines."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)

    def lines() -> list[dict]:
        return [json.loads(line) for line in buffer.getvalue().splitlines() if line]

    lines.raw = buffer.getvalue
    yield lines
    root.removeHandler(handler)


def test_the_stdout_handler_writes_json_with_the_request_id_filter():
    handler = settings.LOGGING["handlers"]["stdout"]
    assert handler["stream"] == "ext://sys.stdout"
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"].endswith("JsonFormatter")
    assert all(
        settings.LOGGING["filters"][name]["()"].endswith("RequestIdFilter")
        for name in handler["filters"]
    )
    assert settings.LOGGING["root"]["handlers"] == ["stdout"]


def test_a_process_logs_json_lines_to_stdout():
    code = (
        "import django, logging; django.setup();"
        "logging.getLogger('hubsi.test').warning('Backup %s finished', 'nightly')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hubsi.settings", "SECRET_KEY": "x"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "hubsi.test"
    assert entry["message"] == "Backup nightly finished"
    assert entry["request_id"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["timestamp"])


@pytest.mark.django_db
def test_every_response_carries_a_new_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.django_db
def test_the_request_id_of_the_proxy_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "proxy-7f3a9c21"})
    assert response["X-Request-ID"] == "proxy-7f3a9c21"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hostile", ['<script>alert("x")</script>', "a" * 500, "id with spaces", "x\\ny"]
)
def test_a_hostile_request_id_is_replaced(client, hostile):
    response = client.get("/healthz", headers={"X-Request-ID": hostile})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_log_lines_of_a_request_carry_its_id(client, json_log):
    client.get("/does-not-exist/", headers={"X-Request-ID": "req-404-test"})
    entry = next(e for e in json_log() if e["logger"] == "django.request")
    assert entry["level"] == "WARNING"
    assert entry["request_id"] == "req-404-test"
    assert entry["status_code"] == 404
    assert set(entry) == {"timestamp", "level", "logger", "message", "request_id", "status_code"}


def test_a_log_line_written_while_a_request_is_handled_carries_its_id(rf, json_log):
    def view(request):
        logging.getLogger("hubsi.views").info("Handling the request")
        return HttpResponse("ok")

    response = request_id(view)(rf.get("/", headers={"X-Request-ID": "req-view-test"}))
    logging.getLogger("hubsi.test").info("Between requests")
    inside, outside = json_log()
    assert response["X-Request-ID"] == inside["request_id"] == "req-view-test"
    assert inside["message"] == "Handling the request"
    assert outside["request_id"] is None


@pytest.mark.django_db
def test_a_server_error_during_sign_in_logs_no_password(json_log, monkeypatch):
    from allauth.account.forms import LoginForm
    from django.test import Client

    def broken_clean(self):
        raise RuntimeError("the sign-in backend broke")

    monkeypatch.setattr(LoginForm, "clean", broken_clean)
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"login": "sara@example.org", "password": PASSWORD})
    assert response.status_code == 500
    error = next(e for e in json_log() if e["level"] == "ERROR")
    assert "RuntimeError: the sign-in backend broke" in error["exception"]
    assert PASSWORD not in json_log.raw()
    assert "sara@example.org" not in json_log.raw()


@pytest.mark.django_db
def test_a_failed_sign_in_logs_no_password(client, json_log):
    client.post("/accounts/login/", {"login": "sara@example.org", "password": PASSWORD})
    assert PASSWORD not in json_log.raw()


def test_credentials_in_log_messages_are_masked():
    masked = scrub(
        "could not connect to postgres://hubsi:pw-9x7@db.internal:5432/hubsi; "
        "password=hunter2 secret_key: 'abc123' token=ZZZ"
    )
    assert "pw-9x7" not in masked and "hunter2" not in masked
    assert "abc123" not in masked and "ZZZ" not in masked
    assert "postgres://hubsi:***@db.internal:5432/hubsi" in masked


def test_a_line_break_in_a_logged_value_cannot_forge_a_log_line(json_log):
    logging.getLogger("hubsi.test").warning("Not Found: %s", '/x\n{"level": "INFO"}')
    lines = json_log.raw().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["message"] == 'Not Found: /x\n{"level": "INFO"}'


def test_a_very_long_message_is_cut(json_log):
    logging.getLogger("hubsi.test").warning("Not Found: /%s", "a" * 100_000)
    assert len(json_log()[0]["message"]) < 5000
