"""Read the demo content in demo/data/ and add what is missing to the database.

Each file holds one kind of content as an array of tables (`[[innovation]]`, `[[supporter]]`...)
whose keys are the model's field names, plus a few shorthands (`site`, `opens_in_days`...)
explained at the top of the file that uses them. Codes come from hubsi/vocabulary.py; other
items are referred to by slug. Every file is read and checked before anything is written: an
unknown key, vocabulary code or slug raises DemoError naming the file, the item and the value.

Items are keyed by slug: what exists is never changed, so seeding twice adds nothing. All
names, organisations and addresses are invented; websites and emails use `.example`.
"""

import datetime
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from funding.models import FundingOpportunity, today
from hubsi import vocabulary
from hubsi.models import Status
from innovations.models import Challenge, Innovation, Theme
from learning.models import LearningOffer, Practice
from supporters.models import ExperimentationSpace, Supporter

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCH_SIZE = 5000

# A model instance to insert and, per many-to-many field name, the primary keys to link to it.
Row = tuple[models.Model, dict[str, Iterable]]


class DemoError(ValueError):
    """Demo content that cannot be loaded or generated; for a data file, the message names the
    file, the item and the value."""


def contact(site: str) -> dict[str, str]:
    return {"website": f"https://{site}.example", "contact_email": f"info@{site}.example"}


def days_from_today(field_name: str) -> Callable[[int], dict[str, datetime.date]]:
    return lambda days: {field_name: today() + datetime.timedelta(days=days)}


@dataclass(frozen=True)
class Kind:
    """One data file: the model its items become and what each key may hold."""

    label: str  # as the command's summary counts it
    file: str
    table: str  # the name of the array of tables: [[innovation]]
    model: type[models.Model]
    required: tuple[str, ...]
    plain: tuple[str, ...] = ()  # texts, numbers and flags, stored as they are
    # A code, or a list of codes, from hubsi/vocabulary.py.
    codes: dict[str, type[models.TextChoices]] = field(default_factory=dict)
    # A slug, or a list of slugs, of the items of another file.
    refs: dict[str, str] = field(default_factory=dict)
    # Keys that are not fields: each gives field values.
    shorthands: dict[str, Callable[[Any], dict]] = field(default_factory=dict)
    # Field values from the slug and the item's position in its file.
    derived: Callable[[str, int], dict] | None = None
    # Publishable content: how many days ago the n-th item of its status group was published
    # (distinct dates, so that sorting by "recent" means something).
    days_ago: Callable[[int], float] | None = None
    # Extra values of the rows of a many-to-many relation with its own through model.
    through_defaults: dict[str, dict] = field(default_factory=dict)

    def path(self, directory: Path) -> Path:
        return directory / self.file


BILINGUAL = ("name_nl", "name_en", "description_nl", "description_en")
COMMON_CODES = {"regions": vocabulary.Region, "stages": vocabulary.Stage, "status": Status}

# In loading order: a file comes after the files it refers to.
KINDS = (
    Kind(
        "themes",
        "themes.toml",
        "theme",
        Theme,
        required=("name_nl", "name_en"),
        plain=BILINGUAL,
        derived=lambda slug, position: {"position": position},
    ),
    Kind(
        "challenges",
        "challenges.toml",
        "challenge",
        Challenge,
        required=("theme", "name_nl", "name_en"),
        plain=BILINGUAL,
        refs={"theme": "themes.toml"},
    ),
    Kind(
        "innovations",
        "innovations.toml",
        "innovation",
        Innovation,
        required=("name", "organisation_name", "organisation_role", "stage", "problem", "site"),
        plain=(
            "name",
            "featured",
            "organisation_name",
            "tagline",
            "problem",
            "systemic_view",
            "approach",
            "target_group",
            "impact",
            "curator_note",
        ),
        codes={
            "status": Status,
            "language": vocabulary.ContentLanguage,
            "organisation_role": vocabulary.HelixRole,
            "stage": vocabulary.Stage,
            "regions": vocabulary.Region,
            "partner_roles": vocabulary.HelixRole,
            "needs": vocabulary.SupportType,
            "wanted_roles": vocabulary.HelixRole,
        },
        refs={"challenges": "challenges.toml"},
        shorthands={"site": contact},
        days_ago=lambda n: 1 + 3 * n + (n % 5) / 7,
    ),
    Kind(
        "supporters",
        "supporters.toml",
        "supporter",
        Supporter,
        required=("name", "helix_role", "description", "site"),
        plain=("name", "description"),
        codes={
            **COMMON_CODES,
            "helix_role": vocabulary.HelixRole,
            "offers": vocabulary.SupportType,
        },
        refs={"challenges": "challenges.toml", "themes": "themes.toml"},
        shorthands={"site": contact},
        days_ago=lambda n: 2 + 5 * n,
    ),
    Kind(
        "experimentation places",
        "spaces.toml",
        "space",
        ExperimentationSpace,
        required=("name", "host", "description", "municipality", "region"),
        plain=("name", "municipality", "open_to_citizens", "description", "facilities", "access"),
        codes={"status": Status, "region": vocabulary.Region},
        refs={"host": "supporters.toml", "themes": "themes.toml", "challenges": "challenges.toml"},
        days_ago=lambda n: 3 + 8 * n,
    ),
    Kind(
        "funding opportunities",
        "funding.toml",
        "funding",
        FundingOpportunity,
        required=("name", "funder_name", "instrument"),
        plain=("name", "funder_name", "amount_min", "amount_max", "description"),
        codes={
            **COMMON_CODES,
            "instrument": vocabulary.Instrument,
            "eligible_roles": vocabulary.HelixRole,
        },
        refs={
            "funder": "supporters.toml",
            "challenges": "challenges.toml",
            "themes": "themes.toml",
        },
        shorthands={
            "opens_in_days": days_from_today("opens_on"),
            "deadline_in_days": days_from_today("deadline"),
        },
        derived=lambda slug, position: {"url": f"https://example.org/oproepen/{slug}"},
        days_ago=lambda n: 1 + 4 * n,
    ),
    Kind(
        "learning offers",
        "learning.toml",
        "offer",
        LearningOffer,
        required=("name", "provider", "format", "competences", "description", "regions"),
        plain=(
            "name",
            "description",
            "online",
            "location",
            "start_time",
            "end_time",
            "price",
            "price_note",
        ),
        codes={
            **COMMON_CODES,
            "language": vocabulary.ContentLanguage,
            "format": vocabulary.LearningFormat,
            "competences": vocabulary.Competence,
            "audiences": vocabulary.HelixRole,
        },
        refs={
            "provider": "supporters.toml",
            "space": "spaces.toml",
            "challenges": "challenges.toml",
            "themes": "themes.toml",
        },
        shorthands={
            "starts_in_days": days_from_today("start_date"),
            "ends_in_days": days_from_today("end_date"),
            "register_within_days": days_from_today("registration_deadline"),
        },
        derived=lambda slug, position: {
            "registration_url": f"https://example.org/inschrijven/{slug}"
        },
        days_ago=lambda n: 1 + 2 * n,
    ),
    Kind(
        "practices",
        "practices.toml",
        "practice",
        Practice,
        required=("name_nl", "name_en", "summary_nl", "summary_en", "what_nl", "what_en"),
        plain=tuple(
            f"{text}_{language}"
            for text in ("name", "summary", "what", "when", "how", "pitfalls")
            for language in ("nl", "en")
        )
        + ("sources",),
        codes={
            "roles": vocabulary.HelixRole,
            "instruments": vocabulary.Instrument,
            "stages": vocabulary.Stage,
        },
        refs={
            "challenges": "challenges.toml",
            "themes": "themes.toml",
            "innovations": "innovations.toml",
        },
        # The innovations named in the file apply the practice: confirmed links.
        through_defaults={"innovations": {"confirmed": True}},
    ),
)


# Reading and checking.


def read(directory: Path = DATA_DIR) -> dict[str, list[dict]]:
    """Every kind's items, per file name, after checking them all."""
    data = {kind.file: read_file(kind, directory) for kind in KINDS}
    slugs = {file: {item["slug"] for item in items} for file, items in data.items()}
    for kind in KINDS:
        for item in data[kind.file]:
            check_item(kind, item, slugs, directory)
    return data


def read_file(kind: Kind, directory: Path) -> list[dict]:
    path = kind.path(directory)
    try:
        with path.open("rb") as file:
            document = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoError(f"{path}: {error}") from error
    if set(document) - {kind.table}:
        raise DemoError(
            f"{path}: only [[{kind.table}]] tables belong here, not {sorted(document)}."
        )
    items = document.get(kind.table, [])
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        slug = item.get("slug")
        if not isinstance(slug, str) or not slug:
            raise DemoError(f"{path}, {kind.table} number {number}: it has no slug.")
        if slug in seen:
            raise DemoError(f"{path}, {kind.table} {slug!r}: this slug is used twice.")
        seen.add(slug)
    return items


def check_item(kind: Kind, item: dict, slugs: dict[str, set[str]], directory: Path) -> None:
    def fail(problem: str) -> DemoError:
        return DemoError(f"{kind.path(directory)}, {kind.table} {item['slug']!r}: {problem}")

    known = {"slug", *kind.plain, *kind.codes, *kind.refs, *kind.shorthands}
    for key in item.keys() - known:
        raise fail(f"unknown key {key!r} (expected one of: {', '.join(sorted(known))}).")
    for key in kind.required:
        if key not in item:
            raise fail(f"{key!r} is missing.")
    for key, choices in kind.codes.items():
        for value in strings(kind, item, key, fail):
            if value not in choices.values:
                raise fail(
                    f"unknown {key} code {value!r} (the {choices.__name__} codes are: "
                    f"{', '.join(choices.values)})."
                )
    for key, file in kind.refs.items():
        for value in strings(kind, item, key, fail):
            if value not in slugs[file]:
                raise fail(f"{key}: no item in {file} has the slug {value!r}.")


def strings(kind: Kind, item: dict, key: str, fail: Callable[[str], DemoError]) -> list[str]:
    """The value of a code or reference key as a list: a list for a many-to-many field."""
    if key not in item:
        return []
    many = kind.model._meta.get_field(key).many_to_many
    values = item[key] if many else [item[key]]
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise fail(f"{key} must be {'a list of strings' if many else 'a string'}.")
    return values


# Inserting.


def insert_rows(
    model: type[models.Model], rows: Sequence[Row], through_defaults: dict | None = None
) -> None:
    """bulk_create the instances, then the through rows of their many-to-many relations."""
    if not rows:
        return
    objs = model.objects.bulk_create([obj for obj, _ in rows], batch_size=BATCH_SIZE)
    if objs[0].pk is None:
        raise DemoError(
            "This database does not return primary keys from bulk inserts: "
            "use PostgreSQL, or SQLite 3.35 or newer."
        )
    for name in sorted({name for _, links in rows for name in links}):
        relation = model._meta.get_field(name)
        through = relation.remote_field.through
        source = f"{relation.m2m_field_name()}_id"
        target = f"{relation.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            [
                through(**{source: obj.pk, target: pk}, **(through_defaults or {}).get(name, {}))
                for obj, links in rows
                for pk in dict.fromkeys(links.get(name, ()))  # de-duplicated, order kept
            ],
            batch_size=BATCH_SIZE,
        )


def insert_missing(
    model: type[models.Model], rows: Sequence[Row], through_defaults: dict | None = None
) -> int:
    """Insert the rows whose slug is not taken yet: what exists is never changed."""
    slugs = [obj.slug for obj, _ in rows]
    existing = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [row for row in rows if row[0].slug not in existing]
    insert_rows(model, missing, through_defaults)
    return len(missing)


def publication(status: str, now: datetime.datetime, days_ago: float) -> dict[str, Any]:
    """Status and dates: published items get a publication date, the others only a creation date."""
    moment = now - datetime.timedelta(days=days_ago)
    if status == Status.PUBLISHED:
        return {
            "status": status,
            "published_at": moment,
            "created_at": moment - datetime.timedelta(days=9),
        }
    return {"status": status, "published_at": None, "created_at": moment}


def build(
    kind: Kind, item: dict, ids: dict[str, dict[str, int]], extra: dict[str, Any]
) -> Row | None:
    """The instance and its links; None when the parent it needs is not in the database."""
    values: dict[str, Any] = {"slug": item["slug"], **extra}
    links: dict[str, list] = {}
    for key, value in item.items():
        if key in kind.shorthands:
            values.update(kind.shorthands[key](value))
            continue
        if key in ("slug", "status"):  # already in values
            continue
        relation = kind.model._meta.get_field(key)
        if key in kind.refs:
            pks = ids[kind.refs[key]]
            if relation.many_to_many:
                # Only the slugs that exist: a curator may have renamed one.
                links[key] = [pks[slug] for slug in value if slug in pks]
            elif value in pks or relation.null:
                values[relation.attname] = pks.get(value)
            else:
                return None
        elif relation.many_to_many:
            links[key] = value
        else:
            values[key] = value
    return kind.model(**values), links


def seed(now: datetime.datetime, directory: Path = DATA_DIR) -> dict[str, int]:
    """Add the demo content that is missing; return how many of each kind were added."""
    data = read(directory)
    referred = {file for kind in KINDS for file in kind.refs.values()}
    ids: dict[str, dict[str, int]] = {}
    created: dict[str, int] = {}
    with transaction.atomic():
        for kind in KINDS:
            rows = []
            group_sizes: Counter[bool] = Counter()
            for position, item in enumerate(data[kind.file]):
                extra = kind.derived(item["slug"], position) if kind.derived else {}
                if kind.days_ago:
                    status = item.get("status", Status.PUBLISHED)
                    group = status == Status.PUBLISHED
                    extra |= publication(status, now, kind.days_ago(group_sizes[group]))
                    group_sizes[group] += 1
                row = build(kind, item, ids, extra)
                if row is not None:
                    rows.append(row)
            created[kind.label] = insert_missing(kind.model, rows, kind.through_defaults)
            if kind.file in referred:
                ids[kind.file] = dict(kind.model.objects.values_list("slug", "pk"))
    return created
