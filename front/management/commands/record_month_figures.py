"""Record the published content at the end of the month just ended (docs/curation.md). Run it
from cron on the 1st of every month, shortly after midnight (docs/operations.md):

    5 0 1 * *  cd /srv/hubsi && .venv/bin/python manage.py record_month_figures

Running it again changes nothing: a month is recorded once. `--backfill` also reconstructs every
earlier month without figures, back to the first publication, from the admin log.
"""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import translation

from front.figures import (
    TOTAL,
    Key,
    first_publication,
    last_months,
    month_of,
    next_month,
    published_counts,
    reconstruct,
    record_month,
    recorded_months,
)
from hubsi.kinds import registered_kinds


def summary(counts: dict[Key, int]) -> str:
    """The totals per kind, "innovations 12, supporters 5, ...", in English as all output."""
    with translation.override("en"):
        return ", ".join(
            f"{kind.model._meta.verbose_name_plural} {counts.get((kind.name, TOTAL, ''), 0)}"
            for kind in registered_kinds()
        )


class Command(BaseCommand):
    help = (
        "Record how much content is published, per kind, stage, helix role and region, as the "
        "figures at the end of the month just ended. Safe to run more than once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backfill",
            action="store_true",
            help="Also reconstruct earlier months without figures from the admin log.",
        )

    def handle(self, *args, backfill: bool = False, verbosity: int = 1, **options):
        self.verbosity = verbosity
        ended = last_months(2)[0]
        done = {"recorded": 0, "reconstructed": 0, "kept": 0}
        if record_month(ended, counts := published_counts()):
            done["recorded"] += 1
            self.say(f"{ended:%Y-%m}: recorded as it is now ({summary(counts)}).")
        else:
            done["kept"] += 1
            self.say(f"{ended:%Y-%m}: already recorded, left as it is.")

        if backfill:
            missing = self.months_to_reconstruct(before=ended)
            if missing:
                self.say(f"Reconstructing {len(missing)} earlier month(s) from the admin log...")
            for month, counts in reconstruct(missing).items():
                record_month(month, counts, reconstructed=True)
                done["reconstructed"] += 1
                self.say(f"{month:%Y-%m}: reconstructed ({summary(counts)}).")

        self.say(
            "Done: {recorded} month(s) recorded, {reconstructed} reconstructed, {kept} already "
            "there.".format(**done)
        )

    def months_to_reconstruct(self, *, before: date) -> list[date]:
        """Every month from the first publication up to `before` that has no figures yet."""
        start = first_publication()
        if start is None:
            return []
        recorded = recorded_months()
        months, month = [], month_of(start)
        while month < before:
            if month not in recorded:
                months.append(month)
            month = next_month(month)
        return months

    def say(self, text: str) -> None:
        if self.verbosity > 0:
            self.stdout.write(text)
