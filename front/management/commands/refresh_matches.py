import time

from django.core.management.base import BaseCommand, CommandParser

from front import stored_matches, tasks
from front.models import MatchRefresh
from innovations.models import Innovation


class Command(BaseCommand):
    help = (
        "Rank and store the matches of every published innovation (after seeding or an "
        "import). --expired: only what deadlines and end dates changed (run daily). "
        "--missing: only innovations never refreshed. docs/matching.md, 'Stored matches'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--expired", action="store_true", help="Deadlines and end dates.")
        parser.add_argument("--missing", action="store_true", help="Never refreshed ones only.")
        parser.add_argument("--limit", type=int, help="At most N innovations (for measuring).")
        parser.add_argument(
            "--slug", nargs="+", metavar="SLUG", help="Only these innovations (e.g. a benchmark's)."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for the task workers (manage.py db_worker) instead.",
        )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        if options["expired"]:
            targets = stored_matches.expired()
        else:
            innovations = Innovation.objects.published().order_by("pk")
            if options["slug"]:
                innovations = innovations.filter(slug__in=options["slug"])
            if options["missing"]:
                innovations = innovations.exclude(
                    pk__in=MatchRefresh.objects.values("innovation_id")
                )
            pks = list(innovations.values_list("pk", flat=True)[: options["limit"]])
            targets = [(pks, stored_matches.ALL_SECTIONS)]
        if options["enqueue"]:
            queued = tasks.enqueue(targets)
            self.stdout.write(f"Queued the refresh of {queued} innovations.")
            return
        self.refresh(targets)

    def refresh(self, targets: stored_matches.Targets) -> None:
        total = sum(len(pks) for pks, _sections in targets)
        started, done, last_said = time.monotonic(), 0, 0.0
        for pks, sections in stored_matches.batches(targets, tasks.BATCH):
            stored_matches.refresh_many(pks, sections)
            done += len(pks)
            elapsed = time.monotonic() - started
            if self.verbosity >= 2 or self.verbosity and elapsed - last_said >= 10:
                last_said = elapsed
                left = elapsed / done * (total - done)
                self.stdout.write(
                    f"  {done:,} / {total:,} innovations, {elapsed:.0f} s, ~{left:.0f} s left"
                )
        elapsed = time.monotonic() - started
        each = f", {elapsed / done * 1000:.1f} ms each." if done else "."
        if self.verbosity:
            self.stdout.write(
                f"Refreshed the matches of {done:,} innovations in {elapsed:.1f} s{each}"
            )
