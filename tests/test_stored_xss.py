"""Stored markup: every text a user or curator writes is shown escaped wherever it appears.

A catalogue whose every text carries a script payload is shown on every registered page; no
page may contain the payload's markup. Each text is also looked for, escaped, on the page that
shows it, so a test cannot pass because the text was simply not shown.

Covered: innovation name, tagline, problem, organisation; supporter name and description;
place name, description and municipality; funding name, funder and description; challenge and
theme names; curator notes (admin, owner's dashboard and step pages, the owner's email); the
file name of an uploaded logo; contact request messages and replies, report details and
saved search names (skipped while the connections app does not exist).
"""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image

from hubsi.models import Status
from hubsi.services import content_request_changes
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_practice,
    make_space,
    make_supporter,
    make_theme,
    verify_email,
)
from tests.pages import ALL_PAGES
from tests.test_public_pages import visit_as

PAYLOAD = "<script>hubsiXss()</script>\"'><img src=x onerror=hubsiXss()>"
MARKERS = ("<script>hubsiXss", "<img src=x onerror", "<b data-hubsi")
ESCAPED = escape("<script>hubsiXss()</script>")


def hostile(label: str) -> str:
    """A text that a search for "energie" finds, with the payload in it."""
    return f"Energie {label} {PAYLOAD}"


def assert_no_markup(html: str) -> None:
    for marker in MARKERS:
        assert marker not in html, f"unescaped {marker!r}"


def build_hostile_catalogue(owner) -> dict:
    theme = make_theme(name_nl=hostile("thema"), name_en=hostile("theme"), slug="hostile-theme")
    challenge = make_challenge(
        theme, name_nl=hostile("uitdaging"), name_en=hostile("challenge"), slug="hostile-challenge"
    )
    innovation = make_innovation(
        name=hostile("innovatie"),
        slug="hostile-innovation",
        tagline=hostile("huurders"),
        problem=hostile("probleem"),
        organisation_name=hostile("organisatie"),
        challenges=[challenge],
        regions=["limburg"],
        needs=["coaching"],
        partner_roles=["citizen"],
        owners=[owner],
        featured=True,
    )
    supporter = make_supporter(
        name=hostile("ondersteuner"),
        slug="hostile-supporter",
        description=hostile("beschrijving"),
        offers=["coaching"],
        stages=["insight"],
        challenges=[challenge],
        themes=[theme],
        regions=["limburg"],
        managers=[owner],
    )
    space = make_space(
        host=supporter,
        name=hostile("plek"),
        slug="hostile-space",
        description=hostile("plekbeschrijving"),
        municipality="Genk <script>hubsiXss()</script>",
        facilities=hostile("faciliteiten"),
        access=hostile("toegang"),
        challenges=[challenge],
        themes=[theme],
        open_to_citizens=True,
    )
    funding = make_funding(
        name=hostile("oproep"),
        slug="hostile-funding",
        funder_name=hostile("financier"),
        description=hostile("oproepbeschrijving"),
        challenges=[challenge],
        themes=[theme],
        regions=["flanders"],
        stages=["insight"],
        eligible_roles=["citizen"],
    )
    learning_offer = make_learning_offer(
        provider=supporter,
        name=hostile("leeraanbod"),
        slug="hostile-learning",
        description=hostile("leerbeschrijving"),
        location="Genk <script>hubsiXss()</script>",
        price_note=hostile("korting"),
        space=space,
        challenges=[challenge],
        themes=[theme],
        regions=["limburg"],
        stages=["insight"],
        start_date=datetime.date.today() + datetime.timedelta(days=5),
    )
    practice = make_practice(
        slug="hostile-practice",
        name_nl=hostile("werkwijze"),
        name_en=hostile("practice"),
        summary_nl=hostile("samenvatting"),
        summary_en=hostile("summary"),
        what_nl=hostile("wat"),
        what_en=hostile("what"),
        how_nl=hostile("hoe"),
        how_en=hostile("how"),
        sources=f"{hostile('bron')} https://example.org/bron",
        challenges=[challenge],
        themes=[theme],
        applied_by=[innovation],
    )
    return {
        "theme": theme,
        "challenge": challenge,
        "innovation": innovation,
        "supporter": supporter,
        "space": space,
        "funding": funding,
        "learning_offer": learning_offer,
        "practice": practice,
    }


@pytest.fixture
def hostile_catalogue(owner):
    return build_hostile_catalogue(verify_email(owner))


# Public pages in both languages (themes and challenges have a name per language); the pages
# of signed-in people and staff in one.
SHOWN_PAGES = [p for p in ALL_PAGES if p.html and (p.audience == "anyone" or "en" not in p.tags)]


@pytest.mark.django_db
@pytest.mark.parametrize("page", SHOWN_PAGES, ids=lambda p: p.name)
def test_no_page_shows_stored_markup_unescaped(client, page, request, hostile_catalogue):
    visit_as(client, page, request)
    response = client.get(page.url(hostile_catalogue))
    assert response.status_code == page.status
    assert_no_markup(response.content.decode())


def _escaped_texts_on(client, url: str, *labels: str) -> None:
    html = client.get(url).content.decode()
    assert_no_markup(html)
    for label in labels:
        assert f"Energie {label} {ESCAPED}" in html, f"{label!r} is not shown escaped on {url}"


@pytest.mark.django_db
def test_innovation_texts_are_shown_escaped(client, hostile_catalogue):
    url = "/innovations/hostile-innovation/"
    _escaped_texts_on(client, url, "innovatie", "huurders", "probleem", "organisatie")
    _escaped_texts_on(client, "/innovations/", "innovatie")
    _escaped_texts_on(client, "/", "innovatie")


@pytest.mark.django_db
def test_supporter_texts_are_shown_escaped(client, hostile_catalogue):
    url = "/supporters/hostile-supporter/"
    _escaped_texts_on(client, url, "ondersteuner", "beschrijving")
    _escaped_texts_on(client, "/supporters/", "ondersteuner")


@pytest.mark.django_db
def test_place_texts_are_shown_escaped(client, hostile_catalogue):
    url = "/spaces/hostile-space/"
    _escaped_texts_on(client, url, "plek", "plekbeschrijving")
    html = client.get(url).content.decode()
    assert f"Genk {ESCAPED}" in html
    _escaped_texts_on(client, "/spaces/", "plek")


@pytest.mark.django_db
def test_funding_texts_are_shown_escaped(client, hostile_catalogue):
    url = "/funding/hostile-funding/"
    _escaped_texts_on(client, url, "oproep", "financier", "oproepbeschrijving")
    _escaped_texts_on(client, "/funding/", "oproep")


@pytest.mark.django_db
def test_challenge_and_theme_names_are_shown_escaped(client, hostile_catalogue):
    url = "/challenges/hostile-challenge/"
    _escaped_texts_on(client, url, "uitdaging")
    _escaped_texts_on(client, "/challenges/", "uitdaging", "thema")
    _escaped_texts_on(client, "/en/challenges/", "challenge", "theme")
    _escaped_texts_on(client, "/innovations/hostile-innovation/", "uitdaging")


@pytest.mark.django_db
def test_search_results_show_stored_markup_escaped(client, hostile_catalogue):
    response = client.get("/search/", {"q": "energie"})
    html = response.content.decode()
    assert_no_markup(html)
    assert "hubsiXss" in html  # the hostile items are among the results


@pytest.mark.django_db
def test_the_admin_shows_stored_markup_escaped(client, curator, hostile_catalogue):
    client.force_login(curator)
    for path in [
        "/admin/innovations/innovation/",
        f"/admin/innovations/innovation/{hostile_catalogue['innovation'].pk}/change/",
        "/admin/supporters/supporter/",
        f"/admin/supporters/supporter/{hostile_catalogue['supporter'].pk}/change/",
        "/admin/supporters/experimentationspace/",
        "/admin/funding/fundingopportunity/",
        f"/admin/funding/fundingopportunity/{hostile_catalogue['funding'].pk}/change/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert_no_markup(html)
        assert "hubsiXss" in html, path


NOTE = f"Beschrijf de resultaten. {PAYLOAD}"


@pytest.fixture
def returned_draft(owner, curator, hostile_catalogue, django_capture_on_commit_callbacks):
    """Sara's submitted innovation, sent back by the curator with a hostile note."""
    innovation = make_innovation(
        name=hostile("teruggestuurd"),
        slug="returned-draft",
        owners=[owner],
        status=Status.SUBMITTED,
        challenges=[hostile_catalogue["challenge"]],
        systemic_view="Systeem.",
        approach="Aanpak.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        content_request_changes(obj=innovation, by=curator, note=NOTE)
    return innovation


@pytest.mark.django_db
def test_a_curator_note_is_shown_escaped_to_the_owner(client, owner, returned_draft):
    client.force_login(owner)
    for path in ["/dashboard/", f"/innovations/{returned_draft.slug}/edit/problem/"]:
        html = client.get(path, follow=True).content.decode()
        assert_no_markup(html)
        assert "Beschrijf de resultaten." in html and ESCAPED in html, path


@pytest.mark.django_db
def test_a_curator_note_reaches_the_owner_as_text_and_escaped_html(
    mailoutbox, owner, returned_draft
):
    (message,) = [m for m in mailoutbox if owner.email in m.to]
    assert NOTE in message.body
    (html,) = [part.content for part in message.alternatives if part.mimetype == "text/html"]
    assert_no_markup(html)  # the HTML part shows the note, never runs it
    assert ESCAPED in html


@pytest.mark.django_db
def test_a_curator_note_is_shown_escaped_in_the_admin(client, curator, returned_draft):
    client.force_login(curator)
    html = client.get(f"/admin/innovations/innovation/{returned_draft.pk}/change/").content
    html = html.decode()
    assert_no_markup(html)
    assert ESCAPED in html


def png(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_the_file_name_of_an_uploaded_logo_is_never_shown(client, owner, settings, tmp_path):
    from tests.factories import make_draft_innovation
    from tests.test_hostile_input import forms_of

    settings.MEDIA_ROOT = tmp_path
    draft = make_draft_innovation(owners=[verify_email(owner)], slug="logo-draft")
    client.force_login(owner)
    url = f"/innovations/{draft.slug}/edit/practical/"
    form = next(f for f in forms_of(client.get(url).content.decode(), url) if "logo" in f["files"])
    hostile_name = '"><img src=x onerror=hubsiXss()>.png'
    fields = {name: value for name, value in form["fields"].items() if name != "remove_logo"}
    response = client.post(form["action"], {**fields, "logo": png(hostile_name)}, follow=True)
    assert response.status_code == 200
    assert_no_markup(response.content.decode())
    draft.refresh_from_db()
    assert draft.logo, "the logo was not saved"
    assert "onerror" not in draft.logo.name and re.fullmatch(r"[\w/.-]+", draft.logo.name)
    for path in [url, f"/innovations/{draft.slug}/preview/", "/dashboard/"]:
        assert_no_markup(client.get(path).content.decode())


# Contact requests, reports and saved searches (the connections app) -----------------------


def _connections_or_skip():
    try:
        from connections import models, services
    except ImportError:
        pytest.skip("the connections app does not exist yet")
    return models, services


@pytest.mark.django_db
def test_contact_messages_and_replies_are_shown_escaped(
    client, owner, curator, hostile_catalogue, django_capture_on_commit_callbacks
):
    _models, services = _connections_or_skip()
    from tests.factories import make_user

    koen = verify_email(make_user("koen@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request_send(
            sender=koen, target=hostile_catalogue["innovation"], message=hostile("bericht")
        )
        services.contact_request_decline(
            contact_request=contact, by=owner, reply=hostile("antwoord")
        )
    detail = f"/contact-requests/{contact.pk}/"
    client.force_login(owner)
    _escaped_texts_on(client, detail, "bericht", "antwoord")
    assert_no_markup(client.get("/dashboard/").content.decode())
    client.force_login(koen)
    _escaped_texts_on(client, detail, "bericht", "antwoord")
    assert_no_markup(client.get("/dashboard/").content.decode())
    client.force_login(curator)
    html = client.get(f"/admin/connections/contactrequest/{contact.pk}/change/").content.decode()
    assert_no_markup(html)
    assert "hubsiXss" in html


@pytest.mark.django_db
def test_report_details_are_shown_escaped_to_curators(client, curator, hostile_catalogue):
    models, services = _connections_or_skip()
    report = services.page_report(
        kind="innovation",
        obj=hostile_catalogue["innovation"],
        reason=models.ReportReason.values[0],
        details=hostile("melding"),
    )
    client.force_login(curator)
    for path in [
        "/admin/connections/report/",
        f"/admin/connections/report/{report.pk}/change/",
    ]:
        html = client.get(path).content.decode()
        assert_no_markup(html)
        assert "hubsiXss" in html, path


@pytest.mark.django_db
def test_saved_search_names_are_shown_escaped(client, owner):
    models, _services = _connections_or_skip()
    models.SavedSearch.objects.create(
        user=owner,
        name=f"Energie zoekopdracht {PAYLOAD}"[:100],
        list_kind=models.ListKind.values[0],
        query="q=energie",
    )
    client.force_login(owner)
    html = client.get("/saved-searches/").content.decode()
    assert_no_markup(html)
    assert ESCAPED in html
