"""`make soak`: a bounded load run of mixed reading and writing by many signed-in users.

Uses bench/run.py's throwaway PostgreSQL 15 and Redis, seeds the demo content (`seed_demo`)
and SOAK_USERS verified, non-staff users with a server-side session each, serves the project
with gunicorn (production settings, 2 sync workers, persistent connections, Redis cache) and
drives it for SOAK_SECONDS at SOAK_CONNECTIONS concurrent connections from this process: about
80% reads (home, lists with rotating filters and `q`, detail pages, search, dashboard) and 20%
writes through the real forms (a new innovation draft, a draft step edited, a saved search, a
contact request), each carrying a unique marker. The first three users start with their daily
contact requests used up, so the run always meets that per-user limit too.

Pass criteria: zero 5xx and zero connection errors; the workers' summed RSS grows less than
10% between the end of the warm-up (SOAK_WARMUP seconds) and the end; every write answered
with success is in the database exactly once, and no refused write is. A write refused by a
per-user limit is expected and counted, as long as nothing of it is stored: a rate limit
(429, hubsi/limits.py) or a cap the form states (open drafts, saved searches, contact requests
a day; the user must then hold that many rows). That user then stops that kind of write.
Each user belongs to one connection, so a user's requests are sequential (which is what lets
the last acknowledged edit of a draft be checked). Prints a progress line every 30 s and a
table at the end, writes the result after the `<!-- soak -->` marker at the end of
docs/benchmarks.md and exits non-zero when a criterion fails. Always cleans up.

Environment knobs: SOAK_SECONDS (300), SOAK_CONNECTIONS (16), SOAK_USERS (50),
SOAK_WARMUP (20).
"""

import datetime
import http.client
import os
import random
import re
import secrets
import shutil
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (  # noqa: E402 (bench/ is not a package)
    ROOT,
    Services,
    create_database,
    manage,
    production_env,
    start_gunicorn,
    start_task_workers,
    worker_memory_mb,
)

SECONDS = int(os.environ.get("SOAK_SECONDS", 300))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", 16))
USERS = int(os.environ.get("SOAK_USERS", 50))
WARMUP = int(os.environ.get("SOAK_WARMUP", 20))
AT_CONTACT_LIMIT = 3  # users who start with their daily contact requests used up
WRITE_SHARE = 0.2
MEMORY_GROWTH_LIMIT = 0.10
PROGRESS_EVERY = 30
TIMEOUT = 60  # seconds per request; gunicorn's own worker timeout is 30 s
MARKER = "<!-- soak -->"
READS = {  # kind: weight, within the reads
    "home": 10,
    "list": 30,
    "detail": 25,
    "search": 15,
    "dashboard": 20,
}
WRITES = {  # kind: weight, within the writes
    "new draft": 25,
    "edit draft": 40,
    "saved search": 25,
    "contact request": 10,
}


def say(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


# Set-up --------------------------------------------------------------------------------------


@dataclass
class User:
    index: int
    pk: int
    cookie: str
    csrf: str
    drafts: list[str] = field(default_factory=list)
    limited: set[str] = field(default_factory=set)  # write kinds refused by a per-user limit
    contacts: int = 0


def create_users(run_id: str) -> list[User]:
    """Verified, non-staff users, each with a session made server-side (as force_login does)
    and a CSRF cookie/token pair."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.utils.module_loading import import_string

    from connections.models import ContactRequest
    from connections.services import DAILY_REQUEST_LIMIT
    from supporters.models import Supporter

    session_store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    users = []
    for index in range(USERS):
        email = f"soak-{run_id}-{index}@example.org"
        user = get_user_model().objects.create_user(email=email, first_name=f"Soak {index}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        session = session_store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        csrf = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={csrf}"
        )
        users.append(User(index=index, pk=user.pk, cookie=cookie, csrf=csrf))
    # A few users have used up their contact requests of the day already, so that the run
    # also meets the per-user limit (and shows that a refused request leaves no row).
    supporters = list(Supporter.objects.published().order_by("-pk")[:DAILY_REQUEST_LIMIT])
    for user in users[:AT_CONTACT_LIMIT]:
        ContactRequest.objects.bulk_create(
            ContactRequest(sender_id=user.pk, supporter=supporter, message="Earlier today.")
            for supporter in supporters
        )
    return users


@dataclass
class Plan:
    """What the load driver picks from: real paths and form values of the seeded database."""

    lists: list[str]
    details: list[str]
    searches: list[str]
    saved_search_lists: list[str]
    challenge_ids: list[int]
    contact_targets: list[str]


def give_contact_targets_owners(run_id: str, count: int = 2) -> None:
    """Demo content has no owners; these (who take no part in the load) own every published
    innovation and supporter, so each contact request sends mail to check."""
    from django.contrib.auth import get_user_model

    from innovations.models import Innovation
    from supporters.models import Supporter

    for index in range(count):
        owner = get_user_model().objects.create_user(
            email=f"soak-{run_id}-owner-{index}@example.org"
        )
        for model in (Innovation, Supporter):
            for obj in model.objects.published():
                obj.add_owner(owner)


def build_plan() -> Plan:
    from connections.models import ListKind
    from funding.models import FundingOpportunity
    from hubsi import vocabulary
    from innovations.models import Challenge, Innovation
    from supporters.models import ExperimentationSpace, Supporter

    rng = random.Random(2026)
    challenges = list(Challenge.objects.active().values_list("pk", "slug"))
    innovations = list(Innovation.objects.published().values_list("slug", "name", "tagline"))
    supporters = list(Supporter.objects.published().values_list("slug", flat=True))
    spaces = list(ExperimentationSpace.objects.published().values_list("slug", flat=True))
    funding = list(FundingOpportunity.objects.published().values_list("slug", flat=True))
    words = sorted(
        {
            word.lower().strip(".,;:")
            for _slug, name, tagline in innovations
            for word in f"{name} {tagline}".split()
            if len(word) > 4
        }
    )
    rng.shuffle(words)
    words = words[:60] or ["zorg"]
    stages, regions = vocabulary.Stage.values, vocabulary.Region.values
    lists = ["/innovations/", "/supporters/", "/spaces/", "/funding/", "/funding/?open=1"]
    for _ in range(60):
        _pk, slug = rng.choice(challenges)
        lists.append(
            "/innovations/?"
            + rng.choice(
                [
                    urlencode({"challenge": slug}),
                    urlencode({"stage": rng.choice(stages), "region": rng.choice(regions)}),
                    urlencode({"challenge": slug, "region": rng.choice(regions)}),
                    urlencode({"q": rng.choice(words)}),
                    urlencode({"q": rng.choice(words), "stage": rng.choice(stages)}),
                ]
            )
        )
        lists.append(f"/supporters/?{urlencode({'challenge': slug})}")
        lists.append(f"/funding/?{urlencode({'challenge': slug, 'open': 1})}")
    details = (
        [f"/innovations/{slug}/" for slug, _name, _tagline in innovations]
        + [f"/supporters/{slug}/" for slug in supporters]
        + [f"/spaces/{slug}/" for slug in spaces]
        + [f"/funding/{slug}/" for slug in funding]
        + [f"/challenges/{slug}/" for _pk, slug in challenges]
    )
    saved = [
        f"list={ListKind.INNOVATIONS}&" + urlencode({"challenge": slug}) for _pk, slug in challenges
    ] + [
        f"list={ListKind.FUNDING}&open=1",
        f"list={ListKind.SUPPORTERS}&" + urlencode({"region": rng.choice(regions)}),
    ]
    return Plan(
        lists=lists,
        details=details,
        searches=[f"/search/?{urlencode({'q': word})}" for word in words],
        saved_search_lists=saved,
        challenge_ids=[pk for pk, _slug in challenges],
        contact_targets=[f"/innovations/{slug}/contact/" for slug, _n, _t in innovations]
        + [f"/supporters/{slug}/contact/" for slug in supporters],
    )


# The load driver -----------------------------------------------------------------------------


@dataclass
class Write:
    kind: str
    marker: str
    user: int
    outcome: str  # ok, limited (429), capped (the form refused: a per-user cap), refused, error
    slug: str = ""
    status: int = 0


class Driver:
    def __init__(self, base: str, users: list[User], plan: Plan, run_id: str):
        self.host, self.port = base.removeprefix("http://").split(":")
        self.users, self.plan, self.run_id = users, plan, run_id
        self.lock = threading.Lock()
        self.statuses: dict[str, Counter] = defaultdict(Counter)  # kind -> status class
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.writes: list[Write] = []
        self.problems: list[str] = []  # first unexpected answers, for the report
        self.stop = threading.Event()
        self.crashed = 0

    # Recording

    def record(self, kind: str, status: int, ms: float, path: str) -> None:
        label = f"{status // 100}xx" if status else "error"
        with self.lock:
            self.statuses[kind][label] += 1
            if status:
                self.latencies[kind].append(ms)
            if (status == 0 or status >= 500) and len(self.problems) < 20:
                self.problems.append(f"{kind}: {label} {status} on {path}")

    def counts(self) -> tuple[int, Counter]:
        with self.lock:
            total = Counter()
            for counter in self.statuses.values():
                total.update(counter)
            return sum(total.values()), total

    # HTTP

    def request(self, conn, kind, method, path, user=None, form=None):
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "hubsi-soak"}
        body = None
        if user is not None:
            headers["Cookie"] = user.cookie
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": user.csrf}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status, location = response.status, response.getheader("Location", "")
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            self.record(kind, 0, 0, f"{path} ({type(error).__name__}: {error})")
            return 0, ""
        self.record(kind, status, (time.perf_counter() - started) * 1000, path)
        return status, location

    # Reads

    def read(self, conn, rng, user: User) -> None:
        kind = rng.choices(list(READS), weights=list(READS.values()))[0]
        signed_in = rng.random() < 0.5 or kind == "dashboard"
        language = "/en" if rng.random() < 0.2 else ""
        if kind == "home":
            path = "/"
        elif kind == "list":
            path = rng.choice(self.plan.lists)
        elif kind == "detail":
            path = rng.choice(self.plan.details)
        elif kind == "search":
            path = rng.choice(self.plan.searches)
        else:
            pages = ["/dashboard/", "/saved-searches/"]
            if user.drafts:
                slug = rng.choice(user.drafts)
                pages += [f"/innovations/{slug}/edit/system/", f"/innovations/{slug}/preview/"]
            path = rng.choice(pages)
        status, _location = self.request(
            conn, kind, "GET", language + path, user if signed_in else None
        )
        if 400 <= status < 500:
            with self.lock:
                if len(self.problems) < 20:
                    self.problems.append(f"{kind}: {status} on {language + path}")

    # Writes

    def write(self, conn, rng, user: User, marker: str) -> bool:
        kinds = [kind for kind in WRITES if kind not in user.limited]
        if not user.drafts and "edit draft" in kinds:
            kinds.remove("edit draft")
        if not kinds:
            return False
        kind = rng.choices(kinds, weights=[WRITES[k] for k in kinds])[0]
        slug = ""
        if kind == "new draft":
            status, location = self.request(
                conn,
                kind,
                "POST",
                "/innovations/new/",
                user,
                {
                    "name": f"Soak draft {marker}",
                    "language": "nl",
                    "problem": f"Een probleem om te testen onder belasting ({marker}).",
                    "challenges": rng.sample(self.plan.challenge_ids, 2),
                    "action": "next",
                },
            )
            match = re.fullmatch(r"/innovations/([-\w]+)/edit/system/", location)
            if status == 302 and match:
                slug = match[1]
                user.drafts.append(slug)
            ok = bool(slug)
        elif kind == "edit draft":
            slug = rng.choice(user.drafts)
            status, location = self.request(
                conn,
                kind,
                "POST",
                f"/innovations/{slug}/edit/system/",
                user,
                {"systemic_view": f"Wat het probleem in stand houdt: {marker}", "action": "next"},
            )
            ok = status == 302 and location == f"/innovations/{slug}/edit/approach/"
        elif kind == "saved search":
            query = rng.choice(self.plan.saved_search_lists)
            status, location = self.request(
                conn, kind, "POST", f"/saved-searches/new/?{query}", user, {"name": marker}
            )
            ok = status == 302 and location == "/saved-searches/"
        else:
            targets = self.plan.contact_targets
            path = targets[(user.index * 7 + user.contacts) % len(targets)]
            user.contacts += 1
            status, location = self.request(
                conn, kind, "POST", path, user, {"message": f"Graag contact. {marker}"}
            )
            ok = status == 302 and location.startswith("/contact-requests/")
        if ok:
            outcome = "ok"
        elif status == 429:  # a per-user rate limit (hubsi/limits.py)
            outcome = "limited"
            user.limited.add(kind)
        elif status == 200 and kind != "edit draft":
            # The form refused: a cap on rows (open drafts, saved searches) or the daily
            # contact requests; verify() checks that the user had reached it.
            outcome = "capped"
            user.limited.add(kind)
        elif status == 0:
            outcome = "error"
        else:
            outcome = "refused"
            with self.lock:
                if len(self.problems) < 20:
                    self.problems.append(f"{kind}: unexpected {status} {location}")
        with self.lock:
            self.writes.append(Write(kind, marker, user.pk, outcome, slug, status))
        return True

    # Threads

    def worker(self, number: int) -> None:
        rng = random.Random(number)
        mine = self.users[number::CONNECTIONS]
        conn = http.client.HTTPConnection(self.host, int(self.port), timeout=TIMEOUT)
        sequence = 0
        try:
            while not self.stop.is_set():
                user = rng.choice(mine)
                if rng.random() < WRITE_SHARE:
                    sequence += 1
                    marker = f"soak-{self.run_id}-{number}-{sequence}"
                    if self.write(conn, rng, user, marker):
                        continue
                self.read(conn, rng, user)
        except Exception as error:  # a bug in the driver must fail the run, not hide
            with self.lock:
                self.crashed += 1
                self.problems.append(f"driver thread {number} crashed: {error!r}")
        finally:
            conn.close()


# Verification --------------------------------------------------------------------------------


def verify(writes: list[Write]) -> dict[str, dict]:
    """Per write kind: attempts, outcomes, and how many acknowledged writes are in the
    database exactly once (refused ones must be absent)."""
    from django.conf import settings

    from connections.models import ContactRequest, SavedSearch
    from connections.services import DAILY_REQUEST_LIMIT
    from hubsi.services import EDITABLE_STATUSES
    from innovations.models import Innovation

    def cap_reached(kind: str, user: int) -> bool:
        """Whether the user holds as many rows as the form allows (a capped write)."""
        if kind == "new draft":
            held = Innovation.objects.filter(owners=user, status__in=EDITABLE_STATUSES).count()
            return held >= getattr(settings, "OPEN_DRAFTS_PER_USER", float("inf"))
        if kind == "saved search":
            held = SavedSearch.objects.filter(user=user).count()
            return held >= getattr(settings, "SAVED_SEARCHES_PER_USER", float("inf"))
        return ContactRequest.objects.filter(sender=user).count() >= DAILY_REQUEST_LIMIT

    def count(kind: str, write: Write) -> int:
        if kind == "new draft":
            return Innovation.objects.filter(
                name=f"Soak draft {write.marker}", owners=write.user
            ).count()
        if kind == "saved search":
            return SavedSearch.objects.filter(name=write.marker, user=write.user).count()
        return ContactRequest.objects.filter(
            message__endswith=write.marker, sender=write.user
        ).count()

    result = {}
    last_edit = {}
    for kind in WRITES:
        done = [w for w in writes if w.kind == kind]
        outcomes = Counter(w.outcome for w in done)
        row = {"attempts": len(done), **outcomes, "present": 0, "absent": 0, "wrong": 0}
        for write in done:
            if kind == "edit draft":
                if write.outcome == "ok":
                    last_edit[write.slug] = write.marker  # writes are in order per user
                continue
            if write.outcome == "error":
                continue  # unknown whether it landed; connection errors fail the run anyway
            found = count(kind, write)
            expected = 1 if write.outcome == "ok" else 0
            if found == expected == 1:
                row["present"] += 1
            elif found != expected:
                row["wrong"] += 1
            elif write.outcome == "capped":
                # A form refuses for other reasons too: this one must be the user's cap.
                row["absent" if cap_reached(kind, write.user) else "wrong"] += 1
            else:
                row["absent"] += 1
        result[kind] = row
    values = dict(
        Innovation.objects.filter(slug__in=list(last_edit)).values_list("slug", "systemic_view")
    )
    for slug, marker in last_edit.items():
        if values.get(slug, "").endswith(marker):
            result["edit draft"]["present"] += 1
        else:
            result["edit draft"]["wrong"] += 1
    result["edit draft"]["checked"] = len(last_edit)
    return result


def check_mail(writes: list[Write], mail_dir: Path, timeout: float = 120) -> dict:
    """Wait until the task workers have run every queued task, then count the mail of each
    acknowledged contact request: one message per recipient, none twice."""
    import email
    from email import policy

    from django.db.models import Q
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from connections.models import ContactRequest

    busy = DBTaskResult.objects.ready() | DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING
    )
    deadline = time.monotonic() + timeout
    while busy.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    texts = []
    for path in mail_dir.glob("*.log") if mail_dir.exists() else []:
        # The file backend writes each message followed by a line of 79 dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk, policy=policy.default)
                texts.append(message.get_body(("plain",)).get_content())
    expected = once = missing = duplicates = 0
    for write in writes:
        if write.kind != "contact request" or write.outcome != "ok":
            continue
        request = ContactRequest.objects.filter(
            Q(message__endswith=write.marker), sender=write.user
        ).first()
        recipients = len(request.recipients()) if request else 1
        # The whole marker: "...-1-1" must not count the mail of "...-1-12".
        exact = re.compile(re.escape(write.marker) + r"(?![\w-])")
        found = sum(bool(exact.search(text)) for text in texts)
        expected += recipients
        once += min(found, recipients)
        missing += max(recipients - found, 0)
        duplicates += max(found - recipients, 0)
    return {
        "expected": expected,
        "once": once,
        "missing": missing,
        "duplicates": duplicates,
        "failed": DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count(),
        "pending": busy.count(),
    }


# Running and reporting -----------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_load(driver: Driver, master_pid: int) -> dict:
    threads = [
        threading.Thread(target=driver.worker, args=(n,), daemon=True) for n in range(CONNECTIONS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    baseline = None
    samples = []
    next_progress = PROGRESS_EVERY
    while (elapsed := time.monotonic() - started) < SECONDS:
        time.sleep(min(1.0, SECONDS - elapsed))
        elapsed = time.monotonic() - started
        if baseline is None and elapsed >= WARMUP:
            baseline = worker_memory_mb(master_pid, "VmRSS")
            say(f"warm-up done: workers {format_rss(baseline)}")
        if elapsed >= next_progress:
            next_progress += PROGRESS_EVERY
            total, classes = driver.counts()
            rss = worker_memory_mb(master_pid, "VmRSS")
            samples.append(rss)
            with driver.lock:
                writes = Counter(w.outcome for w in driver.writes)
            say(
                f"{elapsed:4.0f} s: {total:,} requests ({total / elapsed:.0f}/s), "
                f"writes {writes['ok']} ok / {writes['limited']} limited / "
                f"{writes['capped']} capped / "
                f"{writes['refused']} refused, 5xx {classes['5xx']}, errors "
                f"{classes['error']}, workers {format_rss(rss)}"
            )
    driver.stop.set()
    for thread in threads:
        thread.join(TIMEOUT + 5)
    seconds = time.monotonic() - started
    end = worker_memory_mb(master_pid, "VmRSS")
    return {"seconds": seconds, "baseline": baseline or {}, "end": end, "samples": samples}


def format_rss(rss: dict[int, float]) -> str:
    return f"{sum(rss.values()):.0f} MB ({' + '.join(f'{v:.0f}' for v in rss.values())})"


def report(driver: Driver, load: dict, checked: dict, setup: dict, mail: dict) -> tuple[str, bool]:
    """The Markdown result and whether every criterion is met."""
    lines = [
        "| requests | count | 2xx | 3xx | 4xx | 5xx | errors | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    all_latencies = []
    totals = Counter()
    for kind in [*READS, *WRITES]:
        statuses, latencies = driver.statuses.get(kind, Counter()), driver.latencies[kind]
        all_latencies += latencies
        totals.update(statuses)
        label = f"{kind} (write)" if kind in WRITES else kind
        lines.append(
            f"| {label} | {sum(statuses.values()):,} | {statuses['2xx']:,} | {statuses['3xx']:,}"
            f" | {statuses['4xx']:,} | {statuses['5xx']} | {statuses['error']} | "
            f"{percentile(latencies, 0.5):.0f} | {percentile(latencies, 0.95):.0f} |"
        )
    lines.append(
        f"| **all** | {sum(totals.values()):,} | {totals['2xx']:,} | {totals['3xx']:,} | "
        f"{totals['4xx']:,} | {totals['5xx']} | {totals['error']} | "
        f"{percentile(all_latencies, 0.5):.0f} | {percentile(all_latencies, 0.95):.0f} |"
    )
    requests_table = "\n".join(lines)

    lines = [
        "| writes | attempts | succeeded | rate-limited (429) | capped (form) | refused | errors "
        "| verified in the database |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows_ok = True
    for kind, row in checked.items():
        ok = row.get("ok", 0)
        if kind == "edit draft":
            verified = f"{row['present']} of {row['checked']} drafts hold their last edit"
        else:
            verified = f"{row['present']} of {ok} exactly once"
            if row["absent"]:
                verified += f"; the {row['absent']} refused absent"
        if row["wrong"]:
            verified += f"; **{row['wrong']} wrong**"
            rows_ok = False
        lines.append(
            f"| {kind} | {row['attempts']:,} | {ok:,} | {row.get('limited', 0)} | "
            f"{row.get('capped', 0)} | "
            f"{row.get('refused', 0)} | {row.get('error', 0)} | {verified} |"
        )
    writes_table = "\n".join(lines)

    before, after = sum(load["baseline"].values()), sum(load["end"].values())
    growth = (after - before) / before if before else float("inf")
    same_workers = set(load["baseline"]) == set(load["end"])
    total_writes = sum(row["attempts"] for row in checked.values())
    refused = sum(row.get("refused", 0) for row in checked.values())
    criteria = [
        ("zero 5xx", totals["5xx"] == 0, f"{totals['5xx']} 5xx"),
        (
            "zero connection errors",
            totals["error"] == 0 and not driver.crashed,
            f"{totals['error']} errors"
            + (f", {driver.crashed} driver threads crashed" if driver.crashed else ""),
        ),
        (
            "worker memory growth < 10%",
            growth < MEMORY_GROWTH_LIMIT and same_workers,
            f"{before:.0f} MB after the warm-up, {after:.0f} MB at the end ({growth:+.1%})"
            + ("" if same_workers else "; a worker was replaced"),
        ),
        (
            "all written rows present",
            rows_ok and refused == 0 and total_writes > 0,
            f"{sum(row['present'] for row in checked.values()):,} acknowledged writes found "
            f"exactly once, {sum(row['absent'] for row in checked.values())} refused ones "
            f"absent, {sum(row['wrong'] for row in checked.values())} wrong, {refused} "
            "unexpected answers",
        ),
        (
            "every mail sent once, by the task workers",
            mail["expected"] > 0
            and mail["once"] == mail["expected"]
            and not mail["duplicates"]
            and not mail["failed"]
            and not mail["pending"],
            f"{mail['once']:,} of {mail['expected']:,} contact-request mails delivered exactly "
            f"once ({mail['missing']} missing, {mail['duplicates']} more than once); "
            f"{mail['failed']} failed tasks, {mail['pending']} still queued",
        ),
    ]
    passed = all(ok for _name, ok, _detail in criteria)
    criteria_table = "\n".join(
        ["| criterion | result |", "|---|---|"]
        + [f"| {name} | **{'met' if ok else 'FAILED'}**: {text} |" for name, ok, text in criteria]
    )
    cores = os.cpu_count()
    mem_gib = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    total = sum(totals.values())
    summary = (
        f"Run on {datetime.date.today().isoformat()}, {cores} cores, {mem_gib:.0f} GiB; "
        f"{setup['content']}; {USERS} verified users; gunicorn 2 sync workers, DEBUG off, "
        f"PostgreSQL 15, Redis cache; {CONNECTIONS} connections for {load['seconds']:.0f} s "
        f"({WARMUP} s warm-up), {total:,} requests ({total / load['seconds']:.0f}/s), "
        f"{total_writes:,} writes. Worker memory (RSS, sum of the workers): "
        f"{format_rss(load['baseline'])} after the warm-up, {format_rss(load['end'])} at "
        f"the end. Result: **{'passed' if passed else 'FAILED'}**."
    )
    intro = (
        "`make soak` (bench/soak.py): mixed reading (about 80%: home, lists with rotating "
        "filters and `q`, detail pages, search, dashboard) and writing (about 20%, through the "
        "real forms: new innovation drafts, edited draft steps, saved searches, contact "
        "requests) by many signed-in users. Criteria: zero 5xx and connection errors, worker "
        "memory growth under 10% after the warm-up, every acknowledged write in the database "
        "exactly once and no refused one. Latencies are noisy on a shared machine."
    )
    text = f"{intro}\n\n{summary}\n\n{criteria_table}\n\n{requests_table}\n\n{writes_table}\n"
    return text, passed


def write_docs(text: str) -> None:
    """Replace only what follows our marker; bench/run.py owns the part before it."""
    path = ROOT / "docs/benchmarks.md"
    current = path.read_text() if path.exists() else "# Benchmarks\n"
    head = current.split(MARKER)[0] if MARKER in current else current.rstrip("\n") + "\n\n"
    path.write_text(f"{head}{MARKER}\n## Latest `make soak`\n\n{text}")
    say(f"wrote {path.relative_to(ROOT)}")


def server_errors(log: Path, limit: int = 40) -> list[str]:
    if not log.exists():
        return []
    lines = log.read_text(errors="replace").splitlines()
    return [line for line in lines if '"ERROR"' in line or "Traceback" in line][:limit]


def main() -> int:
    if WARMUP >= SECONDS:
        sys.exit(f"SOAK_SECONDS ({SECONDS}) must be longer than the warm-up ({WARMUP} s).")
    if USERS < CONNECTIONS:
        sys.exit(f"SOAK_USERS ({USERS}) must be at least SOAK_CONNECTIONS ({CONNECTIONS}).")
    if shutil.which("redis-server") is None:
        sys.exit("Missing redis-server: install it (apt-get install redis-server).")
    run_id = secrets.token_hex(3)
    services = Services()
    passed = False
    try:
        database_url = services.start_postgres()
        if not os.environ.get("DATABASE_URL"):
            create_database(database_url)
        cache_url = services.start_redis()
        env = production_env(services, database_url, cache_url)
        say("migrating and seeding the demo content")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        gunicorn, base = start_gunicorn(services, env, log=say)
        start_task_workers(services, env, log=say)

        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connection

        from innovations.models import Innovation
        from supporters.models import Supporter

        users = create_users(run_id)
        give_contact_targets_owners(run_id)
        plan = build_plan()
        content = (
            f"demo content ({Innovation.objects.published().count()} published innovations, "
            f"{Supporter.objects.published().count()} supporters)"
        )
        connection.close()
        say(f"{USERS} users with sessions; {content}")
        say(f"load: {CONNECTIONS} connections, {SECONDS} s, about {WRITE_SHARE:.0%} writes")
        driver = Driver(base, users, plan, run_id)
        load = run_load(driver, gunicorn.pid)
        say("waiting for the task workers to send the mail")
        mail = check_mail(driver.writes, services.tmp / "mail")
        say("verifying the written rows")
        checked = verify(driver.writes)
        connection.close()
        text, passed = report(driver, load, checked, {"content": content}, mail)
        print("\n" + text)
        if driver.problems:
            say("unexpected answers:\n  " + "\n  ".join(driver.problems))
        errors = server_errors(services.tmp / "gunicorn.log")
        if errors:
            say("server errors in the gunicorn log:\n" + "\n".join(errors))
        write_docs(text)
    finally:
        services.stop()
        say("cleaned up")
    say("PASSED" if passed else "FAILED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
