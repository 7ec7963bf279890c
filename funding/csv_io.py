"""CSV import and export of funding opportunities: how curators keep the funding map current.

The format is what Excel opens as used in Flanders: UTF-8 with a byte order mark, `;` between
cells, one header line with `COLUMNS`. Several values in one cell are separated by `|` (codes
for roles, stages and regions; slugs for themes and challenges); dates are `YYYY-MM-DD`; an
empty deadline means a rolling call. Import also reads day/month/year dates, which Excel
writes when it saves the file again in Flanders.

Export neutralises cells that a spreadsheet would run as a formula by prefixing a `'`; import
removes that prefix again, so that an export imported unchanged gives the same data.

Import is all or nothing: every row is checked first, and one bad row imports nothing. A row
whose slug exists updates that opportunity, other rows create one. A status column may ask for
a new opportunity to be published; every status change, of a new or an existing one, goes
through `hubsi.services`.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from funding.models import FundingOpportunity
from hubsi import services, vocabulary
from hubsi.models import RESERVED_SLUGS, Actor, Status, transition_allowed
from hubsi.search import update_search_vector
from innovations.models import Challenge, Theme

COLUMNS = [
    "slug",
    "name",
    "funder_name",
    "instrument",
    "amount_min",
    "amount_max",
    "opens_on",
    "deadline",
    "eligible_roles",
    "stages",
    "themes",
    "challenges",
    "regions",
    "url",
    "description",
    "status",
]
DELIMITER = ";"
SEPARATOR = "|"
BOM = "\ufeff"
CODE_COLUMNS = {
    "eligible_roles": vocabulary.HelixRole,
    "stages": vocabulary.Stage,
    "regions": vocabulary.Region,
}
SLUG_COLUMNS = {"themes": Theme, "challenges": Challenge}
MANY_COLUMNS = ["eligible_roles", "stages", "themes", "challenges", "regions"]
TEXT_COLUMNS = ["name", "funder_name", "instrument", "url", "description"]
AMOUNT_COLUMNS = ["amount_min", "amount_max"]
DATE_COLUMNS = ["opens_on", "deadline"]
# Everything but slug and status: what an update compares and writes.
DATA_COLUMNS = [*TEXT_COLUMNS, *AMOUNT_COLUMNS, *DATE_COLUMNS, *MANY_COLUMNS]
IMPORT_STATUSES = [Status.DRAFT, Status.PUBLISHED]
MAX_FILE_SIZE = 5 * 1024 * 1024

# A spreadsheet runs a cell that starts with one of = + - @ (or a tab or carriage return) as a
# formula. Quotes before it are counted too, so that a value that itself starts with `'=` also
# survives the round trip: export adds one quote, import removes one.
_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Excel set to Dutch (Belgium) turns the exported ISO dates into 30/06/2025 when it saves.
_BELGIAN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_validate_url = URLValidator(schemes=["http", "https"])


def neutralise(cell: str) -> str:
    return "'" + cell if _FORMULA_LIKE.match(cell) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA_LIKE.match(cell) else cell


# Export ---------------------------------------------------------------------------------------


def _values(obj: FundingOpportunity) -> dict:
    """An opportunity's data in the shape the import parses a row into (sets for lists)."""
    return {
        "name": obj.name,
        "funder_name": obj.funder_name,
        "instrument": obj.instrument,
        "url": obj.url,
        "description": obj.description,
        "amount_min": obj.amount_min,
        "amount_max": obj.amount_max,
        "opens_on": obj.opens_on,
        "deadline": obj.deadline,
        "eligible_roles": {term.code for term in obj.eligible_roles.all()},
        "stages": {term.code for term in obj.stages.all()},
        "regions": {term.code for term in obj.regions.all()},
        "themes": {theme.slug for theme in obj.themes.all()},
        "challenges": {challenge.slug for challenge in obj.challenges.all()},
    }


def _cells(obj: FundingOpportunity) -> list[str]:
    def number(value):
        return "" if value is None else str(value)

    def date(value):
        return "" if value is None else value.isoformat()

    def many(items, attribute):
        return SEPARATOR.join(getattr(item, attribute) for item in items)

    cells = {
        "slug": obj.slug,
        "name": obj.name,
        "funder_name": obj.funder_name,
        "instrument": obj.instrument,
        "amount_min": number(obj.amount_min),
        "amount_max": number(obj.amount_max),
        "opens_on": date(obj.opens_on),
        "deadline": date(obj.deadline),
        "eligible_roles": many(obj.eligible_roles.all(), "code"),
        "stages": many(obj.stages.all(), "code"),
        "themes": many(obj.themes.all(), "slug"),
        "challenges": many(obj.challenges.all(), "slug"),
        "regions": many(obj.regions.all(), "code"),
        "url": obj.url,
        "description": obj.description,
        "status": obj.status,
    }
    return [neutralise(cells[column]) for column in COLUMNS]


def write_csv(opportunities, out) -> None:
    """Write the opportunities (a QuerySet) to a text stream such as an HttpResponse."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for obj in opportunities.prefetch_related(*MANY_COLUMNS):
        writer.writerow(_cells(obj))


def export_csv(opportunities) -> bytes:
    out = io.StringIO()
    write_csv(opportunities, out)
    return out.getvalue().encode("utf-8")


# Import ---------------------------------------------------------------------------------------


class CsvImportError(Exception):
    """The file cannot be imported; `errors` says why, as "line N: reason" where it can."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


@dataclass
class _Row:
    line: int
    slug: str
    values: dict
    status: str
    existing: FundingOpportunity | None = None
    errors: list = field(default_factory=list)


def _line_error(line: int, reason: str) -> str:
    return _("line %(line)d: %(reason)s") % {"line": line, "reason": reason}


def _read(data: bytes) -> list[tuple[int, dict]]:
    """The file's rows as (line number, {column: cleaned cell}); blank rows are left out."""
    if len(data) > MAX_FILE_SIZE:
        raise CsvImportError([_("The file is larger than 5 MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvImportError(
            [_("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”.")]
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise CsvImportError([_("The file is empty.")]) from None
    except csv.Error as error:
        raise CsvImportError([_line_error(1, str(error))]) from None
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in COLUMNS]
    named = [column for column in header if column]
    if missing or unknown or len(set(named)) != len(named):
        reasons = []
        if missing:
            reasons.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        if unknown:
            reasons.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
        if not missing and not unknown:
            reasons.append(_("a column appears twice"))
        hint = _("The first line must be: %(header)s") % {"header": DELIMITER.join(COLUMNS)}
        raise CsvImportError([_line_error(1, "; ".join(reasons) + ". " + hint)])

    rows, errors = [], []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(_line_error(line, str(error)))
            break
        if any(cell.strip() for cell in cells):
            if len(cells) > len(header) and not any(c.strip() for c in cells[len(header) :]):
                cells = cells[: len(header)]  # spreadsheets sometimes add empty cells
            if len(cells) != len(header):
                errors.append(
                    _line_error(
                        line,
                        _("%(found)d cells instead of %(expected)d")
                        % {"found": len(cells), "expected": len(header)},
                    )
                )
            else:
                row = {}
                for column, cell in zip(header, cells, strict=True):
                    if column:
                        row[column] = unneutralise(cell.strip()).strip()
                rows.append((line, row))
        line = reader.line_num + 1
    if errors:
        raise CsvImportError(errors)
    return rows


def _parse_date(raw: str) -> datetime.date:
    """YYYY-MM-DD, or day/month/year as Excel in Flanders writes it; ValueError otherwise."""
    if _ISO_DATE.fullmatch(raw):
        return datetime.date.fromisoformat(raw)
    if match := _BELGIAN_DATE.fullmatch(raw):
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    raise ValueError(raw)


def _parse(line: int, cells: dict, themes: dict, challenges: dict) -> _Row:
    """Check one row's cells on their own and turn them into Python values."""
    row = _Row(line=line, slug=cells["slug"], values={}, status=cells["status"].lower())
    values, errors = row.values, row.errors

    for column in ["slug", "name", "funder_name", "url"]:
        limit = FundingOpportunity._meta.get_field(column).max_length
        if len(cells[column]) > limit:
            errors.append(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": column, "limit": limit}
            )
    if row.slug:
        try:
            validate_slug(row.slug)
        except ValidationError:
            errors.append(
                _("slug “%(value)s” may only hold letters, digits, - and _") % {"value": row.slug}
            )
        if row.slug in RESERVED_SLUGS:
            errors.append(_("slug “%(value)s” is reserved") % {"value": row.slug})

    for column in ["name", "funder_name", "instrument"]:
        if not cells[column]:
            errors.append(_("%(column)s is required") % {"column": column})
    for column in TEXT_COLUMNS:
        values[column] = cells[column]
    instrument = cells["instrument"]
    if instrument and instrument not in vocabulary.Instrument.values:
        errors.append(
            _("unknown instrument “%(value)s” (use one of %(codes)s)")
            % {"value": instrument, "codes": ", ".join(vocabulary.Instrument.values)}
        )
    if cells["url"]:
        try:
            _validate_url(cells["url"])
        except ValidationError:
            errors.append(
                _("url “%(value)s” is not a web address starting with http:// or https://")
                % {"value": cells["url"]}
            )

    for column in AMOUNT_COLUMNS:
        raw = cells[column]
        # Spaces may group the thousands ("25 000"); whole euros only.
        digits = re.sub(r"\s", "", raw)
        if not raw:
            values[column] = None
        elif digits.isascii() and digits.isdigit() and len(digits) <= 9:
            values[column] = int(digits)
        else:
            errors.append(
                _("%(column)s “%(value)s” is not a whole number of euros")
                % {"column": column, "value": raw}
            )
    for column in DATE_COLUMNS:
        raw = cells[column]
        values[column] = None
        if raw:
            try:
                values[column] = _parse_date(raw)
            except ValueError:
                errors.append(
                    _("%(column)s “%(value)s” is not a date like 2025-03-31")
                    % {"column": column, "value": raw}
                )
    low, high = values.get("amount_min"), values.get("amount_max")
    if low is not None and high is not None and low > high:
        errors.append(_("amount_min is larger than amount_max"))
    opens_on, deadline = values.get("opens_on"), values.get("deadline")
    if opens_on is not None and deadline is not None and opens_on > deadline:
        errors.append(_("the deadline is before opens_on"))

    for column in MANY_COLUMNS:
        items = [item.strip() for item in cells[column].split(SEPARATOR)]
        items = {item for item in items if item}
        values[column] = items
        if column in CODE_COLUMNS:
            known = CODE_COLUMNS[column].values
            unknown = sorted(items - set(known))
            if unknown:
                errors.append(
                    _("unknown code in %(column)s: %(codes)s (use %(known)s)")
                    % {"column": column, "codes": ", ".join(unknown), "known": ", ".join(known)}
                )
        else:
            known = themes if column == "themes" else challenges
            unknown = sorted(items - set(known))
            if unknown:
                errors.append(
                    _("unknown %(column)s: %(slugs)s")
                    % {"column": column, "slugs": ", ".join(unknown)}
                )
    return row


def _check_status(row: _Row) -> None:
    """New rows may start as draft or published; existing ones change only as curators may."""
    current = row.existing.status if row.existing else None
    if not row.status:
        row.status = current or Status.DRAFT
        return
    if row.status == current:
        return
    if row.status not in IMPORT_STATUSES:
        row.errors.append(_("status “%(value)s” is not draft or published") % {"value": row.status})
    elif current and not transition_allowed(source=current, target=row.status, actor=Actor.CURATOR):
        row.errors.append(
            _("status cannot change from “%(source)s” to “%(target)s”")
            % {"source": Status(current).label, "target": Status(row.status).label}
        )


def _unique_slug(name: str, taken: set[str]) -> str:
    base = (slugify(name) or "funding")[:190].strip("-")
    if base in RESERVED_SLUGS:
        base = f"{base}-funding"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _write(obj: FundingOpportunity, values: dict, columns, themes: dict, challenges: dict):
    for column in columns:
        if column not in MANY_COLUMNS:
            setattr(obj, column, values[column])
    obj.save()
    for column in columns:
        if column in CODE_COLUMNS:
            getattr(obj, column).set(values[column])  # the code is the primary key
        elif column in SLUG_COLUMNS:
            lookup = themes if column == "themes" else challenges
            getattr(obj, column).set([lookup[slug] for slug in values[column]])
    update_search_vector(obj)  # in the import's transaction, after the links are set


def import_csv(data: bytes, *, by) -> ImportResult:
    """Create or update funding opportunities from a CSV file, all or nothing.

    Raises CsvImportError with every problem ("line N: reason") and changes nothing when any
    row is bad. Logs each created or changed opportunity for the curation history. The caller
    checks that `by` may add and change opportunities; every status change, also the
    publication of a new opportunity, goes through the publication services, which check it
    again.
    """
    cells_by_line = _read(data)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    challenges = {challenge.slug: challenge for challenge in Challenge.objects.all()}
    rows = [_parse(line, cells, themes, challenges) for line, cells in cells_by_line]

    given = [row.slug for row in rows if row.slug]
    existing = {
        obj.slug: obj
        for obj in FundingOpportunity.objects.filter(slug__in=given).prefetch_related(*MANY_COLUMNS)
    }
    taken = set(FundingOpportunity.objects.values_list("slug", flat=True))
    first_line: dict[str, int] = {}
    for row in rows:
        if row.slug in first_line:
            row.errors.append(
                _("slug “%(slug)s” is also on line %(line)d")
                % {"slug": row.slug, "line": first_line[row.slug]}
            )
        elif row.slug:
            first_line[row.slug] = row.line
        row.existing = existing.get(row.slug)
        _check_status(row)
    taken.update(first_line)
    for row in rows:
        if not row.slug and not row.errors:
            row.slug = _unique_slug(row.values["name"], taken)
            taken.add(row.slug)

    errors = [_line_error(row.line, reason) for row in rows for reason in row.errors]
    if errors:
        raise CsvImportError(errors)

    result = ImportResult()
    with transaction.atomic():
        for row in rows:
            if row.existing is None:
                # New opportunities start as drafts; a published one is then published by the
                # service, as a curator would (publication date, history, search, cache).
                obj = FundingOpportunity(slug=row.slug, status=Status.DRAFT)
                _write(obj, row.values, DATA_COLUMNS, themes, challenges)
                _log(obj, by=by, flag=ADDITION, message="Created by CSV import")
                _change_status(obj, row, by=by)
                result.created.append(obj)
                continue
            obj = row.existing
            before = _values(obj)
            changed = [column for column in DATA_COLUMNS if row.values[column] != before[column]]
            if changed:
                _write(obj, row.values, changed, themes, challenges)
                message = "Updated by CSV import: " + ", ".join(changed)
                _log(obj, by=by, flag=CHANGE, message=message)
            if _change_status(obj, row, by=by):
                changed.append("status")
            (result.updated if changed else result.unchanged).append(obj)
    return result


def _log(obj: FundingOpportunity, *, by, flag: int, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=by.pk, queryset=[obj], action_flag=flag, change_message=message, single_object=True
    )


def _change_status(obj: FundingOpportunity, row: _Row, *, by) -> bool:
    """Move `obj` to the row's status through the publication services; False if it has it."""
    if row.status == obj.status:
        return False
    service = {
        Status.PUBLISHED: services.content_publish,
        Status.DRAFT: services.content_restore,
    }[row.status]
    try:
        service(obj=obj, by=by)
    except (ValidationError, PermissionDenied) as error:
        # Leaving the import's atomic block with an exception rolls back the whole import.
        reason = " ".join(getattr(error, "messages", [str(error)]))
        raise CsvImportError([_line_error(row.line, reason)]) from None
    return True
