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
    # (catalogue) -> None: adds more of what this page is about, beyond build_catalogue_more
    # (the dashboard: more items of its owner, with matches), for the query-count test.
    more: Callable[[dict], None] | None = None


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
        PageType("challenge-hub", lambda c: r("challenge-detail", c["challenge"].slug)),
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
        PageType("learning-list", lambda c: r("learning:offer-list")),
        PageType(
            "learning-list-filtered",
            lambda c: r(
                "learning:offer-list",
                query=f"challenge={c['challenge'].slug}&competence=co_creation&region=limburg"
                "&q=energie",
            ),
        ),
        PageType(
            "learning-list-free-online-past",
            lambda c: r("learning:offer-list", query="free=1&online=1&past=1&sort=recent"),
        ),
        PageType("learning-detail", lambda c: r("learning:offer-detail", c["learning_offer"].slug)),
        PageType("practice-list", lambda c: r("learning:practice-list")),
        PageType(
            "practice-list-filtered",
            lambda c: r(
                "learning:practice-list",
                query=f"challenge={c['challenge'].slug}&role=government&instrument=procurement"
                "&stage=insight&q=werkwijze",
            ),
        ),
        PageType("practice-detail", lambda c: r("learning:practice-detail", c["practice"].slug)),
        PageType("search", lambda c: r("search", query="q=energie")),
        PageType("insights", lambda c: r("insights")),
        PageType(
            "insights-filtered",
            lambda c: r("insights", query=f"challenge={c['challenge'].slug}&region=limburg"),
        ),
        PageType("about", lambda c: r("about")),
        PageType("accessibility", lambda c: r("accessibility")),
        PageType("privacy", lambda c: r("privacy")),
        PageType("open-data", lambda c: r("open-data")),
        PageType("login", lambda c: r("account_login")),
        PageType("signup", lambda c: r("account_signup")),
        PageType("password-reset", lambda c: r("account_reset_password")),
        PageType("password-reset-done", lambda c: r("account_reset_password_done")),
        PageType("verification-sent", lambda c: r("account_email_verification_sent")),
        PageType("account-deleted", lambda c: r("accounts:deleted")),
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
    PageType("admin-figures", lambda c: "/admin/figures/", audience="staff"),
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
    PageType("admin-learning", lambda c: "/admin/learning/learningoffer/", audience="staff"),
    PageType("admin-practices", lambda c: "/admin/learning/practice/", audience="staff"),
    PageType(
        "admin-practice-change",
        lambda c: f"/admin/learning/practice/{c['practice'].pk}/change/",
        audience="staff",
    ),
    PageType(
        "admin-practice-claims",
        lambda c: "/admin/learning/practiceapplication/?confirmed__exact=0",
        audience="staff",
    ),
    PageType(
        "admin-learning-change",
        lambda c: f"/admin/learning/learningoffer/{c['learning_offer'].pk}/change/",
        audience="staff",
    ),
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
    # The open-data API (opendata/api.py), with facets so their queries are counted too.
    *(
        PageType(f"api-{kind}-list", lambda c, kind=kind: f"/api/v1/{kind}/?facets=1", html=False)
        for kind in (
            "innovations",
            "challenges",
            "supporters",
            "spaces",
            "funding",
            "learning",
            "practices",
        )
    ),
    PageType(
        "api-innovations-filtered",
        lambda c: (
            f"/api/v1/innovations/?challenge={c['challenge'].slug}&stage=insight"
            "&region=limburg&q=huurders&facets=1"
        ),
        html=False,
    ),
    PageType(
        "api-funding-open",
        lambda c: "/api/v1/funding/?open=1&sort=recent&facets=1",
        html=False,
    ),
    PageType(
        "api-innovation-detail",
        lambda c: f"/api/v1/innovations/{c['innovation'].slug}/",
        html=False,
    ),
    PageType(
        "api-supporter-detail", lambda c: f"/api/v1/supporters/{c['supporter'].slug}/", html=False
    ),
    PageType("api-space-detail", lambda c: f"/api/v1/spaces/{c['space'].slug}/", html=False),
    PageType("api-funding-detail", lambda c: f"/api/v1/funding/{c['funding'].slug}/", html=False),
    PageType(
        "api-challenge-detail", lambda c: f"/api/v1/challenges/{c['challenge'].slug}/", html=False
    ),
    PageType(
        "api-learning-filtered",
        lambda c: (
            f"/api/v1/learning/?challenge={c['challenge'].slug}&free=1&past=1&sort=recent&facets=1"
        ),
        html=False,
    ),
    PageType(
        "api-learning-detail",
        lambda c: f"/api/v1/learning/{c['learning_offer'].slug}/",
        html=False,
    ),
    PageType(
        "api-practice-detail", lambda c: f"/api/v1/practices/{c['practice'].slug}/", html=False
    ),
    PageType("api-schema", lambda c: "/api/v1/schema/", html=False),
    # Atom feeds of the lists (opendata/feeds.py), with filters, in both languages.
    PageType(
        "feed-innovations",
        lambda c: f"/innovations/feed/?challenge={c['challenge'].slug}&stage=insight",
        html=False,
    ),
    PageType("feed-supporters-en", lambda c: "/en/supporters/feed/?support=coaching", html=False),
    PageType("feed-spaces", lambda c: "/spaces/feed/?open=1", html=False),
    PageType("feed-funding", lambda c: "/funding/feed/?open=1&region=limburg", html=False),
    PageType(
        "feed-learning-en",
        lambda c: f"/en/learning/feed/?challenge={c['challenge'].slug}&online=1",
        html=False,
    ),
    # The funding deadlines calendar (opendata/calendars.py).
    PageType(
        "funding-deadlines-ics", lambda c: "/funding/deadlines.ics?region=limburg", html=False
    ),
    PageType(
        "learning-calendar",
        lambda c: _reverse("learning:offer-calendar", query=f"challenge={c['challenge'].slug}"),
        html=False,
    ),
]


# Self-service pages, seen by Sara (the `owner` fixture) with her own drafts. The drafts are
# made on first use, in the catalogue dict, linked to the catalogue's challenge.
def owned_draft(c: dict, key: str = "owned_draft", unsaved_step: str = ""):
    if key not in c:
        from accounts.models import User
        from hubsi.models import DraftInput
        from tests.factories import make_draft_innovation, make_user, verify_email

        sara = User.objects.filter(email="sara@example.org").first()
        sara = verify_email(sara or make_user("sara@example.org"))
        draft = make_draft_innovation(
            owners=[sara],
            name=f"Warme Buurt {key}",
            slug=f"warme-buurt-{key.replace('_', '-')}",
            challenges=[c["challenge"]],
            regions=["limburg"],
            needs=["coaching"],
        )
        if unsaved_step:
            # What Sara typed last time did not validate: the step shows it with its errors.
            DraftInput.objects.create(
                content_object=draft,
                step=unsaved_step,
                data={"name": [""], "language": ["nl"], "problem": [""], "challenges": []},
            )
        c[key] = draft
    return c[key]


def _signed_in_pages(language: str) -> list[PageType]:
    def r(name, *args, query=""):
        return _reverse(name, *args, query=query, language=language)

    def draft(c):
        return owned_draft(c).slug

    suffix = "" if language == "nl" else f"-{language}"
    pages = [
        PageType("dashboard", lambda c: owned_draft(c) and r("dashboard")),
        PageType("innovation-new", lambda c: r("innovations:new-innovation")),
        *(
            PageType(
                f"innovation-step-{step}",
                lambda c, step=step: r("innovations:edit-innovation-step", draft(c), step),
            )
            for step in ("problem", "system", "approach", "partnership", "practical")
        ),
        PageType(
            "innovation-step-errors",
            lambda c: r(
                "innovations:edit-innovation-step",
                owned_draft(c, "unsaved_draft", unsaved_step="problem").slug,
                "problem",
            ),
        ),
        PageType("innovation-preview", lambda c: r("innovations:preview-innovation", draft(c))),
        PageType("innovation-submit", lambda c: r("innovations:submit-innovation", draft(c))),
        PageType("innovation-delete", lambda c: r("innovations:delete-innovation", draft(c))),
        PageType("innovation-invite", lambda c: r("innovations:invite-innovation", draft(c))),
    ]
    return [
        PageType(p.name + suffix, p.url, "signed-in", p.status, p.html, frozenset({language}))
        for p in pages
    ]


SIGNED_IN_PAGES: list[PageType] = _signed_in_pages("nl") + _signed_in_pages("en")


def _account_pages(language: str) -> list[PageType]:
    """Sara's own account pages (allauth and "Your data"). Pages that first ask for the
    password again (two-factor set-up, deleting the account) are checked in
    tests/test_privacy.py and tests/e2e/test_signup_journey.py."""

    def r(name):
        return _reverse(name, language=language)

    suffix = "" if language == "nl" else f"-{language}"
    pages = [
        PageType("account-email", lambda c: r("account_email")),
        PageType("password-change", lambda c: r("account_change_password")),
        PageType("mfa-index", lambda c: r("mfa_index")),
        PageType("reauthenticate", lambda c: r("account_reauthenticate")),
        PageType("logout-confirm", lambda c: r("account_logout")),
        PageType("your-data", lambda c: r("accounts:privacy")),
    ]
    return [
        PageType(p.name + suffix, p.url, "signed-in", p.status, p.html, frozenset({language}))
        for p in pages
    ]


SIGNED_IN_PAGES += _account_pages("nl") + _account_pages("en")


# Connections (docs/connecting.md): contact requests, reports, saved searches, digests. Sara
# (verified) manages the catalogue's supporter and has a request from Koen to answer.
def connected_sara(c: dict):
    if "connected_sara" not in c:
        from accounts.models import User
        from connections import services
        from tests.factories import make_innovation, make_user, verify_email

        sara = User.objects.filter(email="sara@example.org").first()
        sara = verify_email(sara or make_user("sara@example.org"))
        c["supporter"].managers.add(sara)
        mine = make_innovation(
            owners=[sara],
            name="Warme Buurt Genk",
            slug="warme-buurt-genk",
            challenges=[c["challenge"]],
        )
        koen = verify_email(make_user("koen.connect@example.org"))
        c["contact_request"] = services.contact_request_send(
            sender=koen, target=mine, message="Wij willen graag samenwerken."
        )
        services.saved_search_create(
            user=sara, name="Energie", list_kind="innovations", query="challenge=energy"
        )
        c["connected_sara"] = sara
    return c["connected_sara"]


def _unsubscribe_token(c: dict) -> str:
    from connections.digests import unsubscribe_token
    from connections.models import DigestSettings

    return unsubscribe_token(DigestSettings.objects.get(user=connected_sara(c)))


def _connection_pages(language: str) -> tuple[list[PageType], list[PageType]]:
    def r(name, *args, query=""):
        return _reverse(name, *args, query=query, language=language)

    suffix = "" if language == "nl" else f"-{language}"
    public = [
        PageType(
            "report-page",
            lambda c: r("connections:report-page", query=f"page=innovation:{c['innovation'].slug}"),
        ),
        PageType(
            "digest-unsubscribe",
            lambda c: r("connections:digest-unsubscribe", _unsubscribe_token(c)),
        ),
    ]
    signed_in = [
        PageType("dashboard-connections", lambda c: connected_sara(c) and r("dashboard")),
        PageType(
            "supporter-detail-manager",
            lambda c: connected_sara(c) and r("supporters:supporter-detail", c["supporter"].slug),
        ),
        PageType(
            "contact-form",
            lambda c: (
                connected_sara(c) and r("connections:contact-innovation", c["innovation"].slug)
            ),
        ),
        PageType(
            "contact-request",
            lambda c: (
                connected_sara(c)
                and r("connections:contact-request-detail", c["contact_request"].pk)
            ),
        ),
        PageType(
            "contact-request-report",
            lambda c: (
                connected_sara(c)
                and r("connections:contact-request-report", c["contact_request"].pk)
            ),
        ),
        PageType(
            "saved-search-list", lambda c: connected_sara(c) and r("connections:saved-search-list")
        ),
        PageType(
            "saved-search-new",
            lambda c: r(
                "connections:new-saved-search",
                query=f"list=innovations&challenge={c['challenge'].slug}&region=limburg",
            ),
        ),
    ]
    return (
        [
            PageType(p.name + suffix, p.url, "anyone", p.status, p.html, frozenset({language}))
            for p in public
        ],
        [
            PageType(p.name + suffix, p.url, "signed-in", p.status, p.html, frozenset({language}))
            for p in signed_in
        ],
    )


for _language in ("nl", "en"):
    _public, _signed_in = _connection_pages(_language)
    PUBLIC_PAGES += _public
    SIGNED_IN_PAGES += _signed_in


# Supporter self-service (supporters/selfservice.py): Sara's draft organisation profile and a
# draft place it hosts, made on first use in the catalogue dict.
def owned_supporter(c: dict, key: str = "owned_supporter", unsaved_step: str = ""):
    if key not in c:
        from accounts.models import User
        from hubsi.models import DraftInput, Status
        from tests.factories import make_supporter, make_user, verify_email

        sara = User.objects.filter(email="sara@example.org").first()
        sara = verify_email(sara or make_user("sara@example.org"))
        supporter = make_supporter(
            managers=[sara],
            status=Status.DRAFT,
            name=f"Energiehuis {key}",
            slug=f"energiehuis-{key.replace('_', '-')}",
            offers=["coaching"],
            regions=["limburg"],
            challenges=[c["challenge"]],
        )
        if unsaved_step:
            DraftInput.objects.create(
                content_object=supporter, step=unsaved_step, data={"offers": [], "regions": []}
            )
        c[key] = supporter
    return c[key]


def owned_space(c: dict):
    if "owned_space" not in c:
        from hubsi.models import Status
        from tests.factories import make_space

        c["owned_space"] = make_space(
            host=owned_supporter(c),
            status=Status.DRAFT,
            name="Proefwoning Sara",
            slug="proefwoning-sara",
            access="Op aanvraag.",
            challenges=[c["challenge"]],
        )
    return c["owned_space"]


def _supporter_pages(language: str) -> list[PageType]:
    def r(name, *args, query=""):
        return _reverse(name, *args, query=query, language=language)

    def supporter(c):
        return owned_supporter(c).slug

    def space(c):
        return owned_space(c).slug

    suffix = "" if language == "nl" else f"-{language}"
    pages = [
        PageType("supporter-new", lambda c: r("supporters:new-supporter")),
        *(
            PageType(
                f"supporter-step-{step}",
                lambda c, step=step: r("supporters:edit-supporter-step", supporter(c), step),
            )
            for step in ("organisation", "offer")
        ),
        PageType(
            "supporter-step-errors",
            lambda c: r(
                "supporters:edit-supporter-step",
                owned_supporter(c, "unsaved_supporter", unsaved_step="offer").slug,
                "offer",
            ),
        ),
        PageType("supporter-preview", lambda c: r("supporters:preview-supporter", supporter(c))),
        PageType("supporter-submit", lambda c: r("supporters:submit-supporter", supporter(c))),
        PageType("supporter-delete", lambda c: r("supporters:delete-supporter", supporter(c))),
        PageType("supporter-invite", lambda c: r("supporters:invite-supporter", supporter(c))),
        PageType("space-new", lambda c: owned_supporter(c) and r("supporters:new-space")),
        *(
            PageType(
                f"space-step-{step}",
                lambda c, step=step: r("supporters:edit-space-step", space(c), step),
            )
            for step in ("place", "access")
        ),
        PageType("space-preview", lambda c: r("supporters:preview-space", space(c))),
        PageType("space-submit", lambda c: r("supporters:submit-space", space(c))),
        PageType("space-delete", lambda c: r("supporters:delete-space", space(c))),
        PageType("dashboard-supporter", lambda c: owned_space(c) and r("dashboard")),
    ]
    return [
        PageType(p.name + suffix, p.url, "signed-in", p.status, p.html, frozenset({language}))
        for p in pages
    ]


SIGNED_IN_PAGES += _supporter_pages("nl") + _supporter_pages("en")


# Learning offers (learning/selfservice.py): Sara manages the catalogue's published supporter,
# which provides her draft offer.
def owned_offer(c: dict):
    if "owned_offer" not in c:
        from accounts.models import User
        from hubsi.models import Status
        from tests.factories import make_learning_offer, make_user, verify_email

        sara = User.objects.filter(email="sara@example.org").first()
        sara = verify_email(sara or make_user("sara@example.org"))
        c["supporter"].managers.add(sara)
        c["owned_offer"] = make_learning_offer(
            provider=c["supporter"],
            status=Status.DRAFT,
            name="Leren co-creëren",
            slug="leren-co-creeren",
            challenges=[c["challenge"]],
            regions=["limburg"],
        )
    return c["owned_offer"]


def _learning_pages(language: str) -> list[PageType]:
    def r(name, *args, query=""):
        return _reverse(name, *args, query=query, language=language)

    def offer(c):
        return owned_offer(c).slug

    suffix = "" if language == "nl" else f"-{language}"
    pages = [
        PageType("learning-new", lambda c: owned_offer(c) and r("learning:new-offer")),
        *(
            PageType(
                f"learning-step-{step}",
                lambda c, step=step: r("learning:edit-offer-step", offer(c), step),
            )
            for step in ("offer", "practical")
        ),
        PageType("learning-preview", lambda c: r("learning:preview-offer", offer(c))),
        PageType("learning-submit", lambda c: r("learning:submit-offer", offer(c))),
        PageType("learning-delete", lambda c: r("learning:delete-offer", offer(c))),
        PageType("dashboard-learning", lambda c: owned_offer(c) and r("dashboard")),
        PageType(
            "practice-claim",
            lambda c: owned_draft(c) and r("learning:practice-claim", c["practice"].slug),
        ),
    ]
    return [
        PageType(p.name + suffix, p.url, "signed-in", p.status, p.html, frozenset({language}))
        for p in pages
    ]


SIGNED_IN_PAGES += _learning_pages("nl") + _learning_pages("en")


# The dashboard's news (front/dashboard.py): Sara owns published innovations with stored
# matches (new, and funding deadlines coming), manages a supporter that fits innovations, and
# has contact requests to answer. `more` gives her more of each: the query count stays.
# Its queries: the session and the user, the UPDATE of `dashboard_seen_at`; per kind the items,
# their prefetched relations, pending changes and unsaved input; the stored matches of her
# innovations; those naming her supporters; her open contact requests; then the sections of
# templates/dashboard.html (supporter matches, learning, contact requests received and sent).
def _dashboard_items(c: dict, key: str, found_at=None) -> None:
    import datetime

    from django.utils import timezone

    from accounts.models import User
    from connections import services
    from front.models import Section
    from hubsi.models import Status
    from tests.factories import (
        make_funding,
        make_innovation,
        make_learning_offer,
        make_space,
        make_stored_match,
        make_supporter,
        make_user,
        verify_email,
    )

    sara = User.objects.filter(email="sara@example.org").first()
    sara = verify_email(sara or make_user("sara@example.org"))
    found_at = found_at or timezone.now()
    soon = datetime.date.today() + datetime.timedelta(days=7)
    mine = make_supporter(managers=[sara], name=f"Energiehuis {key}", challenges=[c["challenge"]])
    make_space(host=mine, name=f"Proefwoning {key}")
    make_learning_offer(provider=mine, name=f"Leren {key}")
    for index in range(2):
        innovation = make_innovation(
            owners=[sara], name=f"Warme Buurt {key} {index}", challenges=[c["challenge"]]
        )
        make_innovation(owners=[sara], name=f"Ontwerp {key} {index}", status=Status.DRAFT)
        targets = {
            Section.FUNDING: make_funding(name=f"Oproep {key} {index}", deadline=soon),
            Section.SUPPORTERS: make_supporter(name=f"Coach {key} {index}"),
            Section.PARTNERS: make_supporter(name=f"Partner {key} {index}"),
            Section.SPACES: make_space(name=f"Plek {key} {index}"),
            Section.LEARNING: make_learning_offer(name=f"Traject {key} {index}"),
        }
        for section, target in targets.items():
            make_stored_match(innovation, section, target, found_at=found_at)
        other = make_innovation(name=f"Buurtbatterij {key} {index}", challenges=[c["challenge"]])
        make_stored_match(other, Section.SUPPORTERS, mine, found_at=found_at)
        for target in (innovation, mine):
            koen = verify_email(make_user())
            services.contact_request_send(sender=koen, target=target, message="Samenwerken?")


def dashboard_news(c: dict):
    import datetime

    from django.utils import timezone

    if "dashboard_news" not in c:
        _dashboard_items(c, "a", found_at=timezone.now() - datetime.timedelta(days=2))
        c["dashboard_news"] = True
    return True


def _dashboard_pages(language: str) -> list[PageType]:
    suffix = "" if language == "nl" else f"-{language}"
    return [
        PageType(
            "dashboard-news" + suffix,
            lambda c: dashboard_news(c) and _reverse("dashboard", language=language),
            "signed-in",
            tags=frozenset({language}),
            more=lambda c: _dashboard_items(c, "b"),
        )
    ]


SIGNED_IN_PAGES += _dashboard_pages("nl") + _dashboard_pages("en")

ALL_PAGES = PUBLIC_PAGES + STAFF_PAGES + MACHINE_PAGES + SIGNED_IN_PAGES


# The 429 and 503 pages. Neither has an address of its own: tests/error_pages.py gives each one
# in a test process, where a request really gets the page (allauth's answer to a rate limit; a
# view that finds the database away). Not in PUBLIC_PAGES, whose browser checks use the `page`
# fixture of tests/e2e/conftest.py: Chromium logs a 429 or 503 as a console error, which that
# fixture counts as a defect (it lets only 404s pass). tests/e2e/test_error_pages.py runs axe-core,
# the Nu HTML Checker and the 320 px reflow check on these instead.
def _error_page(name: str, language: str) -> Callable[[dict], str]:
    def url(c: dict) -> str:
        import tests.error_pages  # noqa: F401 - adds the addresses on first use

        return _reverse(name, language=language)

    return url


def _error_pages(language: str) -> list[PageType]:
    suffix = "" if language == "nl" else f"-{language}"
    tags = frozenset({language})
    return [
        PageType(
            "too-many-requests" + suffix,
            _error_page("test-too-many-requests", language),
            status=429,
            tags=tags,
        ),
        PageType(
            "database-unavailable" + suffix,
            _error_page("test-database-unavailable", language),
            status=503,
            tags=tags,
        ),
    ]


ERROR_PAGES: list[PageType] = _error_pages("nl") + _error_pages("en")
ALL_PAGES += ERROR_PAGES
