"""Hostile input (Hypothesis): random and hostile values in every page's query string and in
every form of every registered page. Never a server error, never markup reflected unescaped.

The values: markup and script, SQL metacharacters, template syntax, very long strings, control
characters and NUL, right-to-left marks, invalid UTF-8 percent-escapes, repeated and unknown
parameters. The forms are read from each page's HTML, so a form added to a registered page is
covered without touching this file. Saved values are followed to the page that shows them
next (the redirect after saving), so stored markup is checked too (tests/test_stored_xss.py
checks each shown text in detail).
"""

from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import build_catalogue
from tests.factories import verify_email
from tests.pages import PUBLIC_PAGES, SIGNED_IN_PAGES, STAFF_PAGES
from tests.test_public_pages import visit_as

# Modest example counts: the whole file runs in about a minute on SQLite. The profile (set in
# tests/conftest.py) decides where the examples come from: fixed, derived from each test's
# name, in `make test` and CI; a random seed and ten times as many in `make explore`.
SCALE = 10 if settings.get_current_profile_name() == "explore" else 1
FUZZ = settings(max_examples=8 * SCALE)
FEW = settings(FUZZ, max_examples=6 * SCALE)

# Each payload carries a marker that appears in a page only if the payload was not escaped.
MARKUP = [
    "<script>hubsiXss(1)</script>",
    '"><b data-hubsi-xss>',
    "'><b data-hubsi-xss>",
    "<img src=x onerror=hubsiXss(2)>",
    "<svg/onload=hubsiXss(3)>",
    "</textarea><b data-hubsi-xss>",
    "</title><b data-hubsi-xss>",
]
MARKERS = ["<script>hubsiXss", "<b data-hubsi-xss", "<img src=x onerror", "<svg/onload"]
OTHER = [
    "' OR '1'='1",
    '"; DROP TABLE innovations_innovation; --',
    "%' AND 1=1 --",
    "\\",
    "%",
    "_",
    "*",
    "&",
    "=",
    "#",
    "{{ request }}",
    "{% debug %}",
    "${7*7}",
    "../../../etc/passwd",
    "javascript:hubsiXss(4)",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\r\nSet-Cookie: hubsi=1",
    "\u202e\u200b\ufeff",
    "𝕳𝖚𝖇𝖘𝖎 🇧🇪",
    "x" * 5000,
    "insight",
    "limburg",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "",
]
# Text without lone surrogates: those cannot be sent in UTF-8 at all.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
HOSTILE_TEXT = st.one_of(
    st.sampled_from(MARKUP + OTHER),
    ANY_TEXT,
    st.builds(lambda a, p, b: a + p + b, ANY_TEXT, st.sampled_from(MARKUP), ANY_TEXT),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x7F), min_size=1000, max_size=3000),
)
# Raw query pieces that are not valid UTF-8 or not valid escapes at all.
BROKEN_ESCAPES = ["%ff", "%c3%28", "%e2%82", "%", "%zz", "%%", "%u0041", "%00", "%0a", "+%2B+"]
LIST_PARAMETERS = [
    "q",
    "theme",
    "challenge",
    "stage",
    "region",
    "role",
    "wanted",
    "support",
    "instrument",
    "open",
    "sort",
    "page",
    "back",
    "next",
    "lang",
]


def encoded(text: str) -> str:
    return quote(text, safe="")


def raw_value():
    """A query value: a hostile text, percent-encoded, or broken escapes around it."""
    return st.one_of(
        HOSTILE_TEXT.map(encoded),
        st.builds(
            lambda broken, text: broken + encoded(text), st.sampled_from(BROKEN_ESCAPES), ANY_TEXT
        ),
    )


def raw_query(names: list[str]):
    """name=value pairs, names known or unknown, repeated or not, joined raw."""
    name = st.one_of(st.sampled_from(names), HOSTILE_TEXT.map(encoded))
    pair = st.builds(lambda n, v: f"{n}={v}", name, raw_value())
    return st.lists(pair, min_size=1, max_size=8).map("&".join)


def assert_safe(response, sent: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {sent[:300]!r}"
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        html = response.content.decode(errors="replace")
        for marker in MARKERS:
            assert marker not in html, f"unescaped {marker!r} after {sent[:300]!r}"


def fresh_limits() -> None:
    """Each example starts with unspent rate limits (hubsi/limits.py, counted in the cache).

    Otherwise, after the 30 POSTs a minute allowed, every request is answered 429 without
    running the view: the examples test nothing, and a failing example passes when Hypothesis
    replays it, so the failure is reported as flaky and never shrunk.
    """
    cache.clear()


# Forms on a page ---------------------------------------------------------------------------


class Forms(HTMLParser):
    """The forms of a page: method, action and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": {},
                    "files": [],
                }
            )
        elif tag in ("input", "textarea", "select", "button") and self.forms and attrs.get("name"):
            if attrs.get("type") == "file":
                self.forms[-1]["files"].append(attrs["name"])
            else:
                self.forms[-1]["fields"].setdefault(attrs["name"], attrs.get("value") or "")


def forms_of(html: str, page_url: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    for form in parser.forms:
        form["action"] = urlsplit(urljoin(page_url, form["action"])).path
    return parser.forms


# Sign-out ends the session the other forms need; deleting removes the page under test.
SKIPPED_ACTIONS = ("/accounts/logout/", "/delete/")


def post_forms_of(client, page, request) -> list[tuple[str, dict]]:
    catalogue = build_catalogue(1)
    visit_as(client, page, request)
    url = page.url(catalogue)
    response = client.get(url)
    forms = forms_of(response.content.decode(), url)
    return [
        (form["action"], form["fields"])
        for form in forms
        if form["method"] == "post" and not form["action"].endswith(SKIPPED_ACTIONS)
    ]


# Query strings -----------------------------------------------------------------------------


def _distinct_paths(pages) -> list:
    seen, chosen = set(), []
    for page in pages:
        # One language is enough: both run the same views and forms.
        if page.status != 200 or "en" in page.tags:
            continue
        key = page.name.removesuffix("-filtered").removesuffix("-empty").removesuffix("-open")
        if key not in seen:
            seen.add(key)
            chosen.append(page)
    return chosen


QUERY_PAGES = _distinct_paths(PUBLIC_PAGES + SIGNED_IN_PAGES + STAFF_PAGES)
# A budget of requests shared by the pages, so the file's run time stays put as pages are added.
QUERY_FUZZ = settings(FUZZ, max_examples=max(3, 320 // len(QUERY_PAGES)) * SCALE)


@pytest.mark.django_db
@pytest.mark.parametrize("page", QUERY_PAGES, ids=lambda p: p.name)
def test_a_hostile_query_string_never_breaks_a_page(client, page, request):
    catalogue = build_catalogue(1)
    visit_as(client, page, request)
    path = urlsplit(page.url(catalogue)).path
    names = LIST_PARAMETERS + list(
        {name for form in forms_of(client.get(path).content.decode(), path) for name in
         form["fields"]}
    )  # fmt: skip

    @QUERY_FUZZ
    @given(query=raw_query(names))
    def check(query):
        response = client.get(f"{path}?{query}")
        assert_safe(response, query)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/does-not-exist/", "/en/innovations/does-not-exist/"])
@FUZZ
@given(segment=HOSTILE_TEXT.filter(lambda text: text.strip("/")))
def test_a_hostile_path_answers_a_page_not_found(client, path, segment):
    response = client.get(path + encoded(segment) + "/")
    assert_safe(response, segment)


# Forms -------------------------------------------------------------------------------------

# Public detail pages too: they may carry a form (reporting the page, say).
FORM_PAGES = [
    page
    for page in QUERY_PAGES
    if page.audience != "anyone" or page.name.endswith(("-detail", "-hub"))
]
FORM_FUZZ = settings(FUZZ, max_examples=max(3, 160 // len(FORM_PAGES)) * SCALE)
RAW_BODY_PAGES = [page for page in SIGNED_IN_PAGES if "en" not in page.tags][:3]


@pytest.mark.django_db
@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda p: p.name)
def test_hostile_values_in_every_form_never_break_a_page(client, page, request):
    forms = post_forms_of(client, page, request)
    if not forms:
        pytest.skip(f"{page.name} has no form to post")

    @FORM_FUZZ
    @given(choice=st.integers(0, len(forms) - 1), data=st.data())
    def check(choice, data):
        fresh_limits()
        action, fields = forms[choice]
        values = {
            name: data.draw(st.one_of(st.just(default), HOSTILE_TEXT), label=name)
            if name != "csrfmiddlewaretoken"
            else default
            for name, default in fields.items()
        }
        response = client.post(action, values, follow=True)
        assert_safe(response, repr(values))

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("page", RAW_BODY_PAGES, ids=lambda p: p.name)
def test_a_form_body_that_is_not_valid_utf8_never_breaks_a_page(client, page, request):
    forms = post_forms_of(client, page, request)
    if not forms:
        pytest.skip(f"{page.name} has no form to post")

    @FEW
    @given(choice=st.integers(0, len(forms) - 1), body=st.data())
    def check(choice, body):
        fresh_limits()
        action, fields = forms[choice]
        raw = body.draw(raw_query(list(fields) or ["name"]))
        response = client.post(
            action, raw.encode(), content_type="application/x-www-form-urlencoded"
        )
        assert_safe(response, raw)

    check()


# The sign-in and sign-up forms, and the other pages without a session ---------------------

ANONYMOUS_FORMS = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/en/accounts/login/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ANONYMOUS_FORMS)
def test_hostile_values_in_the_account_forms_never_break_a_page(client, path):
    forms = [
        form
        for form in forms_of(client.get(path).content.decode(), path)
        if form["method"] == "post"
    ]
    assert forms, f"no form on {path}"

    @FEW
    @given(data=st.data())
    def check(data):
        fresh_limits()
        fields = forms[0]["fields"]
        values = {name: data.draw(HOSTILE_TEXT, label=name) for name in fields}
        response = client.post(forms[0]["action"], values)
        assert_safe(response, repr(values))

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["q=a%00b", "stage=insight&%00=1", "region=%00limburg"])
def test_a_nul_character_in_a_query_is_dropped(client, query):
    response = client.get(f"/en/innovations/?{query}")
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.django_db
def test_a_nul_character_in_a_form_is_dropped(client, owner):
    from innovations.models import Innovation

    client.force_login(verify_email(owner))
    response = client.post(
        "/innovations/new/", {"name": "Warm\x00Wonen", "language": "nl", "problem": "Koud."}
    )
    assert response.status_code < 500
    assert all("\x00" not in name for name in Innovation.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_a_theme_id_beyond_any_integer_is_an_invalid_choice(client, owner):
    """Found by the form fuzzing above: SQLite cannot compare a 20-digit number with an id, and
    the step answered with a server error (hubsi/lookups.py)."""
    from hubsi.models import Status
    from tests.factories import make_supporter, make_theme

    make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    supporter = make_supporter(managers=[owner], status=Status.DRAFT, offers=["coaching"])
    client.force_login(verify_email(owner))
    response = client.post(
        f"/en/supporters/{supporter.slug}/edit/offer/",
        {"offers": ["coaching"], "regions": ["limburg"], "themes": ["99999999999999999999"]},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
