"""`manage.py restore`: a backup into an empty database and media folder (hubsi/backups.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from hubsi.backups import media_bucket, restore_backup
from hubsi.env import database_from_url


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty PostgreSQL database and an "
        "empty media folder (by default DATABASE_URL and MEDIA_ROOT; with the media in a bucket, "
        "the database only unless --media-root is given)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="The .tar file written by backup.")
        parser.add_argument(
            "--database-url", help="Restore into this database instead of DATABASE_URL."
        )
        parser.add_argument(
            "--media-root", type=Path, help="Restore the files here instead of MEDIA_ROOT."
        )

    def handle(self, *args, **options) -> None:
        archive = options["archive"]
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist.")
        if options["database_url"]:
            db = database_from_url(options["database_url"], conn_max_age=0)
        else:
            connections[DEFAULT_DB_ALIAS].close()  # pg_restore needs the database to itself
            db = connections[DEFAULT_DB_ALIAS].settings_dict
        media_root = options["media_root"] or (
            None if media_bucket() else Path(settings.MEDIA_ROOT)
        )
        manifest = restore_backup(archive=archive, db=db, media_root=media_root)
        self.stdout.write(
            f"Restored the backup of {manifest['created']} into database {db['NAME']!r}"
            + (f" and {media_root}" if media_root else "")
        )
