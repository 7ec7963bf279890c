"""Text search behind every `QuerySet.search(q)`: PostgreSQL full-text search, or a fallback.

On PostgreSQL, innovations, supporters, places and funding opportunities keep a weighted
`tsvector` in their `search_vector` column (GIN-indexed). It cannot be a generated column,
because it holds the names of linked challenges and themes from other tables: code that changes
content calls `update_search_vector(obj)` in the same transaction, after saving the object and
its many-to-many links, and `reindex()` rebuilds whole tables with one UPDATE per model
(`manage.py reindex_search`). A query word matches its stem in Dutch or English, or any word
that starts with it; when nothing matches at all, names that look like the query (pg_trgm) are
found instead, for typos. See docs/search.md.

On SQLite every word of the query must occur in one of the same fields (case-insensitive): the
same interface without stemming, ranking, typo tolerance or highlighting.
"""

import array
import hashlib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.postgres.search import (
    SearchConfig,
    SearchHeadline,
    SearchQueryField,
    SearchRank,
)
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.functions import Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from hubsi.caching import catalogue_version

# Ranked matches are kept this long on the shared cache; the catalogue version in the key makes
# them stale at once when public content changes, so this only bounds memory use.
MATCHES_TIMEOUT = 600
MAX_QUERY_WORDS = 8
MAX_QUERY_LENGTH = 200
EXCERPT_WORDS = 30

# Text search configurations created by the hubsi migration `0004_search_configuration`:
# copies of PostgreSQL's own with `unaccent` before the stemmer, so "financiele" finds
# "financiële"; `hubsi_simple` folds accents and case without stemming, for prefixes.
CONFIGS = {"nl": "hubsi_dutch", "en": "hubsi_english"}
DEFAULT_CONFIG = CONFIGS["nl"]
PREFIX_CONFIG = "hubsi_simple"

# Marks around highlighted words that cannot occur in stored text (they are removed from it
# before highlighting), so the text can be HTML-escaped first and the marks turned into <mark>.
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchSpec:
    """What one model's search text is made of.

    `weights` maps a weight (A highest to D) to the model's own text columns; `links` names
    many-to-many fields to challenges or themes, whose Dutch and English names count with
    weight B; `language_field` holds the content's language (`nl` or `en`), else it is Dutch.
    """

    weights: dict[str, tuple[str, ...]]
    links: tuple[str, ...] = ()
    language_field: str | None = None
    excerpt_field: str = "description"
    name_field: str = "name"
    subtitle_field: str | None = None
    fields: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        local = tuple(column for columns in self.weights.values() for column in columns)
        linked = tuple(f"{link}__{name}" for link in self.links for name in ("name_nl", "name_en"))
        object.__setattr__(self, "fields", local + linked)


SPECS: dict[str, SearchSpec] = {
    "innovations.innovation": SearchSpec(
        weights={
            "A": ("name",),
            "B": ("tagline",),
            "C": ("problem", "systemic_view"),
            "D": ("organisation_name", "approach", "target_group", "impact"),
        },
        # An innovation's themes follow from its challenges; the specific challenge names
        # are what describes it (and the theme filter finds the rest).
        links=("challenges",),
        language_field="language",
        excerpt_field="problem",
        subtitle_field="tagline",
    ),
    "supporters.supporter": SearchSpec(
        weights={"A": ("name",), "C": ("description",)},
        links=("challenges", "themes"),
    ),
    "supporters.experimentationspace": SearchSpec(
        weights={
            "A": ("name",),
            "C": ("description",),
            "D": ("municipality", "facilities", "access"),
        },
        links=("challenges", "themes"),
    ),
    "learning.learningoffer": SearchSpec(
        weights={"A": ("name",), "C": ("description",), "D": ("location", "price_note")},
        links=("challenges", "themes"),
        language_field="language",
    ),
    "funding.fundingopportunity": SearchSpec(
        weights={"A": ("name",), "C": ("description",), "D": ("funder_name",)},
        links=("challenges", "themes"),
    ),
}


def spec_for(model) -> SearchSpec:
    return SPECS[model._meta.label_lower]


def searchable_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in SPECS]


def _is_postgres(using: str) -> bool:
    return connections[using].vendor == "postgresql"


# Query words -------------------------------------------------------------------------------


def query_words(q: str) -> list[str]:
    """The words of a query as typed (for display and the portable search)."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in (q or "")[:MAX_QUERY_LENGTH])
    return cleaned.split()[:MAX_QUERY_WORDS]


def query_terms(q: str) -> list[str]:
    """Lower-case runs of letters and digits: nothing that the tsquery syntax could read."""
    text = " ".join(query_words(q)).lower()
    return re.findall(r"[^\W_]+", text)[:MAX_QUERY_WORDS]


# Search ------------------------------------------------------------------------------------


def search(queryset, q: str):
    """`queryset` narrowed to what matches `q`; on PostgreSQL annotated with `search_rank`.

    Empty queries change nothing. On PostgreSQL every term must match (its stem in Dutch or
    English, or the start of a word); when nothing in `queryset` matches that way, the items
    whose name looks like the query are found instead, ranked by likeness. `by_relevance()`
    orders by the rank.
    """
    if not query_words(q):
        return queryset
    spec = spec_for(queryset.model)
    if not _is_postgres(queryset.db):
        return word_search(queryset, q, list(spec.fields))
    terms = query_terms(q)
    if not terms:
        return queryset.none()
    query = TextQuery(terms)
    matches = Matches(F("search_vector"), query)
    looks_like = TrigramWordMatches(Value(" ".join(terms)), F(spec.name_field))
    likeness = Func(
        Value(" ".join(terms)),
        F(spec.name_field),
        function="word_similarity",
        output_field=FloatField(),
    )
    # The typo fallback applies only when the full-text query finds nothing in the queryset as
    # it was given (published, say): one uncorrelated subquery the database runs once.
    nothing_found = ~Exists(queryset.filter(matches))
    return queryset.filter(Q(matches) | (Q(nothing_found) & Q(looks_like))).annotate(
        search_rank=Case(
            When(matches, then=SearchRank(F("search_vector"), query)),
            default=likeness,
            output_field=FloatField(),
        )
    )


def is_ranked(queryset) -> bool:
    return "search_rank" in queryset.query.annotations


def by_relevance(queryset, *then):
    """Best matches first (PostgreSQL), then `then`; unchanged when there is no rank."""
    if not is_ranked(queryset):
        return queryset
    return queryset.order_by(F("search_rank").desc(), *(then or ("pk",)))


def ranked_matches(queryset) -> list[tuple[int, float]]:
    """Every match of a ranked search as (primary key, rank), best first (ties by key).

    One query reads every match's key and rank: that gives the count, the best few and the
    order of a whole list. For a common word that is most of the table (tens of thousands of
    rows read), so the answer is kept on the shared cache per query (its SQL, which holds the
    normalised terms and every filter) and catalogue version: `/search/` and the list's pages,
    sorts and facet clicks for the same words share it, and any change to public content makes
    it stale at once. Callers still read the items they show through `published()`.
    """
    ordered = queryset.order_by(F("search_rank").desc(), "pk").values_list("pk", "search_rank")
    sql, params = ordered.query.sql_with_params()
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    key = f"search:v{catalogue_version()}:{queryset.db}:{digest}"
    stored = cache.get(key)
    if stored is not None:
        pks, ranks = array.array("q"), array.array("f")
        pks.frombytes(stored[0])
        ranks.frombytes(stored[1])
        return list(zip(pks, ranks, strict=True))
    # Sorted by the database and read with a plain cursor: Django's row iteration costs more
    # than the query for tens of thousands of rows.
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    pks = array.array("q", (pk for pk, _rank in found))
    # Ranks are `real` (ts_rank, word_similarity): four bytes keep them, and the answer is
    # returned from the stored form, so a cached answer equals a fresh one.
    ranks = array.array("f", (rank for _pk, rank in found))
    cache.set(key, (pks.tobytes(), ranks.tobytes()), MATCHES_TIMEOUT)
    return list(zip(pks, ranks, strict=True))


def word_search(queryset, q: str, fields: list[str]):
    """The portable search: every word occurs in one of `fields` (case-insensitive).

    Fields across a many-to-many relation are matched in a subquery, so no item is repeated.
    """
    words = query_words(q)
    if not words:
        return queryset
    model = queryset.model

    def occurs(field_name: str, word: str) -> Q:
        lookup = {f"{field_name}__icontains": word}
        if "__" in field_name:
            return Q(pk__in=model._default_manager.filter(**lookup).values("pk"))
        return Q(**lookup)

    for word in words:
        queryset = queryset.filter(reduce(or_, (occurs(f, word) for f in fields)))
    return queryset


class TextQuery(models.Expression):
    """The tsquery for some terms: every term must match, in Dutch or in English.

    A term matches its stem in that language's configuration or, unstemmed, the start of any
    word ("energ" finds "energiearmoede"); a stop word of the language is left out. All of it
    is constant, so PostgreSQL computes the query once and can use the GIN index.
    """

    output_field = SearchQueryField()

    def __init__(self, terms: list[str]):
        super().__init__()
        self.terms = tuple(terms)

    def __repr__(self):
        return f"{self.__class__.__name__}({self.terms!r})"

    def as_sql(self, compiler, connection):
        languages, params = [], []
        for config in CONFIGS.values():
            term_sql = []
            for term in self.terms:
                term_sql.append(
                    f"(CASE WHEN length(to_tsvector('{config}', %s)) = 0 "
                    f"THEN to_tsquery('{config}', %s) "
                    f"ELSE to_tsquery('{config}', %s) || to_tsquery('{PREFIX_CONFIG}', %s) END)"
                )
                params += [term, term, term, f"{term}:*"]
            languages.append("(" + " && ".join(term_sql) + ")")
        return "(" + " || ".join(languages) + ")", params


class Matches(Func):
    """`vector @@ query`, usable in `filter()`."""

    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


class TrigramWordMatches(Func):
    """`text <% column`: some words of the column look like the text (pg_trgm, indexed).

    The threshold is `pg_trgm.word_similarity_threshold` (0.6 unless the database says
    otherwise), so the trigram GIN index on the name answers it.
    """

    template = "(%(expressions)s)"
    arg_joiner = " <%% "
    output_field = BooleanField()


# Highlighting ------------------------------------------------------------------------------


def with_highlights(queryset, q: str):
    """Annotate `name_highlighted`, `excerpt_highlighted` (and `subtitle_highlighted`, the
    tagline) for the search results page.

    On PostgreSQL (ts_headline) the matching words are marked; on SQLite nothing is added and
    `highlighted()` shows the name and a plain, shortened excerpt.
    """
    terms = query_terms(q)
    spec = SPECS.get(queryset.model._meta.label_lower)
    if not terms or spec is None or not _is_postgres(queryset.db):
        return queryset
    query = TextQuery(terms)
    if spec.language_field:
        config = Case(
            *(
                When(**{spec.language_field: code}, then=Value(name))
                for code, name in CONFIGS.items()
            ),
            default=Value(DEFAULT_CONFIG),
        )
    else:
        config = Value(DEFAULT_CONFIG)

    def headline(field_name: str, **options):
        return SearchHeadline(
            _without_marks(field_name),
            query,
            config=SearchConfig(config),
            start_sel=_START,
            stop_sel=_STOP,
            **options,
        )

    if spec.subtitle_field:
        queryset = queryset.annotate(
            subtitle_highlighted=headline(spec.subtitle_field, highlight_all=True)
        )
    return queryset.annotate(
        name_highlighted=headline(spec.name_field, highlight_all=True),
        excerpt_highlighted=headline(
            spec.excerpt_field,
            max_words=EXCERPT_WORDS,
            min_words=20,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )


def _without_marks(field_name: str):
    return Replace(Replace(F(field_name), Value(_START), Value("")), Value(_STOP), Value(""))


def _marked(text: str) -> SafeString:
    """HTML-escape the text, then turn the highlight sentinels into <mark> elements."""
    html = escape(text)
    return mark_safe(html.replace(_START, "<mark>").replace(_STOP, "</mark>"))


def highlighted(obj) -> dict[str, SafeString | str]:
    """The name and an excerpt of a search result: safe HTML with <mark> where available,
    else plain text (which the template escapes)."""
    spec = SPECS.get(obj._meta.label_lower) or SearchSpec(weights={})
    subtitle = getattr(obj, spec.subtitle_field) if spec.subtitle_field else ""
    if hasattr(obj, "name_highlighted"):
        return {
            "name": _marked(obj.name_highlighted or getattr(obj, spec.name_field)),
            "subtitle": _marked(getattr(obj, "subtitle_highlighted", None) or subtitle or ""),
            "excerpt": _marked(obj.excerpt_highlighted or ""),
        }
    text = getattr(obj, spec.excerpt_field, "") or ""
    return {
        "name": getattr(obj, spec.name_field),
        "subtitle": subtitle,
        "excerpt": Truncator(" ".join(text.split())).words(EXCERPT_WORDS),
    }


# Keeping the vectors current ---------------------------------------------------------------


def update_search_vector(obj: models.Model) -> None:
    """Recompute the stored search text after `obj` changed. A no-op on SQLite.

    Call it after saving the object *and* its many-to-many links, inside the same transaction
    (services, admin, self-service editing do). For an innovation, supporter, place or funding
    opportunity it updates that item; for a challenge or a theme (renamed by staff) it updates
    every item linked to it, since their vectors hold its names.
    """
    using = obj._state.db or DEFAULT_DB_ALIAS
    if not _is_postgres(using):
        return
    label = obj._meta.label_lower
    if label in SPECS:
        vectors = _update(type(obj), "%s", [obj.pk], using=using, returning=True)
        if obj.pk in vectors:
            obj.search_vector = vectors[obj.pk]
        return
    if label not in ("innovations.challenge", "innovations.theme"):
        raise TypeError(f"{obj._meta.label} has no search vector.")
    for model in searchable_models():
        scope, params = _linked_scope(model, obj, using)
        if scope:
            _update(model, scope, params, using=using, changed_only=True)


def reindex(model, *, only_missing: bool = False, using: str = DEFAULT_DB_ALIAS) -> int:
    """Recompute the vectors of a whole table in one UPDATE; return how many changed.

    `only_missing` limits it to rows without a vector (after bulk inserts). 0 on SQLite.
    """
    if not _is_postgres(using):
        return 0
    scope = None
    if only_missing:
        scope = f"SELECT id FROM {_table(model, using)} WHERE search_vector IS NULL"
    return _update(model, scope, [], using=using, changed_only=True)


def _table(model, using: str) -> str:
    return connections[using].ops.quote_name(model._meta.db_table)


def _linked_scope(model, obj, using: str) -> tuple[str | None, list]:
    """SQL selecting the ids of `model` rows whose vector holds the name of `obj`."""
    qn = connections[using].ops.quote_name
    spec = spec_for(model)
    is_theme = obj._meta.label_lower == "innovations.theme"
    parts, params = [], []
    for link in spec.links:
        m2m = model._meta.get_field(link)
        through = m2m.remote_field.through._meta.db_table
        source, target = m2m.m2m_column_name(), m2m.m2m_reverse_name()
        target_model = m2m.remote_field.model._meta.label_lower
        if target_model == obj._meta.label_lower:
            parts.append(f"SELECT {qn(source)} FROM {qn(through)} WHERE {qn(target)} = %s")
            params.append(obj.pk)
        elif is_theme and target_model == "innovations.challenge":
            challenges = m2m.remote_field.model._meta.db_table
            parts.append(
                f"SELECT {qn(source)} FROM {qn(through)} WHERE {qn(target)} IN "
                f"(SELECT id FROM {qn(challenges)} WHERE theme_id = %s)"
            )
            params.append(obj.pk)
    return (" UNION ".join(parts) or None), params


def _update(
    model,
    scope: str | None,
    params: list,
    *,
    using: str,
    returning: bool = False,
    changed_only: bool = False,
):
    """One UPDATE computing `search_vector` for the rows whose id is in `scope` (or all).

    The new vectors are computed in a subquery: staff names are aggregated per item first
    (`string_agg`, one pass over each link table), then weighted and concatenated. With
    `changed_only`, rows whose vector would not change are not written (a reindex then costs
    a read, not a rewrite of every row and index). Returns the number of rows written, or
    with `returning` the new vectors by id.
    """
    connection = connections[using]
    qn = connection.ops.quote_name
    spec = spec_for(model)
    table = _table(model, using)
    if spec.language_field:
        column = qn(model._meta.get_field(spec.language_field).column)
        cases = " ".join(
            f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in CONFIGS.items()
        )
        config = f"(CASE s.{column} {cases} ELSE '{DEFAULT_CONFIG}'::regconfig END)"
    else:
        config = f"'{DEFAULT_CONFIG}'::regconfig"

    def text(columns) -> str:
        return " || ' ' || ".join(
            f"coalesce(s.{qn(model._meta.get_field(name).column)}, '')" for name in columns
        )

    ctes, joins, by_weight = [], [], {weight: [] for weight in "ABCD"}
    for weight, columns in spec.weights.items():
        by_weight[weight].append(f"setweight(to_tsvector({config}, {text(columns)}), '{weight}')")
    all_params: list = []
    for index, link in enumerate(spec.links):
        m2m = model._meta.get_field(link)
        through = qn(m2m.remote_field.through._meta.db_table)
        source, target = qn(m2m.m2m_column_name()), qn(m2m.m2m_reverse_name())
        names = qn(m2m.remote_field.model._meta.db_table)
        alias = f"names_{index}"
        where = ""
        if scope:
            where = f"WHERE link.{source} IN ({scope})"
            all_params += params
        ctes.append(
            f"{alias} AS (SELECT link.{source} AS id, string_agg(x.name_nl, ' ') AS nl, "
            f"string_agg(x.name_en, ' ') AS en FROM {through} AS link "
            f"JOIN {names} AS x ON x.id = link.{target} {where} GROUP BY link.{source})"
        )
        joins.append(f"LEFT JOIN {alias} ON {alias}.id = s.id")
        # Staff data has both languages: each name is stemmed in its own.
        by_weight["B"].append(
            f"setweight(to_tsvector('{CONFIGS['nl']}', coalesce({alias}.nl, '')) || "
            f"to_tsvector('{CONFIGS['en']}', coalesce({alias}.en, '')), 'B')"
        )
    vector = " || ".join(part for weight in "ABCD" for part in by_weight[weight])
    new = f"SELECT s.id, {vector} AS vector FROM {table} AS s {' '.join(joins)}"
    if scope:
        new += f" WHERE s.id IN ({scope})"
        all_params += params
    sql = (
        (f"WITH {', '.join(ctes)} " if ctes else "")
        + f"UPDATE {table} AS t SET search_vector = new.vector FROM ({new}) AS new "
        + "WHERE t.id = new.id"
        + (" AND t.search_vector IS DISTINCT FROM new.vector" if changed_only else "")
        + (" RETURNING t.id, t.search_vector" if returning else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        if returning:
            return dict(cursor.fetchall())
        return cursor.rowcount
