"""`manage.py backup`: the database and the uploaded media in one tar file (hubsi/backups.py)."""

from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from hubsi.backups import create_backup, media_bucket


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump) and MEDIA_ROOT into one tar file, readable "
        "by its owner only (media in a bucket stay out: the bucket keeps its own versions). "
        "Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write (default: backups/hubsi-<UTC date and time>.tar).",
        )

    def handle(self, *args, **options) -> None:
        output = options["output"] or Path("backups") / (
            f"hubsi-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar"
        )
        db = connections[DEFAULT_DB_ALIAS].settings_dict
        bucket = media_bucket()
        media_root = None if bucket else Path(settings.MEDIA_ROOT)
        manifest = create_backup(db=db, media_root=media_root, output=output)
        if bucket:
            self.stdout.write(
                f"Backed up database {manifest['database']!r} to {output}. The media are in the "
                f"bucket {bucket!r}: its versioning or replication backs them up "
                "(docs/operations.md)."
            )
            return
        self.stdout.write(
            f"Backed up database {manifest['database']!r} and {manifest['media_files']} media "
            f"files to {output}"
        )
