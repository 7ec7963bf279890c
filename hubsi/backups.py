"""Backups: the PostgreSQL database and the uploaded media in one tar file.

The archive holds `manifest.json` (what and when), `database.dump` (pg_dump's custom format,
compressed, restored with pg_restore) and `media/...` (the files under MEDIA_ROOT). A restore
goes into an empty database and an empty media folder only, in one transaction, so it never
mixes two sites' data. See docs/operations.md.

When the media are in an S3-compatible bucket (MEDIA_BUCKET), the archive holds the database
only: the bucket is backed up by its own versioning or replication (objects are never
overwritten, every logo gets a new name; docs/operations.md says how to bring back the ones
deleted since a backup).

The PostgreSQL client tools must be at least the server's version; PG_BIN names their folder
when the ones on PATH are older (e.g. /usr/lib/postgresql/15/bin).
"""

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import CommandError

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


def _require_postgresql(db: dict) -> None:
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError(
            "Backups need PostgreSQL (set DATABASE_URL=postgres://...). The SQLite database of "
            "a developer's machine is one file: copy db.sqlite3 and the media folder instead."
        )


def pg_tool(name: str) -> str:
    folder = os.environ.get("PG_BIN")
    path = str(Path(folder) / name) if folder else shutil.which(name)
    if not path or not Path(path).exists():
        raise CommandError(
            f"{name} was not found: install the PostgreSQL client (postgresql-client-15) "
            "or set PG_BIN to the folder that holds it."
        )
    return path


def pg_environment(db: dict) -> dict[str, str]:
    """The libpq environment for a Django database: the password never on a command line."""
    env = dict(os.environ)
    values = {
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
    }
    options = db.get("OPTIONS") or {}
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if options.get(option):
            values[variable] = str(options[option])
    env.update({key: value for key, value in values.items() if value})
    return env


def _run(command: list[str], db: dict) -> None:
    result = subprocess.run(command, env=pg_environment(db), capture_output=True, text=True)
    if result.returncode != 0:
        # pg_dump/pg_restore messages name objects, never the password (it is not an argument).
        raise CommandError(f"{Path(command[0]).name} failed:\n{result.stderr.strip()}")


def _connect(db: dict):
    import psycopg

    params = {
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "dbname": db["NAME"],
        **(db.get("OPTIONS") or {}),
    }
    return psycopg.connect(**{key: value for key, value in params.items() if value is not None})


def database_tables(db: dict) -> int:
    """How many tables the database holds outside PostgreSQL's own schemas."""
    with _connect(db) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()
    return row[0]


def media_bucket() -> str:
    """The bucket that holds the site's media, or "" when they are under MEDIA_ROOT."""
    return getattr(default_storage, "bucket_name", None) or ""


def create_backup(*, db: dict, media_root: Path | None, output: Path) -> dict:
    """Write the archive to `output` (readable by its owner only) and return its manifest.
    Without a `media_root` (media in a bucket) the archive holds the database only."""
    _require_postgresql(db)
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(media_root) if media_root else None
    media_files = (
        sorted(p for p in media_root.rglob("*") if p.is_file())
        if media_root and media_root.exists()
        else []
    )
    manifest = {
        "format": ARCHIVE_FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": db["NAME"],
        "media_files": len(media_files),
    }
    if media_root is None:
        manifest["media_bucket"] = media_bucket()
    with tempfile.TemporaryDirectory(prefix="hubsi-backup.") as work:
        dump = Path(work) / DUMP
        _run([pg_tool("pg_dump"), "--format=custom", "--no-password", f"--file={dump}"], db)
        partial = output.with_name(output.name + ".partial")
        # The archive holds personal data: only its owner may read it.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as stream, tarfile.open(fileobj=stream, mode="w") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(datetime.now(UTC).timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=DUMP)
            for path in media_files:
                tar.add(path, arcname=f"{MEDIA}/{path.relative_to(media_root).as_posix()}")
        partial.replace(output)
    return manifest


def restore_backup(*, archive: Path, db: dict, media_root: Path | None) -> dict:
    """Restore the archive into an empty database and an empty (or missing) media folder.
    Without a `media_root` (media in a bucket) only an archive without media files is restored."""
    _require_postgresql(db)
    media_root = Path(media_root) if media_root else None
    try:
        tar = tarfile.open(archive)  # noqa: SIM115 (closed by the with below)
    except tarfile.TarError:
        raise CommandError(f"{archive} is not a HUBSI backup (not a tar file).") from None
    with tar, tempfile.TemporaryDirectory(prefix="hubsi-restore.") as work:
        try:
            manifest = json.load(tar.extractfile(MANIFEST))
        except KeyError:
            raise CommandError(f"{archive} is not a HUBSI backup (no {MANIFEST}).") from None
        if manifest.get("format") != ARCHIVE_FORMAT:
            raise CommandError(f"{archive} has backup format {manifest.get('format')!r}.")
        if database_tables(db):
            raise CommandError(
                f"The database {db['NAME']!r} is not empty. Restore into a new, empty database "
                "(createdb), then point DATABASE_URL at it."
            )
        media = [m for m in tar.getmembers() if m.name.startswith(f"{MEDIA}/") and m.isfile()]
        if media_root is None and media:
            raise CommandError(
                f"This backup holds {len(media)} media files and the site keeps its media in "
                f"the bucket {media_bucket()!r}: restore with --media-root to an empty folder, "
                "then copy that folder into the bucket (docs/operations.md)."
            )
        if media_root and media_root.exists() and any(media_root.iterdir()):
            raise CommandError(f"The media folder {media_root} is not empty: use an empty one.")
        # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
        tar.extract(DUMP, work, filter="data")
        _run(
            [
                pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                f"--dbname={db['NAME']}",
                str(Path(work) / DUMP),
            ],
            db,
        )
        if media_root is None:
            return manifest
        media_root.mkdir(parents=True, exist_ok=True)
        staging = Path(work) / "files"
        tar.extractall(staging, members=media, filter="data")
        if (staging / MEDIA).exists():
            shutil.copytree(staging / MEDIA, media_root, dirs_exist_ok=True)
    return manifest
