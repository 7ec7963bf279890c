"""PostgreSQL text search: the extensions and the configurations hubsi/search.py uses.

`hubsi_dutch` and `hubsi_english` are copies of PostgreSQL's `dutch` and `english` that remove
accents before stemming ("financiële" and "financiele" give the same lexeme); `hubsi_simple`
only folds accents and case, for matching the start of words. Nothing happens on SQLite.
Both extensions are "trusted" since PostgreSQL 13: the database owner may create them.
"""

from django.db import migrations

CONFIGURATIONS = {
    "hubsi_dutch": ("dutch", "dutch_stem"),
    "hubsi_english": ("english", "english_stem"),
    "hubsi_simple": ("simple", "simple"),
}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (source, dictionary) in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop_configurations(apps, schema_editor):
    # The extensions stay: other objects in the database may use them.
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("hubsi", "0003_selfservice_records")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
