"""`make bench`: the load benchmark at 100,000 innovations.

Starts a throwaway PostgreSQL 15 (unless DATABASE_URL is set) and a Redis server, seeds the
catalogue with `seed_demo`, serves the project with gunicorn (production settings, 2 sync
workers, persistent connections, Redis cache) and drives each page with wrk from a separate
process at 16 connections. Prints a table and writes it to docs/benchmarks.md. Cleans up.

Also times the first request to the innovation list after a publication made by a separate
process (through the real service) once the workers are warm, and checks it shows the change.

Environment knobs: BENCH_INNOVATIONS (100000), BENCH_SUPPORTERS (5000), BENCH_SPACES (1000),
BENCH_FUNDING (2000), BENCH_SECONDS (10), BENCH_CONNECTIONS (16). A smoke run of the script:
BENCH_INNOVATIONS=500 BENCH_SUPPORTERS=100 BENCH_SPACES=50 BENCH_FUNDING=50 BENCH_SECONDS=1.
"""

import datetime
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PGBIN = Path("/usr/lib/postgresql/15/bin")
SIZES = {
    "innovations": int(os.environ.get("BENCH_INNOVATIONS", 100_000)),
    "supporters": int(os.environ.get("BENCH_SUPPORTERS", 5_000)),
    "spaces": int(os.environ.get("BENCH_SPACES", 1_000)),
    "funding": int(os.environ.get("BENCH_FUNDING", 2_000)),
}
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
# Distinct URLs per varying page, so the page cache cannot hide their cost (fewer when the
# seeded data has fewer).
FILTERED_URLS = 1000  # lists with filters
MEASURED: dict[str, float] = {}  # timings of preparation steps, for the report
VARIED_URLS = 300  # searches and detail pages
# The signed-in owner of the dashboard row, the curator who publishes, the item published.
OWNER_EMAIL = "bench-owner@example.org"
CURATOR_EMAIL = "bench-curator@example.org"
PUBLISHED_NAME = "Bench publication"


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_tools() -> None:
    missing = [
        name
        for name, path in [("wrk", "wrk"), ("redis-server", "redis-server")]
        if shutil.which(path) is None
    ]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing {', '.join(missing)} from Debian")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    elif missing:
        sys.exit(f"Missing {', '.join(missing)}: install them (apt-get install wrk redis-server).")


class Services:
    """Throwaway PostgreSQL and Redis, stopped and removed on exit."""

    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="hubsi-bench-"))
        self.processes: list[subprocess.Popen] = []
        self.pg_data = None

    def start_postgres(self) -> str:
        if os.environ.get("DATABASE_URL"):
            say("using DATABASE_URL")
            return os.environ["DATABASE_URL"]
        if not (PGBIN / "initdb").exists():
            sys.exit("PostgreSQL 15 server binaries are missing: apt-get install postgresql-15")
        port = free_port()
        shutil.chown(self.tmp, "postgres", "postgres")
        self.pg_data = self.tmp / "pg"
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [
                *run_as,
                PGBIN / "initdb",
                "-D",
                self.pg_data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                *run_as,
                PGBIN / "pg_ctl",
                "-D",
                self.pg_data,
                "-l",
                self.tmp / "pg.log",
                "-w",
                "-o",
                f"-p {port} -k {self.tmp} -c listen_addresses=127.0.0.1 "
                "-c shared_buffers=512MB -c fsync=off -c synchronous_commit=off",
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self._run_as = run_as
        say(f"PostgreSQL 15 on 127.0.0.1:{port}")
        return f"postgres://postgres@127.0.0.1:{port}/hubsi_bench"

    def start_redis(self) -> str:
        port = free_port()
        process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        self.processes.append(process)
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        say(f"Redis on 127.0.0.1:{port}")
        return f"redis://127.0.0.1:{port}/0"

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.pg_data:
            subprocess.run(
                [*self._run_as, PGBIN / "pg_ctl", "-D", self.pg_data, "-m", "fast", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        shutil.rmtree(self.tmp, ignore_errors=True)


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def create_database(url: str) -> None:
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        name = url.rsplit("/", 1)[1]
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def distinct_queries(rng, choices: dict[str, list], count: int, fixed: str = "") -> list[str]:
    """Up to `count` distinct query strings, each one value of every parameter in `choices`
    (after the `fixed` part), as many as the values allow."""
    found, attempts = set(), 0
    while len(found) < count and attempts < count * 20:
        attempts += 1
        found.add(urlencode([(name, rng.choice(values)) for name, values in choices.items()]))
    return [f"{fixed}&{q}" if fixed else q for q in sorted(found)]


def build_urls() -> dict[str, list[str]]:
    """Real URLs for every page of the benchmark, read from the seeded database."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    from funding.filters import FundingFilterSet
    from hubsi import vocabulary
    from innovations.models import Challenge, Innovation

    rng = random.Random(2026)
    challenges = list(Challenge.objects.active().values_list("slug", flat=True))
    slugs = list(
        Innovation.objects.published().order_by("?").values_list("slug", flat=True)[:VARIED_URLS]
    )
    words = set()
    for name, tagline in Innovation.objects.published().values_list("name", "tagline")[:5000]:
        words.update(w.lower().strip(".,") for w in f"{name} {tagline}".split() if len(w) > 4)
    words = sorted(words)
    rng.shuffle(words)
    innovation_filters = distinct_queries(
        rng,
        {
            "challenge": challenges,
            "stage": vocabulary.Stage.values,
            "region": vocabulary.Region.values,
        },
        FILTERED_URLS,
    )
    funding_choices = {
        name: [str(key) for key, _label in FundingFilterSet.choice_pairs(flt)]
        for name, flt in FundingFilterSet.facet_filters().items()
        if name not in ("open", "theme")  # a theme and one of its challenges: redundant
    }
    hub = Challenge.objects.active().order_by("slug").first().slug
    static_path = staticfiles_storage.url("css/hubsi.css")
    return {
        "static file": [static_path],
        "home": ["/"],
        "innovations": ["/innovations/"],
        "innovations filtered": [f"/innovations/?{q}" for q in innovation_filters],
        # Percent-encoded, as a browser sends them ("financiële", "(wijk)").
        "innovations ?q=": [f"/innovations/?{urlencode({'q': w})}" for w in words[:VARIED_URLS]],
        "/search/": [
            f"/search/?{urlencode({'q': w})}" for w in words[VARIED_URLS : 2 * VARIED_URLS] or words
        ],
        "innovation detail": [f"/innovations/{s}/" for s in slugs],
        "challenge hub": [f"/challenges/{hub}/"],
        "funding open=1": ["/funding/?open=1"],
        "funding open=1 filtered": [
            f"/funding/?{q}"
            for q in distinct_queries(rng, funding_choices, FILTERED_URLS, fixed="open=1")
        ],
        "supporters filtered": [
            f"/supporters/?{q}"
            for q in distinct_queries(
                rng,
                {
                    "challenge": challenges,
                    "support": vocabulary.SupportType.values,
                    "region": vocabulary.Region.values,
                },
                FILTERED_URLS,
            )
        ],
        "dashboard (signed in, 5 innovations)": ["/dashboard/"],
        # The insights page (front/insights.py), for all of Flanders and per challenge.
        "insights": ["/insights/"],
        "insights per challenge": [f"/insights/?challenge={c}" for c in challenges],
        # The read-only API with the list's filters, and one open-data download (docs/opendata.md).
        "api innovations filtered": [
            f"/api/v1/innovations/?{q}" for q in innovation_filters[:VARIED_URLS]
        ],
        "open-data innovations.csv": ["/open-data/innovations.csv"],
        # The floor again at the end: the machine's state may have moved during the run.
        "static file (again)": [static_path],
    }


def create_people() -> tuple[str, str]:
    """The dashboard's owner (5 published innovations, a session made server-side as
    `force_login` does) and a curator, plus a submitted innovation for the curator to publish
    during the run. Returns the owner's cookie header and the submitted innovation's slug."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.utils.module_loading import import_string

    from accounts.models import User
    from hubsi.models import Status
    from innovations.models import Innovation

    owner = User.objects.create_user(email=OWNER_EMAIL, first_name="Bench")
    EmailAddress.objects.create(user=owner, email=OWNER_EMAIL, verified=True, primary=True)
    for innovation in Innovation.objects.published().order_by("pk")[:5]:
        innovation.owners.add(owner)
    session = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    session[SESSION_KEY] = owner._meta.pk.value_to_string(owner)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = owner.get_session_auth_hash()
    session.save()
    curator = User.objects.create_user(email=CURATOR_EMAIL, is_staff=True)
    curator.groups.add(Group.objects.get(name="Curators"))
    template = Innovation.objects.published().order_by("pk").first()
    submitted = Innovation.objects.get(pk=template.pk)
    submitted.pk = submitted.id = None
    submitted.name, submitted.slug = PUBLISHED_NAME, "bench-publication"
    submitted.status, submitted.published_at = Status.SUBMITTED, None
    submitted.save()
    submitted.challenges.set(template.challenges.all())
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}", submitted.slug


def first_request_after_publication(env: dict, base: str, slug: str) -> dict:
    """A curator publishes the submitted innovation through the real service, in a separate
    process; then the very next request to the (warm) innovation list is timed, and a second
    one (the other worker)."""
    code = (
        "from accounts.models import User; from hubsi import services;"
        "from innovations.models import Innovation;"
        f"services.content_publish(obj=Innovation.objects.get(slug={slug!r}),"
        f" by=User.objects.get(email={CURATOR_EMAIL!r}))"
    )
    subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True)
    times, shown = [], []
    for _ in range(2):
        started = time.perf_counter()
        with urllib.request.urlopen(base + "/innovations/", timeout=30) as response:
            body = response.read().decode()
        times.append((time.perf_counter() - started) * 1000)
        shown.append(PUBLISHED_NAME in body)
    return {"ms": times, "shown": shown}


def count_queries(urls: list[str], cookie: str = "") -> tuple[int, int]:
    """SQL queries of one request to a URL not requested before, and of a repeat."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"Cookie": cookie} if cookie else None)
    url = urls[-1]
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    return len(first), len(second)


def timed_get(base: str, path: str, cookie: str = "") -> tuple[int, float]:
    started = time.perf_counter()
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        status = response.status
    return status, (time.perf_counter() - started) * 1000


def worker_memory_mb(master_pid: int, field: str = "VmHWM") -> dict[int, float]:
    """Memory of each gunicorn worker by process id: peak (VmHWM) or resident now (VmRSS)."""
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True)
    memory = {}
    for pid in children.stdout.split():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith(f"{field}:"):
                memory[int(pid)] = int(line.split()[1]) / 1024
    return memory


def production_env(services: Services, database_url: str, cache_url: str) -> dict:
    """The served project's environment: production settings, DEBUG off, persistent
    connections, the Redis cache."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "hubsi.settings",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "STATIC_ROOT": str(services.tmp / "static"),
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        # Background tasks in the database queue, run by `db_worker` processes; mail to files.
        "TASKS_BACKEND": "database",
        "EMAIL_URL": f"file://{services.tmp / 'mail'}",
        # The open-data files, built once after seeding; the API's per-client limit is
        # counted as in production but set high enough for wrk's one client address.
        "OPEN_DATA_DIR": str(services.tmp / "open-data"),
        "API_RATE_PER_MINUTE": "1000000000",
        "API_RATE_PER_DAY": "1000000000",
    }


def start_task_workers(services: Services, env: dict, count: int = 2, log=say) -> None:
    """`manage.py db_worker` processes taking background tasks (mail) from the database queue,
    as in production (docs/operations.md)."""
    for number in range(count):
        services.processes.append(
            subprocess.Popen(
                [
                    PYTHON,
                    "manage.py",
                    "db_worker",
                    "--interval",
                    "0.5",
                    "--worker-id",
                    f"w{number}",
                ],
                cwd=ROOT,
                env=env,
                stdout=open(services.tmp / f"worker-{number}.log", "w"),  # noqa: SIM115
                stderr=subprocess.STDOUT,
            )
        )
    log(f"{count} task workers (manage.py db_worker)")


def start_gunicorn(services: Services, env: dict, log=say) -> tuple[subprocess.Popen, str]:
    """gunicorn with 2 sync workers on a free port, once it answers /healthz."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "hubsi.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=open(services.tmp / "gunicorn.log", "w"),  # noqa: SIM115 (lives with the server)
        stderr=subprocess.STDOUT,
    )
    services.processes.append(gunicorn)
    for _ in range(100):
        try:
            timed_get(base, "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    log(f"gunicorn (2 sync workers) on {base}")
    return gunicorn, base


def run_wrk(base: str, urls: list[str], tmp: Path, cookie: str = "") -> dict:
    urls_file = tmp / "urls.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench/rotate.lua"),
            base,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "URLS_FILE": str(urls_file), "BENCH_COOKIE": cookie},
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    data["rps"] = data["requests"] / data["seconds"]
    return data


def main() -> None:
    started = time.time()
    require_tools()
    services = Services()
    try:
        database_url = services.start_postgres()
        if not os.environ.get("DATABASE_URL"):
            create_database(database_url)
        cache_url = services.start_redis()
        env = production_env(services, database_url, cache_url)
        say("migrating")
        manage(env, "migrate", "--no-input", "-v", "0")
        say("seeding: " + ", ".join(f"{n:,} {k}" for k, n in SIZES.items()))
        seed_started = time.time()
        manage(env, "seed_demo", *[f"--{k}={n}" for k, n in SIZES.items()])
        seed_seconds = time.time() - seed_started
        manage(env, "collectstatic", "--no-input", "-v", "0")
        manage(env, "build_open_data")
        subprocess.run(
            [PYTHON, "manage.py", "dbshell"],
            input="VACUUM ANALYZE;\n",
            text=True,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            check=False,
        )

        setup_django(env)
        cookie, publication_slug = create_people()
        gunicorn, base = start_gunicorn(services, env)

        pages = build_urls()
        # The innovation pages read their matches as stored by the task workers after each
        # change; a full refresh of every seeded innovation takes hours (docs/performance.md),
        # so the measured ones are refreshed here, as the workers would have done.
        detail_slugs = [url.split("/")[2] for url in pages["innovation detail"]]
        say(f"refreshing the stored matches of the {len(detail_slugs)} measured innovations")
        refresh_started = time.time()
        manage(env, "refresh_matches", "--slug", *detail_slugs)
        MEASURED["refresh_seconds"] = time.time() - refresh_started
        rows = []
        for name, urls in pages.items():
            page_cookie = cookie if name.startswith("dashboard") else ""
            cold_status, cold_ms = timed_get(base, urls[0], page_cookie)
            for url in urls[:3]:
                timed_get(base, url, page_cookie)  # warm the workers' connections and caches
            queries = count_queries(urls, page_cookie) if "static" not in name else (0, 0)
            say(f"wrk: {name} ({len(urls)} URL{'s' if len(urls) > 1 else ''}, {SECONDS} s)")
            data = run_wrk(base, urls, services.tmp, page_cookie)
            rows.append(
                {
                    "page": name,
                    "urls": len(urls),
                    "cold_ms": cold_ms,
                    "cold_status": cold_status,
                    "queries": queries,
                    **data,
                }
            )
        say("publishing an innovation in a separate process, then the next list requests")
        publication = first_request_after_publication(env, base, publication_slug)
        memory = list(worker_memory_mb(gunicorn.pid).values())
        report(rows, memory, seed_seconds, time.time() - started, publication)
        # Say why any request failed: the server's own account of errors and timeouts.
        log = (services.tmp / "gunicorn.log").read_text(errors="replace").splitlines()
        problems = [line for line in log if "error" in line.lower() or "timeout" in line.lower()]
        if problems:
            say("server errors (gunicorn log):\n" + "\n".join(problems[:40]))
    finally:
        services.stop()
        say("cleaned up")


# The pages anonymous visitors hit most: at least half the static file's requests/s.
BUSIEST = {"home", "innovations", "challenge hub"}


def targets(rows: list[dict], memory: list[float], seed_seconds: float, publication) -> str:
    """Each target of issue 12 as met or missed, from this run."""
    pages = [r for r in rows if "static" not in r["page"]]

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    def listing(found: list[dict], what) -> str:
        return "; ".join(f"{r['page']} {what(r)}" for r in found) or "none"

    def p95(r) -> str:
        return f"{r['p95_ms']:.0f} ms"

    def share(r) -> str:
        return f"{r['ratio']:.1%}"

    def shows(seen: bool) -> str:
        return "shows" if seen else "does not show"

    bad = [r for r in rows if r["non2xx"] + r["errors"]]
    slow = [r for r in pages if r["p95_ms"] > 100]
    busiest = [r for r in pages if r["page"] in BUSIEST]
    others = [r for r in pages if r["page"] not in BUSIEST]
    first_ms, shown = publication["ms"][0], publication["shown"][0]
    lines = [
        "| target | result |",
        "|---|---|",
        f"| zero non-2xx | {verdict(not bad)}: "
        f"{listing(bad, lambda r: r['non2xx'] + r['errors'])} |",
        f"| p95 ≤ 100 ms on every page | {verdict(not slow)}: over it: {listing(slow, p95)} |",
        f"| home, innovations, challenge hub ≥ 50% of static | "
        f"{verdict(all(r['ratio'] >= 0.5 for r in busiest))}: "
        f"{listing(busiest, share)} |",
        f"| every other page ≥ 5% of static | "
        f"{verdict(all(r['ratio'] >= 0.05 for r in others))}: below: "
        f"{listing([r for r in others if r['ratio'] < 0.05], share)} |",
        f"| first request after a publication ≤ 200 ms, showing it | "
        f"{verdict(first_ms <= 200 and shown)}: {first_ms:.0f} ms, "
        f"{shows(shown)} the publication (the next request, maybe on the other worker: "
        f"{publication['ms'][1]:.0f} ms, {shows(publication['shown'][1])} it) |",
        f"| workers < 200 MB | {verdict(bool(memory) and max(memory) < 200)}: "
        f"{', '.join(f'{m:.0f} MB' for m in memory)} peak |",
        f"| seeding < 5 min | {verdict(seed_seconds < 300)}: {seed_seconds:.0f} s "
        f"({SIZES['innovations']:,} innovations) |",
    ]
    return "\n".join(lines)


def report(
    rows: list[dict], memory: list[float], seed_seconds: float, total: float, publication
) -> None:
    cores = os.cpu_count()
    mem_gib = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    # The floor: the static file, measured first and last; each page against their mean.
    statics = [r["rps"] for r in rows if "static" in r["page"]]
    floor = sum(statics) / len(statics)
    for r in rows:
        r["ratio"] = r["rps"] / floor
    header = (
        "| page | URLs | req/s | p50 ms | p95 ms | p99 ms | non-2xx | SQL/req (new URL, repeat) "
        "| vs static | cold ms |"
    )
    lines = [header, "|" + "---|" * 10]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['urls']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f}"
            f" | {r['p99_ms']:.1f} | {r['non2xx'] + r['errors']} | {r['queries'][0]}, "
            f"{r['queries'][1]} | {r['ratio']:.0%} | {r['cold_ms']:.0f} |"
        )
    table = "\n".join(lines) + "\n\n" + targets(rows, memory, seed_seconds, publication)
    summary = (
        f"Run on {datetime.date.today().isoformat()}, {cores} cores, {mem_gib:.0f} GiB; "
        f"{SIZES['innovations']:,} innovations, {SIZES['supporters']:,} supporters, "
        f"{SIZES['spaces']:,} places, {SIZES['funding']:,} funding opportunities "
        f"(seeded in {seed_seconds:.0f} s); gunicorn 2 sync workers, DEBUG off, PostgreSQL 15, "
        f"Redis cache; wrk {CONNECTIONS} connections, {SECONDS} s per page. "
        f"The static file: {', '.join(f'{v:,.0f}' for v in statics)} req/s (first, last); "
        "each page is compared with their mean. "
        f"Worker peak memory: {', '.join(f'{m:.0f} MB' for m in memory)}. "
        f"The stored matches of the {VARIED_URLS} measured innovations were refreshed before "
        f"measuring, in {MEASURED.get('refresh_seconds', 0):.0f} s; other innovations rank live "
        "once on their first visit. "
        f"Whole run: {total / 60:.1f} min."
    )
    print("\n" + table + "\n\n" + summary)
    path = ROOT / "docs/benchmarks.md"
    intro = (
        path.read_text().split("<!-- bench -->")[0]
        if path.exists()
        else ("# Benchmarks\n\n`make bench` writes the latest run below (see bench/run.py).\n\n")
    )
    # `make soak` keeps its latest run after its own marker, at the end: keep it.
    text = path.read_text() if path.exists() else ""
    soak = text[text.index("<!-- soak -->") :] if "<!-- soak -->" in text else ""
    path.write_text(
        f"{intro}<!-- bench -->\n## Latest `make bench`\n\n{summary}\n\n{table}\n\n{soak}"
    )
    say(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
