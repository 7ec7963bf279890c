"""Reliability: a styled 503 while the database is away and recovery without a restart, error
pages that leak nothing, the 429 page, one transaction per multi-row write, mail after commit.

The end-to-end database test runs gunicorn against its own throwaway PostgreSQL cluster, which
it stops and starts; the cluster the rest of the suite uses is never touched. It needs the
PostgreSQL 15 server binaries and root (to run them as the `postgres` user): without them it
is skipped, except on CI (CI=true), where it must run.
"""

import ast
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.utils import InterfaceError, OperationalError
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from hubsi.middleware import render_database_unavailable
from hubsi.models import Status
from hubsi.services import content_publish
from tests.factories import make_innovation

BASE_DIR = Path(__file__).resolve().parents[1]
PGBIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
ON_CI = os.environ.get("CI") == "true"


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def assert_styled_503(response, language: str = "nl") -> None:
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'href="#main"' in html
    assert in_language(language, "HUBSI is temporarily unavailable") in html
    for leak in ("OperationalError", "InterfaceError", "Traceback", "connection refused"):
        assert leak not in html


# The styled 503, in process --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_whose_view_finds_the_database_away_answers_a_styled_503(
    client, catalogue, monkeypatch, error
):
    def database_away(self):
        raise error("connection refused")

    monkeypatch.setattr("innovations.views.InnovationDetailView.get_queryset", database_away)
    response = client.get(f"/en/innovations/{catalogue['innovation'].slug}/")
    assert_styled_503(response, "en")


@pytest.mark.django_db
def test_a_signed_in_request_that_cannot_read_its_session_answers_a_styled_503(
    curator, monkeypatch
):
    client = Client(raise_request_exception=False)
    client.force_login(curator)

    def database_away(self):
        raise OperationalError("connection refused")

    # The admin's two-factor guard reads the session in a middleware, outside any view.
    monkeypatch.setattr("django.contrib.sessions.backends.db.SessionStore.load", database_away)
    assert_styled_503(client.get("/admin/"))


def test_the_503_page_needs_neither_the_session_nor_the_signed_in_user(rf):
    class Unreachable:
        def __getattr__(self, name):
            raise OperationalError("connection refused")

    request = rf.get("/en/innovations/")
    request.session = Unreachable()
    request.user = Unreachable()
    with translation.override("en"):
        response = render_database_unavailable(request)
    assert response.status_code == 503
    html = response.content.decode()
    assert "HUBSI is temporarily unavailable" in html
    assert 'hreflang="nl"' in html  # rendered with the request: the language links are there


@pytest.mark.django_db
def test_other_errors_still_answer_the_plain_500_page(monkeypatch):
    def broken(self):
        raise RuntimeError("internal detail 4711 in /srv/hubsi/settings.py")

    monkeypatch.setattr("innovations.views.InnovationListView.get_queryset", broken)
    response = Client(raise_request_exception=False).get("/innovations/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and "Something went wrong" in html
    assert 'href="/static/css/hubsi.css"' in html
    for leak in ("4711", "settings.py", "RuntimeError", "Traceback"):
        assert leak not in html


@pytest.mark.django_db
def test_the_404_page_is_styled_and_leaks_nothing(client):
    response = client.get("/en/innovations/no-such-thing/<script>alert(1)</script>/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "We cannot find this page" in html
    assert "<script>alert(1)</script>" not in html
    for leak in ("Traceback", "urlpatterns", "Using the URLconf", "DEBUG", "SECRET_KEY"):
        assert leak not in html


# Abuse limits: the 429 page --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_too_many_requests_answers_the_styled_429_page(rf, language):
    from hubsi.views import too_many_requests

    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        response = too_many_requests(request)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html
    assert in_language(language, "Slow down a moment") in html


@pytest.mark.django_db
def test_allauths_rate_limit_answers_a_styled_429_in_the_sites_language(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    data = {"login": "sara@example.org", "password": "not-her-password"}
    client.post("/en/accounts/login/", data)
    response = client.post("/en/accounts/login/", data)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'class="site-header"' in html and 'href="#main"' in html


# Private pages are never stored ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/dashboard/", "/en/dashboard/"])
def test_the_dashboard_is_never_stored(client, owner, path):
    client.force_login(owner)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# Writes: one transaction each, mail after commit -----------------------------------------

WRITES = {
    "save",
    "create",
    "delete",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "set",
    "add",
    "remove",
    "clear",
    "log_actions",
}
MAILS = {"send_templated_mail", "send_mail", "send_mass_mail", "mail_admins", "mail_managers"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_atomic(function: ast.FunctionDef) -> bool:
    for node in [*function.decorator_list, *ast.walk(function)]:
        target = node.func if isinstance(node, ast.Call) else node
        if isinstance(target, ast.Attribute) and target.attr == "atomic":
            return True
    return False


def _deferred_calls(function: ast.FunctionDef) -> set[int]:
    """The calls inside the arguments of `transaction.on_commit(...)`."""
    deferred = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _called_name(node) == "on_commit":
            deferred |= {id(inner) for arg in node.args for inner in ast.walk(arg)}
    return deferred


def _sends_mail(node: ast.AST) -> bool:
    name = _called_name(node) if isinstance(node, ast.Call) else ""
    return name in MAILS or name.startswith("_mail")


def _service_functions():
    """(app, function, names of the module's helpers that defer their mail themselves)."""
    for path in sorted(BASE_DIR.glob("*/services.py")):
        tree = ast.parse(path.read_text())
        functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        deferring = set()
        for helper in functions:
            deferred = _deferred_calls(helper)
            # A mail function called or handed on (functools.partial) by the helper.
            mails = [
                node
                for node in ast.walk(helper)
                if getattr(node, "id", getattr(node, "attr", None)) in MAILS
            ]
            if mails and all(id(node) in deferred for node in mails):
                deferring.add(helper.name)
        for node in functions:
            if not node.name.startswith("_"):
                yield path.parent.name, node, frozenset(deferring)


SERVICES = [(app, function) for app, function, _deferring in _service_functions()]
DEFERRING_HELPERS = {(app, function.name): d for app, function, d in _service_functions()}
# Reviewed by hand: several write calls, but one row each.
ONE_ROW = {"accounts.system_user": "creates one row, then makes its password unusable"}


@pytest.mark.parametrize("app, function", SERVICES, ids=lambda s: getattr(s, "name", s))
def test_a_service_that_writes_several_rows_does_it_in_one_transaction(app, function):
    writes = [
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and _called_name(node) in WRITES
    ]
    calls_helpers = any(
        isinstance(node, ast.Call) and _called_name(node).startswith("_")
        for node in ast.walk(function)
    )
    if f"{app}.{function.name}" in ONE_ROW:
        return
    if len(writes) >= 2 or (writes and calls_helpers):
        assert _is_atomic(function), f"{app}.services.{function.name} writes outside atomic()"


@pytest.mark.parametrize("app, function", SERVICES, ids=lambda s: getattr(s, "name", s))
def test_a_service_sends_mail_only_after_commit(app, function):
    deferred = _deferred_calls(function)
    helpers = DEFERRING_HELPERS[(app, function.name)]
    for node in ast.walk(function):
        if _sends_mail(node) and _called_name(node) not in helpers:
            assert id(node) in deferred, f"{app}.services.{function.name} mails before the commit"


@pytest.mark.django_db
def test_publication_mail_leaves_only_when_the_transaction_commits(
    curator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    innovation = make_innovation(owners=[owner], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content_publish(obj=innovation, by=curator)
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mailoutbox] == [[owner.email]]


@pytest.mark.django_db
def test_a_failing_publication_writes_nothing_and_sends_nothing(
    curator, owner, mailoutbox, monkeypatch
):
    innovation = make_innovation(owners=[owner], status=Status.SUBMITTED)

    def log_fails(*args, **kwargs):
        raise RuntimeError("the log table is full")

    monkeypatch.setattr("hubsi.services._log", log_fails)
    with pytest.raises(RuntimeError):
        content_publish(obj=innovation, by=curator)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert mailoutbox == []


# The database goes down and comes back: gunicorn against a throwaway cluster -------------


def _skip_reason() -> str:
    if not (PGBIN / "initdb").exists():
        return f"no PostgreSQL server binaries in {PGBIN}"
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        return "starting a throwaway PostgreSQL cluster needs root (runuser -u postgres)"
    return ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayCluster:
    """A PostgreSQL cluster of its own in a temporary directory, as .ci/run starts one."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="hubsi-reliability-pg."))
        shutil.chown(self.dir, "postgres", "postgres")
        self.port = _free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/hubsi"

    def _run(self, *command: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            cwd=self.dir,
            check=True,
            capture_output=True,
            timeout=120,
        )

    def create(self) -> None:
        self._run(
            str(PGBIN / "initdb"), "-D", f"{self.dir}/data", "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()
        self._run(str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "hubsi")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(PGBIN / "pg_ctl"), "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w",
            "-o", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(PGBIN / "pg_ctl"), "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PGBIN / "pg_ctl"), "-D", f"{self.dir}/data",
             "-m", "immediate", "stop"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def throwaway_postgres():
    reason = _skip_reason()
    if reason:
        if ON_CI:
            pytest.fail(f"CI must run the database-down test: {reason}")
        pytest.skip(reason)
    cluster = ThrowawayCluster()
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


def _server_env(database_url: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="hubsi.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="reliability-test-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_MANIFEST="0",
        CACHE_URL="locmem://",
        CONN_MAX_AGE="600",
        EMAIL_URL="console://",
        LOG_LEVEL="INFO",
    )
    return env


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_for(url: str, status: int, seconds: float = 30) -> tuple[int, dict, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            answer = fetch(url)
            if answer[0] == status or time.monotonic() > deadline:
                return answer
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


@pytest.fixture
def server(throwaway_postgres, tmp_path):
    env = _server_env(throwaway_postgres.url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = _free_port()
    stdout = open(tmp_path / "stdout.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hubsi.wsgi", "--workers", "1", "--timeout", "30",
         "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=stdout,
        stderr=open(tmp_path / "stderr.log", "w"),  # noqa: SIM115
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", 200)
        yield base, tmp_path / "stdout.log"
    finally:
        process.terminate()
        process.wait(timeout=20)
        stdout.close()


@pytest.mark.postgres
def test_while_the_database_is_down_pages_answer_503_and_the_site_recovers_by_itself(
    throwaway_postgres, server
):
    base, log = server
    assert fetch(base + "/healthz")[0] == 200
    assert fetch(base + "/en/innovations/")[0] == 200  # leaves a kept connection behind

    throwaway_postgres.stop()
    try:
        status, headers, body = fetch(base + "/healthz")
        assert status == 503
        assert json.loads(body)["database"] == "unreachable"
        status, headers, body = fetch(base + "/en/challenges/")
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert '<html lang="en">' in body and 'class="site-header"' in body
        assert "HUBSI is temporarily unavailable" in body
        assert "OperationalError" not in body and "Traceback" not in body
        # Visited before: an anonymous page still in the cache may be served; else a 503.
        assert fetch(base + "/en/innovations/")[0] in (200, 503)
    finally:
        throwaway_postgres.start()

    # No restart of the application: the next requests find the database again.
    assert wait_for(base + "/healthz", 200)[0] == 200
    assert fetch(base + "/en/challenges/")[0] == 200
    assert fetch(base + "/en/innovations/")[0] == 200

    entries = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    down = [e for e in entries if e["message"].startswith("Database unavailable")]
    assert down and all(e["request_id"] for e in down)
    assert all(e["level"] == "ERROR" for e in down)
