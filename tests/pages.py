"""The one registry of page types. Every page-wide check (query counts, accessibility, HTML
validity, security headers, hostile input) iterates over it, so a page registered here is
covered by all of them. Each issue that adds a page adds it here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class PageType:
    name: str
    url: Callable[[dict], str]  # builds the URL from the catalogue fixture's objects
    audience: str = "anyone"  # anyone | signed-in | staff
    status: int = 200
    html: bool = True
    tags: frozenset = field(default_factory=frozenset)


def _reverse(name: str, *args, query: str = "", language: str = "nl") -> str:
    with translation.override(language):
        url = reverse(name, args=args)
    return f"{url}?{query}" if query else url


def _pages(language: str) -> list[PageType]:
    def r(name, *args, query=""):
        return _reverse(name, *args, query=query, language=language)

    suffix = "" if language == "nl" else f"-{language}"
    pages = [
        PageType("home", lambda c: r("home")),
        PageType("innovation-list", lambda c: r("innovations:innovation-list")),
        PageType(
            "innovation-list-filtered",
            lambda c: r(
                "innovations:innovation-list",
                query=f"challenge={c['challenge'].slug}&stage=insight&region=limburg&q=huurders",
            ),
        ),
        PageType(
            "innovation-list-empty",
            lambda c: r("innovations:innovation-list", query="q=zzzzznothing&stage=scaling"),
        ),
        PageType(
            "innovation-detail", lambda c: r("innovations:innovation-detail", c["innovation"].slug)
        ),
        PageType("challenge-list", lambda c: r("innovations:challenge-list")),
        PageType(
            "challenge-list-filtered",
            lambda c: r("innovations:challenge-list", query=f"theme={c['challenge'].theme.slug}"),
        ),
        PageType("challenge-hub", lambda c: r("innovations:challenge-detail", c["challenge"].slug)),
        PageType("supporter-list", lambda c: r("supporters:supporter-list")),
        PageType(
            "supporter-list-filtered",
            lambda c: r("supporters:supporter-list", query="support=coaching&role=knowledge"),
        ),
        PageType(
            "supporter-detail", lambda c: r("supporters:supporter-detail", c["supporter"].slug)
        ),
        PageType("space-list", lambda c: r("supporters:space-list")),
        PageType(
            "space-list-filtered",
            lambda c: r("supporters:space-list", query="open=1&region=limburg"),
        ),
        PageType("space-detail", lambda c: r("supporters:space-detail", c["space"].slug)),
        PageType("funding-list", lambda c: r("funding:funding-list")),
        PageType("funding-list-open", lambda c: r("funding:funding-list", query="open=1")),
        PageType("funding-detail", lambda c: r("funding:funding-detail", c["funding"].slug)),
        PageType("search", lambda c: r("search", query="q=energie")),
        PageType("about", lambda c: r("about")),
        PageType("accessibility", lambda c: r("accessibility")),
        PageType("not-found", lambda c: r("home") + "does-not-exist/", status=404),
    ]
    return [
        PageType(
            p.name + suffix, p.url, p.audience, p.status, p.html, frozenset({language}) | p.tags
        )
        for p in pages
    ]


PUBLIC_PAGES: list[PageType] = _pages("nl") + _pages("en")

# Curation pages in the admin, seen by a curator (the `curator` fixture).
STAFF_PAGES: list[PageType] = [
    PageType("admin-index", lambda c: "/admin/", audience="staff"),
    PageType(
        "admin-review-queue",
        lambda c: "/admin/innovations/innovation/?status=submitted",
        audience="staff",
    ),
    PageType("admin-innovations", lambda c: "/admin/innovations/innovation/", audience="staff"),
    PageType(
        "admin-innovation-change",
        lambda c: f"/admin/innovations/innovation/{c['innovation'].pk}/change/",
        audience="staff",
    ),
    PageType("admin-supporters", lambda c: "/admin/supporters/supporter/", audience="staff"),
    PageType("admin-spaces", lambda c: "/admin/supporters/experimentationspace/", audience="staff"),
    PageType("admin-funding", lambda c: "/admin/funding/fundingopportunity/", audience="staff"),
    PageType(
        "admin-funding-import",
        lambda c: "/admin/funding/fundingopportunity/import/",
        audience="staff",
    ),
]

# Pages that are not HTML but must not leak or slow down either.
MACHINE_PAGES: list[PageType] = [
    PageType("sitemap", lambda c: "/sitemap.xml", html=False),
    PageType("robots", lambda c: "/robots.txt", html=False),
    PageType("healthz", lambda c: "/healthz", html=False),
]

ALL_PAGES = PUBLIC_PAGES + STAFF_PAGES + MACHINE_PAGES
