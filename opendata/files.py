"""The downloadable open-data files: per kind a CSV (RFC 4180, UTF-8, comma, a header row of
the stable field names) and a JSON file, built from the declarations in opendata/kinds.py.

Files are built by a background task (opendata/tasks.py) or `manage.py build_open_data`,
written atomically (a temporary file in the same directory, then a rename) under
`settings.OPEN_DATA_DIR`, and served from there without touching the database.
"""

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from opendata.kinds import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    KINDS,
    TERM,
    TERMS,
    URL,
    OpenKind,
    listed,
    represent,
)

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MANIFEST = "manifest.json"
FORMATS = {"csv": "text/csv; charset=utf-8; header=present", "json": "application/json"}
SEPARATOR = "|"  # between the several values of one CSV cell


def directory() -> Path:
    return Path(settings.OPEN_DATA_DIR)


def path_of(kind_name: str, fmt: str) -> Path:
    return directory() / f"{kind_name}.{fmt}"


def csv_columns(kind: OpenKind) -> list[str]:
    """The CSV header: a term's slug in its field's column, its labels in two more."""
    columns = []
    for f in kind.fields:
        columns.append(f.name)
        if f.type in (TERM, TERMS):
            columns += [f"{f.name}_label_nl", f"{f.name}_label_en"]
    return columns


def csv_row(kind: OpenKind, item: dict) -> list[str]:
    row = []
    for f in kind.fields:
        value = item[f.name]
        if f.type == TERM:
            value = value or {"slug": "", "label_nl": "", "label_en": ""}
            row += [value["slug"], value["label_nl"], value["label_en"]]
        elif f.type == TERMS:
            row += [
                SEPARATOR.join(t[key] for t in value) for key in ("slug", "label_nl", "label_en")
            ]
        elif f.type == BOOLEAN:
            row.append("true" if value else "false")
        else:
            row.append("" if value is None else str(value))
    return row


def items_of(kind: OpenKind):
    """Each published item as its fields' values, in chunks of 500 (each chunk with its
    prefetches), so memory stays bounded whatever the size of the catalogue."""
    queryset = listed(kind).order_by("pk")
    for obj in queryset.iterator(chunk_size=500):
        yield represent(kind, obj)


@contextmanager
def atomic_file(path: Path, mode: str = "w"):
    """A temporary file beside `path`, renamed onto it when complete: readers see the old
    file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        text = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(descriptor, mode, **text) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def build_kind(kind: OpenKind, built_at: str) -> int:
    """Write the kind's CSV and JSON file in one pass over its items; return how many."""
    count = 0
    with (
        atomic_file(path_of(kind.name, "csv")) as csv_file,
        atomic_file(path_of(kind.name, "json")) as json_file,
    ):
        writer = csv.writer(csv_file, lineterminator="\r\n")  # RFC 4180: CRLF, quotes as needed
        writer.writerow(csv_columns(kind))
        head = {"dataset": kind.name, "licence": LICENCE_URL, "built_at": built_at}
        json_file.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "items": [\n')
        for item in items_of(kind):
            writer.writerow(csv_row(kind, item))
            json_file.write((",\n" if count else "") + json.dumps(item, ensure_ascii=False))
            count += 1
        json_file.write(f'\n], "count": {count}}}\n')
    return count


def build_all() -> dict:
    """Build every kind's files and the manifest (when, how many); return the manifest."""
    built_at = timezone.now().replace(microsecond=0).isoformat()
    counts = {kind.name: build_kind(kind, built_at) for kind in KINDS.values()}
    manifest = {"built_at": built_at, "counts": counts}
    with atomic_file(directory() / MANIFEST) as handle:
        json.dump(manifest, handle)
    return manifest


def read_manifest() -> dict | None:
    try:
        return json.loads((directory() / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None


# The JSON schema of a kind's file, derived from its fields --------------------------------

_TERM_SCHEMA = {
    "type": "object",
    "properties": {
        "slug": {"type": "string"},
        "label_nl": {"type": "string"},
        "label_en": {"type": "string"},
    },
    "required": ["slug", "label_nl", "label_en"],
    "additionalProperties": False,
}
_TYPES = {
    INTEGER: {"type": "integer"},
    DATE: {"type": "string", "format": "date"},
    DATETIME: {"type": "string", "format": "date-time"},
    BOOLEAN: {"type": "boolean"},
    URL: {"type": "string"},
    TERM: _TERM_SCHEMA,
    TERMS: {"type": "array", "items": _TERM_SCHEMA},
}


def json_schema(kind: OpenKind) -> dict:
    properties = {}
    for f in kind.fields:
        schema = dict(_TYPES.get(f.type, {"type": "string"}))
        if f.nullable:
            schema = {"anyOf": [schema, {"type": "null"}]}
        properties[f.name] = {**schema, "description": str(f.meaning)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"HUBSI open data: {kind.name}",
        "type": "object",
        "properties": {
            "dataset": {"const": kind.name},
            "licence": {"const": LICENCE_URL},
            "built_at": {"type": "string", "format": "date-time"},
            "count": {"type": "integer"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": properties,
                    "required": [f.name for f in kind.fields],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["dataset", "licence", "built_at", "count", "items"],
    }
