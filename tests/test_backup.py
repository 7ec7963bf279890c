"""make backup / make restore: a backup restored into an empty database holds everything.

PostgreSQL only (pg_dump and pg_restore): skipped in the SQLite run of the suite, run in the
PostgreSQL run. On CI the PostgreSQL client tools must be there.
"""

import io
import json
import os
import shutil
import stat
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hubsi.backups import _connect, create_backup
from hubsi.env import media_storage_from_env
from tests.conftest import build_catalogue
from tests.e2e.conftest import _migration_data  # noqa: F401  (restores data a flush removed)
from tests.factories import make_user

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("backups are made with pg_dump: this run uses SQLite")
    if not (os.environ.get("PG_BIN") or shutil.which("pg_dump")):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have the PostgreSQL client tools (pg_dump, pg_restore)")
        pytest.skip("pg_dump is not installed")


def database_url(db: dict) -> str:
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    if host.startswith("/"):  # a Unix socket folder
        return f"postgres://{credentials}@/{db['NAME']}?host={host}"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def empty_database(postgresql):
    """A new, empty database on the same server, dropped afterwards."""
    settings_dict = {**connection.settings_dict, "NAME": f"hubsi_restore_{uuid.uuid4().hex[:12]}"}
    server = {**connection.settings_dict, "NAME": "postgres"}
    with _connect(server) as admin:
        admin.autocommit = True
        admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    try:
        yield settings_dict
    finally:
        with _connect(server) as admin:
            admin.autocommit = True
            admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}" WITH (FORCE)')


def row_counts(settings_dict: dict) -> dict[str, int]:
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)})
    with _connect(settings_dict) as conn:
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_has_everything_back(
    postgresql, empty_database, tmp_path, settings
):
    media = tmp_path / "media"
    (media / "logos" / "innovations").mkdir(parents=True)
    (media / "logos" / "innovations" / "warm-wonen.webp").write_bytes(b"RIFF-logo-bytes")
    settings.MEDIA_ROOT = media
    catalogue = build_catalogue(2)
    innovation = catalogue["innovation"]
    innovation.logo = "logos/innovations/warm-wonen.webp"
    innovation.save()
    sara = make_user("sara@example.org", password="Saras-eigen-wachtwoord-1")

    archive = tmp_path / "backups" / "hubsi.tar"
    call_command("backup", output=archive, stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # personal data: owner only

    restored_media = tmp_path / "restored-media"
    call_command(
        "restore",
        str(archive),
        database_url=database_url(empty_database),
        media_root=restored_media,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )

    assert row_counts(empty_database) == row_counts(connection.settings_dict)
    with _connect(empty_database) as conn:
        name, logo = conn.execute(
            "SELECT name, logo FROM innovations_innovation WHERE id = %s", [innovation.pk]
        ).fetchone()
        password = conn.execute(
            "SELECT password FROM accounts_user WHERE email = %s", [sara.email]
        ).fetchone()[0]
        # The search configuration and its vectors came along: the restored site can search.
        found = conn.execute(
            "SELECT count(*) FROM innovations_innovation WHERE search_vector @@ "
            "to_tsquery('hubsi_dutch', 'huurders')"
        ).fetchone()[0]
    assert (name, logo) == (innovation.name, innovation.logo.name)
    assert password == sara.password
    assert found == 2
    restored_logo = restored_media / "logos" / "innovations" / "warm-wonen.webp"
    assert restored_logo.read_bytes() == b"RIFF-logo-bytes"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(postgresql, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "hubsi.tar"
    call_command("backup", output=archive, stdout=open(os.devnull, "w"))  # noqa: SIM115
    with pytest.raises(CommandError, match="is not empty"):
        call_command(
            "restore",
            str(archive),
            database_url=database_url(connection.settings_dict),
            media_root=tmp_path / "other-media",
        )


@pytest.mark.django_db(transaction=True)
def test_with_media_in_a_bucket_the_backup_holds_the_database_only_and_says_so(
    postgresql, empty_database, tmp_path, settings, monkeypatch
):
    # The bucket keeps its own versions (docs/operations.md); nothing here contacts it.
    monkeypatch.setenv("MEDIA_BUCKET", "hubsi-media")
    monkeypatch.setenv("MEDIA_ENDPOINT_URL", "http://127.0.0.1:9")
    settings.STORAGES = {**settings.STORAGES, "default": media_storage_from_env(https=False)}
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "left-on-disk.webp").write_bytes(b"RIFF")
    archive, out = tmp_path / "hubsi.tar", io.StringIO()

    call_command("backup", output=archive, stdout=out)

    assert "in the bucket 'hubsi-media'" in out.getvalue()
    with tarfile.open(archive) as tar:
        assert not [name for name in tar.getnames() if name.startswith("media")]
        assert json.load(tar.extractfile("manifest.json"))["media_bucket"] == "hubsi-media"
    # A backup from the time the media were on disk is not restored into the bucket blindly.
    older = tmp_path / "older.tar"
    create_backup(db=connection.settings_dict, media_root=tmp_path / "media", output=older)
    with pytest.raises(CommandError, match="holds 1 media files .* bucket 'hubsi-media'"):
        call_command("restore", str(older), database_url=database_url(empty_database))


def test_backup_explains_that_sqlite_is_copied_instead(tmp_path):
    from hubsi.backups import create_backup

    with pytest.raises(CommandError, match="need PostgreSQL"):
        create_backup(
            db={"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"},
            media_root=tmp_path,
            output=tmp_path / "b.tar",
        )


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    import tarfile

    from hubsi.backups import restore_backup

    archive = tmp_path / "other.tar"
    with tarfile.open(archive, "w"):
        pass
    db = {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}
    with pytest.raises(CommandError):
        restore_backup(archive=archive, db=db, media_root=Path(tmp_path / "m"))
