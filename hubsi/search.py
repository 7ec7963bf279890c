"""The portable text search behind every `QuerySet.search(q)`.

Each word of the query must occur in one of the given fields (case-insensitive). This is the
fallback that works on SQLite and PostgreSQL alike; a better engine replaces `search()` alone.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

MAX_QUERY_WORDS = 8
MAX_QUERY_LENGTH = 200


def query_words(q: str) -> list[str]:
    cleaned = "".join(ch if ch.isprintable() else " " for ch in (q or "")[:MAX_QUERY_LENGTH])
    return cleaned.split()[:MAX_QUERY_WORDS]


def word_search(queryset, q: str, fields: list[str]):
    words = query_words(q)
    if not words:
        return queryset
    for word in words:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)))
    return queryset
