"""make scan: wapiti and sqlmap against a throwaway local server seeded with demo content.

1. The scanners live in their own virtual environment, `.scan-venv/` (git-ignored), so their
   many exact pins never mix with the project's: wapiti 3.2.3 (the last release that runs on
   Python 3.11) and sqlmap, both from PyPI.
2. A server runs as in production (gunicorn, DEBUG=0, static files through WhiteNoise) on a free
   127.0.0.1 port, on a throwaway database: a temporary SQLite file, or a new database on the
   PostgreSQL server that SCAN_DATABASE_URL names (CI does that, so the scan also meets the
   PostgreSQL search code), dropped afterwards. It is migrated and gets `seed_demo`,
   `ensure_local_users` and one signed-in owner of demo content (a session written directly).
   Its rate limits are lifted, so that the scanners reach the forms behind them.
3. Three scanners run side by side; each sends one request at a time, so together they keep
   both cores busy:
   - wapiti as an anonymous visitor and wapiti as the signed-in owner, with the modules xss,
     permanentxss, sql, exec, crlf, redirect and csrf, starting from every kind of page;
   - sqlmap on the parameters of /search/ and of the innovation, supporter and funding lists.
4. A table gives the findings per module and how far each got. Reports go to reports/scan/
   (git-ignored). The server, the database and every temporary file are removed, also on
   Ctrl-C. Exit 1 on any finding, or when a scanner gave no result.

SCAN_MINUTES (default 8) bounds the whole run, installation included: each scanner gets a time
cap from what is left, and a module that reaches its cap stops (the table says so). A deeper
scan: `SCAN_MINUTES=30 make scan`. See docs/security.md.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable  # the project's virtual environment: `make scan` runs this with it
TOOL_VENV = ROOT / ".scan-venv"
TOOLS = ["wapiti3==3.2.3", "sqlmap==1.10.10"]
REPORTS = ROOT / "reports" / "scan"
MINUTES = float(os.environ.get("SCAN_MINUTES", "8"))
STARTED = time.monotonic()
DEADLINE = STARTED + MINUTES * 60
# Kept free at the end for the reports and for stopping everything.
RESERVE_SECONDS = 20
# A scanner still running this long after its deadline is killed (and has no report).
GRACE_SECONDS = 45

# wapiti has one time cap for all the modules of a run, so it runs three times on one session:
# the crawl with the modules that send a request or two per parameter, then two pairs that send
# dozens, each sharing what time is left. permanentxss needs xss in the same run.
PASSES = [["crlf", "redirect", "csrf"], ["sql", "exec"], ["xss", "permanentxss"]]
MODULES = [module for modules in PASSES for module in modules]

# A fixed CSRF secret sent as the csrftoken cookie with every request: Django then keeps it, so
# the forms wapiti stored while crawling still carry valid tokens when the later wapiti runs,
# which start with a fresh cookie jar, attack them.
CSRF_COOKIE = secrets.token_hex(16)  # 32 characters from [0-9a-f], as Django expects

PROCESSES: list[subprocess.Popen] = []  # everything started, stopped in the end
STOPPING = threading.Event()  # set on the way out: nothing new starts
STARTING = threading.Lock()


def say(message: str) -> None:
    print(f"[scan {time.strftime('%H:%M:%S')}] {message}", flush=True)


def seconds_left() -> float:
    return DEADLINE - time.monotonic()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list, *, log: Path, env: dict | None = None, stdin=subprocess.DEVNULL):
    """A child in its own session: Ctrl-C reaches only us, and we stop it and its children."""
    with STARTING, open(log, "a") as out:
        if STOPPING.is_set():
            raise Stopping
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=env,
            stdin=stdin,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        PROCESSES.append(process)
    return process


class Stopping(Exception):
    """The run is being stopped (Ctrl-C, or an error): a scanner thread ends quietly."""


def stop_all() -> None:
    with STARTING:
        STOPPING.set()
    for process in reversed(PROCESSES):
        stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def finish(process: subprocess.Popen, until: float, *, graceful: bool = False) -> str:
    """Wait for a scanner until its deadline: "done", "stopped" (at the deadline) or "killed".

    `graceful`: at the deadline, answer wapiti's Ctrl-C question ("r: stop everything here and
    generate the report") and give it some time to write its report.
    """
    try:
        process.wait(max(1.0, until - time.monotonic()))
        return "done"
    except subprocess.TimeoutExpired:
        pass
    if graceful:
        try:
            process.stdin.write(b"r\n")
            process.stdin.flush()
            process.send_signal(signal.SIGINT)
        except OSError:
            pass
    try:
        process.wait(GRACE_SECONDS)
        return "stopped" if graceful else "killed"
    except subprocess.TimeoutExpired:
        stop(process)
        return "killed"


# Tools -----------------------------------------------------------------------------------------


def install_tools() -> Path:
    bin_dir = TOOL_VENV / "bin"
    marker = TOOL_VENV / ".installed"
    wanted = " ".join(TOOLS)
    if marker.exists() and marker.read_text().strip() == wanted:
        return bin_dir
    say(f"installing {', '.join(TOOLS)} into {TOOL_VENV.name}/ (once)")
    if not (bin_dir / "python").exists():
        subprocess.run([PYTHON, "-m", "venv", str(TOOL_VENV)], check=True)
    installed = subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "-qq", "--disable-pip-version-check",
         *TOOLS],
    )  # fmt: skip
    if installed.returncode:
        # mitmproxy 10.2.3 (wapiti's) needs urwid-mitmproxy, published as source only.
        sys.exit(
            "Installing the scanners failed. wapiti's dependency urwid-mitmproxy compiles a C "
            "extension: it needs a C compiler and Python's headers (Debian: apt-get install "
            "gcc python3.11-dev)."
        )
    marker.write_text(wanted + "\n")
    return bin_dir


# The throwaway server --------------------------------------------------------------------------


class Database:
    """A temporary SQLite file, or a new database on the PostgreSQL server of SCAN_DATABASE_URL."""

    def __init__(self, tmp: Path):
        self.server_url = os.environ.get("SCAN_DATABASE_URL", "")
        self.created = False
        if not self.server_url:
            self.url, self.dbms = f"sqlite:///{tmp / 'db.sqlite3'}", "SQLite"
            return
        parts = urlsplit(self.server_url)
        if parts.scheme not in ("postgres", "postgresql"):
            sys.exit("SCAN_DATABASE_URL must be a postgres:// URL (or unset for SQLite).")
        self.name = f"hubsi_scan_{secrets.token_hex(4)}"
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.dbms = "PostgreSQL"

    def create(self) -> None:
        if self.dbms == "PostgreSQL":
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.created = True

    def drop(self) -> None:
        if self.created:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# The production settings without the rate limits: behind them the scanners would meet the 429
# page instead of the forms. The limits themselves are tested in tests/. On SQLite, three
# scanners writing at once would otherwise meet "database is locked" (production runs
# PostgreSQL): writers queue for the lock from the start of their transaction instead.
SCAN_SETTINGS = """from hubsi.settings import *  # noqa: F403

USER_RATE_LIMITS = {}
ACCOUNT_RATE_LIMITS = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=30
    )
"""


def server_env(tmp: Path, database_url: str, port: int) -> dict:
    """Production settings on plain http on loopback; mail and cache stay in the process."""
    (tmp / "scan_settings.py").write_text(SCAN_SETTINGS)
    ignored = ("DATABASE_URL", "CACHE_URL", "EMAIL_URL", "STATIC_ROOT", "MEDIA_ROOT")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ignored and not name.startswith("OIDC_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="scan_settings",
        PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]),
        DATABASE_URL=database_url,
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        CACHE_URL="locmem://",
        EMAIL_URL="locmem://",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict, *args: str, quiet: bool = False) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    server = start(
        [Path(PYTHON).parent / "gunicorn", "hubsi.wsgi", "--workers", "2",
         "--worker-class", "gthread", "--threads", "4", "--timeout", "60",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        log=log,
        env=env,
    )  # fmt: skip
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    sys.exit(f"The server did not start; its log: {log}")


def make_targets(cookie_file_dir: Path) -> None:
    """Runs with the server's settings (`ops/scan.py --targets DIR`): signs in a demo owner and
    prints, as JSON, the URLs each scanner starts from."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from importlib import import_module

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.urls import reverse

    from accounts.models import User
    from funding.filters import FundingFilterSet
    from funding.models import FundingOpportunity
    from innovations.filters import ChallengeFilterSet, InnovationFilterSet
    from innovations.models import Challenge, Innovation
    from innovations.selfservice import STEPS
    from supporters.filters import SpaceFilterSet, SupporterFilterSet
    from supporters.models import ExperimentationSpace, Supporter
    from supporters.selfservice import SPACE_STEPS, SUPPORTER_STEPS

    def first(values, fallback=""):
        return next(iter(values), fallback)

    def word(name: str) -> str:
        """A word of a name, so that a search finds something (sqlmap compares pages)."""
        return first((w.strip(".,:").lower() for w in name.split() if len(w) > 4), "energie")

    def url(name, *args, **query):
        path = reverse(name, args=args)
        return f"{path}?{urlencode(query)}" if query else path

    space = ExperimentationSpace.objects.published().select_related("host").order_by("slug")[0]
    own_supporter = space.host
    other_supporter = Supporter.objects.published().exclude(pk=own_supporter.pk).order_by("slug")
    other_supporter = other_supporter[0]
    own, other = Innovation.objects.published().order_by("slug")[:2]
    challenge = Challenge.objects.active().select_related("theme").order_by("slug")[0]
    funding = FundingOpportunity.objects.published().order_by("slug")[0]

    user = User.objects.create_user("scanner@hubsi.local", secrets.token_urlsafe(24))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    own.owners.add(user)
    own_supporter.managers.add(user)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()

    def slugs(obj, name):
        return getattr(obj, name).values_list("slug", flat=True)

    def codes(obj, name):
        return getattr(obj, name).values_list("pk", flat=True)

    innovations = url(
        "innovations:innovation-list",
        q=word(own.name),
        challenge=first(slugs(own, "challenges"), challenge.slug),
        stage=own.stage,
        region=first(codes(own, "regions"), "flanders"),
        sort="name",
        page=1,
    )
    supporters = url(
        "supporters:supporter-list",
        q=word(other_supporter.name),
        theme=first(slugs(other_supporter, "themes"), challenge.theme.slug),
        challenge=first(slugs(other_supporter, "challenges"), challenge.slug),
        stage=first(codes(other_supporter, "stages"), "insight"),
        region=first(codes(other_supporter, "regions"), "flanders"),
        role=other_supporter.helix_role,
        support=first(codes(other_supporter, "offers"), "coaching"),
        sort="recent",
        page=1,
    )
    fundings = url(
        "funding:funding-list",
        q=word(funding.name),
        theme=first(slugs(funding, "themes"), challenge.theme.slug),
        challenge=first(slugs(funding, "challenges"), challenge.slug),
        stage=first(codes(funding, "stages"), "insight"),
        region=first(codes(funding, "regions"), "flanders"),
        role=first(codes(funding, "eligible_roles"), "citizen"),
        instrument=funding.instrument,
        open=1,
        sort="recent",
        page=1,
    )
    search = url("search", q=word(other.name))
    back = urlencode({"q": word(other.name)})
    anonymous = [
        search,
        innovations,
        url(
            "innovations:challenge-list",
            q=word(challenge.name),
            theme=challenge.theme.slug,
            sort="name",
        ),
        supporters,
        url("supporters:space-list", q=word(space.name), open=1, sort="name"),
        fundings,
        url("innovations:innovation-detail", other.slug, back=back),
        url("challenge-detail", challenge.slug),
        url("supporters:supporter-detail", other_supporter.slug, back=back),
        url("supporters:space-detail", space.slug, back=back),
        url("funding:funding-detail", funding.slug, back=back),
        url("connections:report-page", page=f"innovation:{other.slug}"),
        url("account_login", next=reverse("dashboard")),
        url("account_signup"),
        url("account_reset_password"),
    ]
    signed_in = [
        url("dashboard"),
        url("innovations:new-innovation"),
        *(url("innovations:edit-innovation-step", own.slug, step.slug) for step in STEPS),
        url("innovations:preview-innovation", own.slug),
        url("innovations:invite-innovation", own.slug),
        url("innovations:similar-innovations", q=word(other.name)),
        url("supporters:new-supporter"),
        *(
            url("supporters:edit-supporter-step", own_supporter.slug, s.slug)
            for s in SUPPORTER_STEPS
        ),
        url("supporters:invite-supporter", own_supporter.slug),
        url("supporters:new-space"),
        *(url("supporters:edit-space-step", space.slug, step.slug) for step in SPACE_STEPS),
        url("connections:contact-innovation", other.slug),
        url("connections:contact-supporter", other_supporter.slug),
        url("connections:saved-search-list"),
        url("connections:new-saved-search", list="innovations", q=word(other.name)),
        url("connections:report-page", page=f"innovation:{other.slug}"),
        url("accounts:privacy"),
        url("account_email"),
        url("account_change_password"),
    ]

    def cookies(**values):
        jar = {name: {"value": value, "expires": None, "secure": False, "port": None,
                      "version": 0} for name, value in values.items()}  # fmt: skip
        return {"127.0.0.1": {"/": jar}}

    (cookie_file_dir / "anonymous.json").write_text(json.dumps(cookies(csrftoken=CSRF_COOKIE)))
    (cookie_file_dir / "signed-in.json").write_text(
        json.dumps(cookies(csrftoken=CSRF_COOKIE, sessionid=session.session_key))
    )
    print(
        "SCAN-TARGETS "
        + json.dumps(
            {
                "anonymous": anonymous,
                "signed_in": signed_in,
                "sqlmap": [search, innovations, supporters, fundings],
                # List parameters whose values come from a fixed list: all but the text search.
                "fixed_parameters": sorted(
                    {
                        name
                        for filterset in (
                            InnovationFilterSet,
                            ChallengeFilterSet,
                            SupporterFilterSet,
                            SpaceFilterSet,
                            FundingFilterSet,
                        )
                        for name in filterset.base_filters
                        if name != "q"
                    }
                    | {"page"}
                ),  # fmt: skip
                "session": session.session_key,
            }
        )
    )


# Scanners --------------------------------------------------------------------------------------


class Job(threading.Thread):
    """One scanner, run in a thread so that the three run side by side until `until`."""

    def __init__(self, name: str, until: float):
        super().__init__(name=name, daemon=True)
        self.until = until
        self.failures: list[str] = []  # why the scanner gave no (complete) result

    def run(self) -> None:
        with contextlib.suppress(Stopping):
            self.scan()

    def scan(self) -> None:
        raise NotImplementedError


class Wapiti(Job):
    def __init__(self, who, *, tools, base, starts, excluded, skip, cookie_file, tmp, until):
        super().__init__(f"wapiti {who}", until)
        self.who, self.tools, self.base, self.starts = who, tools, base, starts
        self.excluded, self.skip, self.cookie_file = excluded, skip, cookie_file
        self.session_dir = tmp / f"wapiti-{who}-session"
        self.config_dir = tmp / f"wapiti-{who}-config"
        suffix = "" if who == "anonymous" else f"-{who}"
        # The last run's report holds the findings of all three (one session).
        self.reports = [tmp / f"wapiti-{who}-{n}.json" for n in range(len(PASSES) - 1)]
        self.reports.append(REPORTS / f"wapiti{suffix}.json")
        self.log = REPORTS / f"wapiti{suffix}.log"
        self.capped: set[str] = set()
        self.stopped = ""  # the module that was running when the deadline came
        self.coverage: dict[str, tuple[int, int]] = {}

    def command(self, modules: list[str], *extra: str) -> list:
        return [
            self.tools / "wapiti", "--url", self.base, "--scope", "folder", "--depth", "1",
            *[arg for start in self.starts for arg in ("--start", self.base + start.lstrip("/"))],
            *[arg for pattern in self.excluded for arg in ("--exclude", pattern)],
            "--cookie", self.cookie_file, "--module", ",".join(modules),
            "--store-session", self.session_dir, "--store-config", self.config_dir,
            # No request leaves the machine: wapiti's default endpoints are on the internet.
            "--endpoint", "http://127.0.0.1:9/", "--dns-endpoint", "localhost", "--no-bugreport",
            "--tasks", "4", "--timeout", "20", "--verbose", "1", "--format", "json",
            *extra,
        ]  # fmt: skip

    def scan(self) -> None:
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        window = self.until - time.monotonic()
        crawl = min(max(15.0, 0.1 * window), 60.0)
        for index, modules in enumerate(PASSES):
            now = time.monotonic()
            left = self.until - now - 15  # a few seconds to start and to write the report
            if index == 0:
                cap = max(10.0, 0.1 * window)
                extra = ["--flush-session", "--max-scan-time", f"{crawl:.0f}"]
                until = now + crawl + len(modules) * cap + 30
            elif index < len(PASSES) - 1:
                # An equal share of what is left for each module still to run.
                cap = max(10.0, left / sum(len(later) for later in PASSES[index:]))
                until = max(self.until, now + len(modules) * cap + 15)
            else:
                # xss may take most of the rest; permanentxss (one request per page, unless
                # stored input shows up) is stopped at the deadline if it gets that far.
                cap = max(10.0, 0.85 * left)
                until = max(self.until, now + cap + 15)
            if index:
                # A CSRF token with a payload in it only meets the 403 page.
                skip = ["csrfmiddlewaretoken", *self.skip]
                extra = ["--skip-crawl", *[arg for name in skip for arg in ("--skip", name)]]
            process = start(
                self.command(modules, *extra, "--max-attack-time", f"{cap:.0f}",
                             "--output", self.reports[index]),
                log=self.log,
                env=env,
                stdin=subprocess.PIPE,
            )  # fmt: skip
            outcome = finish(process, until, graceful=index > 0)
            if STOPPING.is_set():
                return
            if outcome == "stopped":
                self.stopped = self.status().split()[0]
            elif outcome == "killed":
                self.failures.append(f"{self.name}: {', '.join(modules)} killed at the deadline")
                break
        self.read_progress()

    def status(self) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        modules = re.findall(r"Launching module (\w+)", text)
        if not modules:
            return "crawling"
        return f"{modules[-1]} (module {len(modules)} of {len(MODULES)})"

    def read_progress(self) -> None:
        text = self.log.read_text(errors="replace")
        self.capped = set(re.findall(r"Max attack time was reached for module (\w+)", text))
        self.capped.add(self.stopped)
        counts, done = {}, {}
        for db in self.session_dir.glob("*.db"):
            with sqlite3.connect(db) as conn:
                counts = dict(
                    conn.execute(
                        "SELECT method, count(*) FROM paths WHERE evil = 0 "
                        "AND headers IS NOT NULL GROUP BY method"
                    ).fetchall()
                )
                done = dict(
                    conn.execute(
                        "SELECT module, count(DISTINCT path_id) FROM attack_logs GROUP BY module"
                    ).fetchall()
                )
        links, forms = counts.get("GET", 0), counts.get("POST", 0)
        for module in MODULES:
            # csrf looks at forms only; the others at links with parameters and forms.
            total = forms if module == "csrf" else links + forms
            self.coverage[module] = (done.get(module, 0), total)

    def findings(self) -> tuple[dict[str, list[dict]], list[dict]]:
        """Vulnerabilities per module, and anomalies, of the three runs (deduplicated)."""
        vulnerabilities: dict[str, list[dict]] = {module: [] for module in MODULES}
        anomalies, seen = [], set()
        for path in self.reports:
            if not path.exists():
                continue
            report = json.loads(path.read_text())
            for kind in ("vulnerabilities", "anomalies"):
                for category, items in report.get(kind, {}).items():
                    for item in items:
                        key = (kind, category, item.get("method"), item.get("path"),
                               item.get("parameter"), item.get("info"))  # fmt: skip
                        if key in seen:
                            continue
                        seen.add(key)
                        entry = {"category": category, **item}
                        if kind == "anomalies":
                            anomalies.append(entry)
                        else:
                            module = item.get("module", category)
                            vulnerabilities.setdefault(module, []).append(entry)
        if not self.reports[-1].exists():
            self.failures.append(f"{self.name}: no report")
        return vulnerabilities, anomalies


SQLMAP_TESTING = re.compile(r"testing for SQL injection on (\w+) parameter '([^']+)'")
SQLMAP_CLEAN = re.compile(r"(\w+) parameter '([^']+)' does not seem to be injectable")
SQLMAP_VULNERABLE = re.compile(
    r"(\w+) parameter '([^']+)' (?:is vulnerable|appears to be .* injectable|is '.*' injectable)"
)
SQLMAP_HINT = re.compile(r"heuristic \(basic\) test shows that (\w+) parameter '([^']+)' might be")


class Sqlmap(Job):
    def __init__(self, *, tools, base, targets, dbms, until):
        super().__init__("sqlmap", until)
        self.tools, self.base, self.targets, self.dbms = tools, base, targets, dbms
        self.log_dir = REPORTS / "sqlmap"
        self.results: list[dict] = []
        self.current = ""

    def scan(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "TERM": "dumb"}
        for index, target in enumerate(self.targets):
            page = target.split("?")[0]
            share = (self.until - time.monotonic()) / (len(self.targets) - index)
            self.current = f"{page} ({index + 1}/{len(self.targets)})"
            log = self.log_dir / f"{page.strip('/') or 'home'}.log"
            process = start(
                [self.tools / "sqlmap", "--url", self.base + target.lstrip("/"), "--batch",
                 "--level", "1", "--risk", "1", "--dbms", self.dbms, "--time-sec", "2",
                 "--timeout", "20", "--retries", "1", "--skip-waf", "--flush-session",
                 "--answers", "keep testing=Y", "--disable-coloring",
                 "--output-dir", self.log_dir],
                log=log,
                env=env,
            )  # fmt: skip
            try:
                process.wait(max(10.0, share))
                cut = False
            except subprocess.TimeoutExpired:
                stop(process)
                cut = True
            if STOPPING.is_set():
                return
            self.results.append(self.read(page, log, cut))

    def read(self, page: str, log: Path, cut: bool) -> dict:
        text = log.read_text(errors="replace")
        tested = dict.fromkeys(name for _, name in SQLMAP_TESTING.findall(text))
        clean = {name for _, name in SQLMAP_CLEAN.findall(text)}
        vulnerable = {name for _, name in SQLMAP_VULNERABLE.findall(text)}
        if "identified the following injection point" in text and not vulnerable:
            vulnerable.add("(see the log)")
        return {
            "page": page,
            "params": list(tested),
            "clean": clean,
            "vulnerable": sorted(vulnerable),
            "hints": sorted({name for _, name in SQLMAP_HINT.findall(text)} - clean),
            "cut": cut,
            "log": log,
        }

    def status(self) -> str:
        if not self.current:
            return "starting"
        logs = sorted(self.log_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
        tested = SQLMAP_TESTING.findall(logs[-1].read_text(errors="replace")) if logs else []
        return self.current + (f", parameter '{tested[-1][1]}'" if tested else "")


# Report ----------------------------------------------------------------------------------------


def server_errors(log: Path) -> list[str]:
    """Answers 500 and up, and workers the server had to kill, from the server's log."""
    problems = []
    for line in log.read_text(errors="replace").splitlines() if log.exists() else []:
        if re.search(r'"status_code": 5\d\d', line) or "WORKER TIMEOUT" in line:
            try:
                problems.append(json.loads(line)["message"])
            except (ValueError, KeyError):
                problems.append(line.strip())
    return problems


def summary(wapitis: list[Wapiti], sqlmap: Sqlmap, server_log: Path) -> int:
    rows, details, failures = [], [], []
    for job in wapitis:
        vulnerabilities, anomalies = job.findings()
        failures += job.failures
        for module in MODULES:
            found = vulnerabilities.get(module, [])
            done, total = job.coverage.get(module, (0, 0))
            if module in job.capped:
                coverage = f"{done} of {total} requests, then its time cap"
            else:
                coverage = f"all {done} requests"
            rows.append((f"wapiti {module}", job.who, len(found), coverage))
            for item in found:
                details.append(
                    f"{job.name} {module}: {item['category']}: {item.get('method')} "
                    f"{item.get('path')} parameter {item.get('parameter')!r}: {item.get('info')}\n"
                    f"    {item.get('curl_command', '')}"
                )
        for item in anomalies:
            details.append(
                f"{job.name} anomaly ({item.get('module')}): {item['category']}: "
                f"{item.get('method')} {item.get('path')} parameter {item.get('parameter')!r}: "
                f"{item.get('info')}"
            )
        rows.append(("wapiti anomalies", job.who, f"({len(anomalies)})", "listed below, if any"))
    for result in sqlmap.results:
        params = result["params"]
        decided = len(result["clean"]) + len(result["vulnerable"])
        coverage = f"{decided} of {len(params)} parameters" + (
            ", then its time cap" if result["cut"] else ""
        )
        rows.append(("sqlmap", result["page"], len(result["vulnerable"]), coverage))
        for name in result["vulnerable"]:
            details.append(f"sqlmap: {result['page']} parameter {name!r} is injectable, see "
                           f"{result['log'].relative_to(ROOT)}")  # fmt: skip
        for name in result["hints"]:
            details.append(f"sqlmap: {result['page']} parameter {name!r}: the heuristic test "
                           "says it might be injectable (not confirmed)")  # fmt: skip
    tested = {result["page"] for result in sqlmap.results}
    failures += [f"sqlmap: {t.split('?')[0]} not tested" for t in sqlmap.targets
                 if t.split("?")[0] not in tested]  # fmt: skip
    errors = server_errors(server_log)
    rows.append(("server errors (5xx)", "-", f"({len(errors)})", "listed below, if any"))
    details += [f"server: {message}" for message in errors[:20]]

    header = ("scanner", "target", "findings", "coverage")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [header, tuple("-" * width for width in widths), *rows]
    print()
    for line in lines:
        print("  ".join(str(col).ljust(w) for col, w in zip(line, widths, strict=True)).rstrip())
    print()
    for line in details:
        print(line)
    findings = sum(row[2] for row in rows if isinstance(row[2], int))
    for failure in failures:
        print(f"NOT SCANNED: {failure}")
    minutes = (time.monotonic() - STARTED) / 60
    if findings:
        say(f"{findings} finding(s) in {minutes:.1f} min: see above and reports/scan/.")
        return 1
    if failures:
        say(f"no finding, but the scan is incomplete ({minutes:.1f} min).")
        return 1
    say(f"no finding in {minutes:.1f} min; reports in reports/scan/.")
    return 0


# Main ------------------------------------------------------------------------------------------


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    # Also when started in the background, where a shell may have set Ctrl-C to be ignored.
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    tools = install_tools()
    if REPORTS.exists():
        shutil.rmtree(REPORTS)
    REPORTS.mkdir(parents=True)
    tmp = Path(tempfile.mkdtemp(prefix="hubsi-scan-"))
    database = Database(tmp)
    server_log = tmp / "server.log"
    jobs: list[Job] = []
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        env = server_env(tmp, database.url, port)
        say(f"seeding a throwaway {database.dbms} database")
        database.create()
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "seed_demo", "-v", "0")
        # It refuses to run with DEBUG off (well-known passwords); the server never has DEBUG.
        manage({**env, "DEBUG": "1"}, "ensure_local_users", quiet=True)
        manage(env, "collectstatic", "--no-input", "-v", "0")
        output = subprocess.run(
            [PYTHON, __file__, "--targets", str(tmp)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        targets = json.loads(output.split("SCAN-TARGETS ", 1)[1])
        start_server(env, port, server_log)
        say(f"server (gunicorn, DEBUG=0, {database.dbms}) on {base}")

        until = DEADLINE - RESERVE_SECONDS
        say(f"scanning for {max(0, (until - time.monotonic())) / 60:.1f} min "
            f"(SCAN_MINUTES={MINUTES:g}): wapiti anonymous, wapiti signed in, sqlmap")  # fmt: skip
        # The English pages are the same views; the admin is Django's and staff-only.
        excluded = [base + "en/*", base + "admin/*"]
        # Signed in: nothing that signs out, deletes, or submits the owner's content for review
        # (the rest of the scan needs the session and editable content).
        # Filtered lists and "back to results" links are the anonymous scan's.
        signed_in_excluded = excluded + [
            base + pattern
            for pattern in ("accounts/logout/*", "accounts/delete/*", "accounts/reauthenticate/*",
                            "accounts/2fa/*", "*/delete/*", "*/submit/*", "search/?*",
                            "innovations/?*", "challenges/?*", "supporters/?*", "spaces/?*",
                            "funding/?*", "*/?back=*")
        ]  # fmt: skip
        jobs = [
            # The modules that send dozens of requests per parameter skip the list filters
            # whose values come from a fixed list (sqlmap tests those for SQL injection; the
            # one place they show up, the "not recognised" notice, is in the hostile-input
            # tests); they attack the text search, the links back and every form field.
            Wapiti("anonymous", tools=tools, base=base, starts=targets["anonymous"],
                   excluded=[*excluded, base + "saved-searches/*"],
                   skip=targets["fixed_parameters"], cookie_file=tmp / "anonymous.json", tmp=tmp,
                   until=until),
            Wapiti("signed-in", tools=tools, base=base, starts=targets["signed_in"],
                   excluded=signed_in_excluded, skip=[], cookie_file=tmp / "signed-in.json",
                   tmp=tmp, until=until),
            Sqlmap(tools=tools, base=base, targets=targets["sqlmap"], dbms=database.dbms,
                   until=until),
        ]  # fmt: skip
        for job in jobs:
            job.start()
        last = time.monotonic()
        while any(job.is_alive() for job in jobs):
            for job in jobs:
                job.join(0.5)
            if time.monotonic() - last >= 20:
                last = time.monotonic()
                running = [f"{job.name}: {job.status()}" for job in jobs if job.is_alive()]
                say(f"{seconds_left():.0f} s left | " + " | ".join(running))
        if not signed_in_session_alive(base, targets["session"]):
            jobs[1].failures.append("wapiti signed-in: the session ended during the scan")
        return summary(jobs[:2], jobs[2], server_log)
    except KeyboardInterrupt:
        say("interrupted: stopping")
        return 130
    finally:
        # A second Ctrl-C must not leave the server or the database behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_all()
        for job in jobs:
            job.join(5)
        if server_log.exists():
            REPORTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(server_log, REPORTS / "server.log")
        try:
            database.drop()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        say("server stopped, temporary files removed")


def signed_in_session_alive(base: str, session: str) -> bool:
    request = urllib.request.Request(
        base + "dashboard/", headers={"Cookie": f"sessionid={session}"}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status == 200
    except OSError:
        return False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


if __name__ == "__main__":
    if sys.argv[1:2] == ["--targets"]:
        make_targets(Path(sys.argv[2]))
    else:
        sys.exit(main())
