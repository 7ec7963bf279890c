"""Recompute the stored search text of all content: one set-based UPDATE per model."""

import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from hubsi.search import reindex, searchable_models


class Command(BaseCommand):
    help = (
        "Recompute the PostgreSQL search vectors of innovations, supporters, experimentation "
        "places and funding opportunities (after renaming challenges or themes, bulk imports "
        "or a change to the search weights). Nothing to do on SQLite."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only rows that have no search vector yet.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options) -> None:
        using = options["database"]
        if connections[using].vendor != "postgresql":
            self.stdout.write(
                "The database is not PostgreSQL: search needs no index here, nothing to do."
            )
            return
        started = time.monotonic()
        total = 0
        for model in searchable_models():
            model_started = time.monotonic()
            with transaction.atomic(using=using):
                count = reindex(model, only_missing=options["missing"], using=using)
            total += count
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {count} updated "
                f"in {time.monotonic() - model_started:.1f} s"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Updated {total} search vectors in {time.monotonic() - started:.1f} s."
            )
        )
