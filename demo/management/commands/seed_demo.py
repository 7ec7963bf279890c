"""`seed_demo`: the fictional Flemish demo content, and generated volume for performance work.

The content is data (demo/data/*.toml, read by demo/loader.py): themes, challenges,
innovations, supporters, experimentation places, funding opportunities, learning offers and
practices, in Dutch (a few innovations in English; practices in both). It is idempotent: items
are keyed by slug and existing ones are never touched. `--innovations N` (and `--supporters`,
`--spaces`, `--funding`, `--learning`) then top the published content up to N with generated
rows (demo/volume.py).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from demo import loader, volume
from funding.models import FundingOpportunity
from hubsi.models import Region
from hubsi.search import reindex, searchable_models
from innovations.models import Innovation, Theme
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter

KINDS = ("innovations", "supporters", "spaces", "funding", "learning")


class Command(BaseCommand):
    help = (
        "Create fictional Flemish demo content (idempotent). With --innovations N and friends, "
        "top the published content up to N items with generated rows, for performance work."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only seed when the database has no themes at all (used by `make run`).",
        )
        parser.add_argument(
            "--no-matches",
            action="store_true",
            help="Do not store the innovation pages' matches (`refresh_matches` does it later).",
        )
        for kind in KINDS:
            parser.add_argument(
                f"--{kind}",
                type=int,
                metavar="N",
                help=f"Top published {kind} up to at least N with generated content.",
            )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        targets = {kind: options[kind] for kind in KINDS if options[kind] is not None}
        for kind, target in targets.items():
            if target < 0:
                raise CommandError(f"--{kind} must be 0 or more, not {target}.")
        self.check_database()

        if options["if_empty"] and Theme.objects.exists():
            self.say("Demo content skipped: the database already has themes (--if-empty).")
            return

        now = timezone.now()
        try:
            created = loader.seed(now)
            if any(created.values()):
                counts = ", ".join(f"{count} {label}" for label, count in created.items())
                self.say(f"Demo content added in {time.monotonic() - started:.1f} s: {counts}.")
            else:
                self.say("Demo content is already present: nothing to add.")
            if targets:
                generated = volume.top_up(targets, now, self.say)
                made = ", ".join(f"{count} {label}" for label, count in generated.items())
                self.say(
                    f"Generated {made} in {time.monotonic() - started:.1f} s. Published now: "
                    f"{Innovation.objects.published().count()} innovations, "
                    f"{Supporter.objects.published().count()} supporters, "
                    f"{ExperimentationSpace.objects.published().count()} experimentation places, "
                    f"{FundingOpportunity.objects.published().count()} funding opportunities, "
                    f"{LearningOffer.objects.published().count()} learning offers."
                )
        except loader.DemoError as error:
            raise CommandError(str(error)) from error
        self.index_for_search()
        if not options["no_matches"]:
            self.store_matches(volume=bool(targets))

    def store_matches(self, volume: bool) -> None:
        """Fill the innovation pages' stored matches (front's `refresh_matches`, called by
        name: demo/ does not import front/). At volume a full refresh takes hours, so it is
        left to the task workers (`refresh_matches --enqueue`); until then a page ranks live
        on its first visit and stores the result (docs/matching.md)."""
        if volume:
            self.say(
                "Matches not stored at volume: run `manage.py refresh_matches --enqueue` for "
                "the task workers, or let each innovation page store its own on first visit."
            )
            return
        # Its summary shows from verbosity 2: `--if-empty` seeds with one line.
        verbosity = self.verbosity - 1
        call_command("refresh_matches", "--missing", verbosity=verbosity, stdout=self.stdout)

    def check_database(self) -> None:
        try:
            terms = Region.objects.count()
            Innovation.objects.exists()
            FundingOpportunity.objects.exists()
        except DatabaseError as error:
            raise CommandError(
                f"The database is not ready ({error}). Run `python manage.py migrate` first."
            ) from error
        if not terms:
            raise CommandError(
                "The vocabulary tables are empty. Run `python manage.py migrate` first."
            )

    def index_for_search(self) -> None:
        """Bulk inserts bypass `update_search_vector`: one set-based UPDATE per model instead
        (PostgreSQL only; the same SQL as `reindex_search`), for the rows without a vector."""
        indexed = sum(reindex(model, only_missing=True) for model in searchable_models())
        if indexed and self.verbosity >= 2:
            self.stdout.write(f"Search: indexed {indexed} new items.")

    def say(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)
            self.stdout.flush()
