"""Open data and interfaces (docs/opendata.md): the API, feeds, calendars."""

import csv
import datetime
import io
import json
import random
import re

import feedparser
import jsonschema
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse
from icalendar import Calendar
from openapi_spec_validator import validate

from accounts.models import User
from hubsi import vocabulary
from hubsi.models import Status
from hubsi.views import FilteredListView
from learning.models import LearningOffer
from opendata import files
from opendata.kinds import KINDS, listed
from tests.conftest import build_catalogue
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_practice,
    make_space,
    make_supporter,
    make_theme,
    make_user,
)

API = "/api/v1"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate-limit counters and cached facets of earlier tests
    yield
    cache.clear()


def varied_catalogue(rng: random.Random, size: int = 14) -> dict:
    """Published items with random vocabulary, plus unpublished ones that must never show."""
    themes = [
        make_theme(slug=f"t{i}", name_nl=f"Thema {i}", name_en=f"Theme {i}") for i in range(2)
    ]
    challenges = [
        make_challenge(themes[i % 2], slug=f"c{i}", name_nl=f"Uitdaging {i}", name_en=f"C {i}")
        for i in range(4)
    ]

    def some(choices, most=3):
        return rng.sample([c for c, _ in choices], rng.randint(0, most))

    supporters = []
    today = datetime.date.today()
    for i in range(size):
        make_innovation(
            name=f"{rng.choice(['Warm', 'Koud', 'Samen'])} Wonen {i}",
            stage=rng.choice(vocabulary.Stage.values),
            challenges=rng.sample(challenges, rng.randint(1, 2)),
            regions=some(vocabulary.Region.choices),
            partner_roles=some(vocabulary.HelixRole.choices),
            wanted_roles=some(vocabulary.HelixRole.choices),
            needs=some(vocabulary.SupportType.choices),
            problem=rng.choice(["Huurders betalen te veel energie.", "Eenzaamheid bij ouderen."]),
        )
        supporter = make_supporter(
            name=f"Ondersteuner {rng.choice(['Noord', 'Zuid'])} {i}",
            helix_role=rng.choice(vocabulary.HelixRole.values),
            offers=some(vocabulary.SupportType.choices),
            stages=some(vocabulary.Stage.choices),
            challenges=rng.sample(challenges, rng.randint(0, 2)),
            themes=rng.sample(themes, rng.randint(0, 1)),
            regions=some(vocabulary.Region.choices),
        )
        supporters.append(supporter)
        space = make_space(
            host=supporter,
            region=rng.choice(vocabulary.Region.values),
            challenges=rng.sample(challenges, rng.randint(0, 2)),
            themes=rng.sample(themes, rng.randint(0, 1)),
            open_to_citizens=rng.random() < 0.5,
        )
        make_funding(
            instrument=rng.choice(vocabulary.Instrument.values),
            eligible_roles=some(vocabulary.HelixRole.choices),
            stages=some(vocabulary.Stage.choices),
            challenges=rng.sample(challenges, rng.randint(0, 2)),
            themes=rng.sample(themes, rng.randint(0, 1)),
            regions=some(vocabulary.Region.choices),
            funder=rng.choice([None, supporter]),
        )
        start = rng.choice([None, -40, -3, 5, 30])  # days from today; None: self-paced
        start_date = today + datetime.timedelta(days=start) if start is not None else None
        make_learning_offer(
            name=f"Leertraject {rng.choice(['Wonen', 'Energie'])} {i}",
            provider=supporter,
            language=rng.choice(["nl", "en"]),
            format=rng.choice(vocabulary.LearningFormat.values),
            competences=some(vocabulary.Competence.choices),
            stages=some(vocabulary.Stage.choices),
            challenges=rng.sample(challenges, rng.randint(0, 2)),
            themes=rng.sample(themes, rng.randint(0, 1)),
            regions=some(vocabulary.Region.choices),
            audiences=some(vocabulary.HelixRole.choices),
            online=rng.random() < 0.5,
            price=rng.choice([None, 0, 25]),
            start_date=start_date,
            end_date=start_date and start_date + datetime.timedelta(days=rng.choice([0, 2])),
            space=rng.choice([None, space]),
        )
        make_practice(
            roles=some(vocabulary.HelixRole.choices),
            instruments=some(vocabulary.Instrument.choices),
            stages=some(vocabulary.Stage.choices),
            challenges=rng.sample(challenges, rng.randint(0, 2)),
            themes=rng.sample(themes, rng.randint(0, 1)),
        )
    hidden_host = make_supporter(status=Status.DRAFT, name="Verborgen Huis", slug="hidden-host")
    make_innovation(status=Status.SUBMITTED, slug="hidden-innovation", challenges=challenges[:1])
    make_space(host=hidden_host, slug="hidden-space")
    make_funding(status=Status.DRAFT, slug="hidden-funding")
    make_learning_offer(status=Status.DRAFT, slug="hidden-learning", challenges=challenges[:1])
    make_learning_offer(provider=hidden_host, slug="hidden-provider-learning")
    make_practice(is_active=False, slug="hidden-practice", challenges=challenges[:1])
    return {"themes": themes, "challenges": challenges}


def random_query(rng: random.Random, kind, catalogue: dict) -> list[tuple[str, str]]:
    filterset = KINDS[kind].list_view.filterset_class
    pairs = []
    for name, flt in filterset.base_filters.items():
        if rng.random() > 0.35:
            continue
        if name == "q":
            pairs.append(("q", rng.choice(["wonen", "huurders", "noord", "energie", "zzz"])))
            continue
        if name == "theme":
            values = [t.slug for t in catalogue["themes"]]
        elif name == "challenge":
            values = [c.slug for c in catalogue["challenges"]]
        else:
            values = [str(key) for key, _label in flt.extra["choices"]]
        if name == "sort":
            pairs.append((name, rng.choice(values)))
        else:
            pairs += [(name, v) for v in rng.sample(values, rng.randint(1, min(2, len(values))))]
    return pairs


LIST_URLS = {
    "innovations": "innovations:innovation-list",
    "challenges": "innovations:challenge-list",
    "supporters": "supporters:supporter-list",
    "spaces": "supporters:space-list",
    "funding": "funding:funding-list",
    "learning": "learning:offer-list",
    "practices": "learning:practice-list",
}


def encode(pairs) -> str:
    from urllib.parse import urlencode

    return urlencode(pairs)


# The API ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_results_equal_the_html_list_for_random_filter_combinations(
    client, settings, monkeypatch
):
    settings.API_RATE_LIMITS = [(10_000, 60)]
    monkeypatch.setattr(FilteredListView, "paginate_by", 5)  # several pages from a few items
    rng = random.Random(16)
    catalogue = varied_catalogue(rng)
    checked = 0
    for _round in range(50):
        kind = rng.choice(list(KINDS))
        pairs = random_query(rng, kind, catalogue)
        query = encode(pairs)
        cache.clear()  # the HTML page is cached for anonymous visitors; read its context
        html = client.get(reverse(LIST_URLS[kind]) + "?" + query)
        assert html.status_code == 200
        api = client.get(f"{API}/{kind}/?{query}&facets=1")
        assert api.status_code == 200, api.content
        body = api.json()
        paginator = html.context["paginator"]
        assert body["count"] == paginator.count, (kind, query)
        assert [i["slug"] for i in body["results"]] == [
            o.slug for o in html.context["page_obj"].object_list
        ], (kind, query)
        html_facets = {
            (g["name"], o["value"]): o["count"]
            for g in html.context["facets"]
            for o in g["options"]
        }
        api_facets = {
            (g["name"], o["value"]): o["count"] for g in body["facets"] for o in g["options"]
        }
        assert api_facets == html_facets, (kind, query)
        if paginator.num_pages > 1:
            second = client.get(f"{API}/{kind}/?{query}&page=2").json()
            cache.clear()
            html2 = client.get(reverse(LIST_URLS[kind]) + f"?{query}&page=2")
            assert [i["slug"] for i in second["results"]] == [
                o.slug for o in html2.context["page_obj"].object_list
            ]
            checked += 1
    assert checked, "no combination had a second page"


@pytest.mark.django_db
def test_api_lists_only_published_content(client):
    varied_catalogue(random.Random(1), size=3)
    for kind in KINDS:
        body = client.get(f"{API}/{kind}/?page=1").json()
        slugs = {item["slug"] for item in body["results"]}
        assert not {s for s in slugs if s.startswith("hidden")}
    for path in (
        "innovations/hidden-innovation",
        "spaces/hidden-space",
        "funding/hidden-funding",
        "supporters/hidden-host",
        "learning/hidden-learning",
        "learning/hidden-provider-learning",
        "practices/hidden-practice",
    ):
        response = client.get(f"{API}/{path}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


@pytest.mark.django_db
def test_api_detail_has_relations_as_slugs_with_both_labels_and_no_email(client):
    theme = make_theme(slug="housing", name_nl="Wonen", name_en="Housing")
    challenge = make_challenge(
        theme, slug="energy", name_nl="Energiearmoede", name_en="Energy poverty"
    )
    owner = make_user("owner.private@example.org")
    innovation = make_innovation(
        slug="warme-buurt",
        challenges=[challenge],
        regions=["limburg"],
        owners=[owner],
        contact_email="contact.private@example.org",
    )
    draft_funder = make_supporter(status=Status.DRAFT, slug="draft-funder")
    make_funding(slug="fund", funder=draft_funder, challenges=[challenge])
    body = client.get(f"{API}/innovations/{innovation.slug}/").json()
    assert body["challenges"] == [
        {"slug": "energy", "label_nl": "Energiearmoede", "label_en": "Energy poverty"}
    ]
    assert body["regions"] == [{"slug": "limburg", "label_nl": "Limburg", "label_en": "Limburg"}]
    assert body["stage"]["slug"] == "insight"
    assert body["url"].endswith("/innovations/warme-buurt/")
    assert "@" not in json.dumps(body)
    # A funder whose profile is not published is named only by the funder's name.
    assert client.get(f"{API}/funding/fund/").json()["funder"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "stage=nonsense",
        "unknown=1",
        "page=0",
        "page=999",
        "page=abc",
        "page=99999999999999999999",
        "sort=sideways",
        "challenge=%3Cscript%3E",
    ],
)
def test_bad_parameters_get_a_problem_detail(client, query):
    make_innovation()
    response = client.get(f"{API}/innovations/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request" and problem["detail"]
    # Values are echoed only inside JSON, which browsers never sniff as a page.
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_unknown_api_address_is_a_problem_detail(client):
    response = client.get(f"{API}/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
def test_api_pages_link_next_and_previous(client, settings, monkeypatch):
    monkeypatch.setattr(FilteredListView, "paginate_by", 2)
    for _ in range(5):
        make_innovation()
    body = client.get(f"{API}/innovations/?stage=insight&page=2").json()
    assert body["count"] == 5
    assert body["next"] == f"{settings.SITE_URL}{API}/innovations/?stage=insight&page=3"
    assert body["previous"] == f"{settings.SITE_URL}{API}/innovations/?stage=insight&page=1"
    assert client.get(f"{API}/innovations/?page=3").json()["next"] is None


@pytest.mark.django_db
def test_api_is_cacheable_with_an_etag(client):
    make_innovation()
    response = client.get(f"{API}/innovations/")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    again = client.get(f"{API}/innovations/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_api_allows_any_origin_without_credentials(client):
    response = client.get(f"{API}/innovations/", headers={"origin": "https://example.net"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        f"{API}/innovations/",
        headers={"origin": "https://example.net", "access-control-request-method": "GET"},
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


@pytest.mark.django_db
def test_api_is_read_only(client):
    assert client.post(f"{API}/innovations/", {}).status_code == 405


@pytest.mark.django_db
def test_api_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMITS = [(3, 60)]
    statuses = [client.get(f"{API}/innovations/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(f"{API}/innovations/")
    assert response["Content-Type"] == "application/problem+json"
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another client has its own budget.
    other = client.get(f"{API}/innovations/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


@pytest.mark.django_db
def test_openapi_schema_validates(client):
    response = client.get(f"{API}/schema/", headers={"accept": "application/json"})
    assert response.status_code == 200
    schema = json.loads(response.content) if response.content.lstrip()[:1] == b"{" else None
    if schema is None:
        import yaml

        schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for kind in KINDS:
        assert f"{API}/{kind}/" in schema["paths"]
        assert f"{API}/{kind}/{{slug}}/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"][f"{API}/innovations/"]["get"]["parameters"]}
    assert {"q", "challenge", "stage", "region", "role", "wanted", "support", "sort", "page"} <= (
        parameters
    )


# Atom feeds ---------------------------------------------------------------------------------

FEED_KINDS = ["innovations", "supporters", "spaces", "funding", "learning"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_feed_parses_with_the_lists_filters(client, settings, language):
    rng = random.Random(2)
    catalogue = varied_catalogue(rng, size=8)
    prefix = "" if language == "nl" else "/en"
    for kind in FEED_KINDS:
        for _round in range(4):
            query = encode(random_query(rng, kind, catalogue))
            response = client.get(f"{prefix}/{kind}/feed/?{query}")
            assert response.status_code == 200
            assert response["Content-Type"].startswith("application/atom+xml")
            feed = feedparser.parse(response.content)
            assert not feed.bozo, feed.bozo_exception
            assert feed.version == "atom10"
            assert feed.feed.language == language
            # The same items as the list with the same filters, newest first.
            filterset = KINDS[kind].list_view.filterset_class(
                QueryDict(query), queryset=KINDS[kind].model.objects.published()
            )
            if kind == "learning":  # past offers leave the feed, whatever `past` says
                filterset = KINDS[kind].list_view.filterset_class(
                    QueryDict(query), queryset=LearningOffer.objects.published().current()
                )
            expected = filterset.qs.order_by("-published_at", "-pk")
            assert [e.link for e in feed.entries] == [
                settings.SITE_URL + obj.get_absolute_url() for obj in expected
            ]
            for entry in feed.entries:
                assert entry.link.startswith(settings.SITE_URL + "/")
                assert entry.id.startswith("tag:")
                assert "hidden" not in entry.link


@pytest.mark.django_db
def test_feed_entries_carry_the_contents_language_and_a_stable_id(client):
    innovation = make_innovation(slug="warm-en", language="en", name="Warm Homes")
    first = feedparser.parse(client.get("/innovations/feed/").content).entries[0]
    assert first.title_detail.language == "en"
    assert client.get("/innovations/feed/").content.count(b'<entry xml:lang="en">') == 1
    innovation.slug = "warm-homes"
    innovation.save()
    again = feedparser.parse(client.get("/innovations/feed/").content).entries[0]
    assert again.id == first.id
    assert again.link.endswith("/innovations/warm-homes/")


@pytest.mark.django_db
def test_feed_escapes_markup_in_summaries(client):
    make_innovation(tagline="<script>alert(1)</script> & meer")
    feed = feedparser.parse(client.get("/innovations/feed/").content)
    assert feed.entries[0].summary == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"


@pytest.mark.django_db
def test_list_page_advertises_its_filtered_feed(client):
    catalogue = build_catalogue(1)
    slug = catalogue["challenge"].slug
    html = client.get(f"/innovations/?challenge={slug}&stage=insight&sort=name").content.decode()
    link = re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*>', html)
    assert f'href="/innovations/feed/?challenge={slug}&amp;stage=insight"' in link.group()
    assert "application/atom+xml" not in client.get("/challenges/").content.decode()


@pytest.mark.django_db
def test_saved_search_offers_its_feed(client, owner):
    from connections import services

    services.saved_search_create(
        user=owner, name="Energie", list_kind="funding", query="stage=insight&open=1"
    )
    client.force_login(owner)
    html = client.get(reverse("connections:saved-search-list")).content.decode()
    assert 'href="/funding/feed/?stage=insight&amp;open=1"' in html


@pytest.mark.django_db
def test_learning_feed_leaves_past_offers_out_and_carries_each_offers_language(client):
    today = datetime.date.today()
    make_learning_offer(slug="past", start_date=today - datetime.timedelta(days=9))
    make_learning_offer(slug="english", language="en", start_date=today)
    make_learning_offer(slug="self-paced")
    body = client.get("/learning/feed/?past=1").content
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.bozo_exception
    assert sorted(e.link.rsplit("/", 2)[-2] for e in feed.entries) == ["english", "self-paced"]
    assert body.count(b'<entry xml:lang="en">') == 1
    assert body.count(b'<entry xml:lang="nl">') == 1
    assert "application/atom+xml" in client.get("/learning/").content.decode()
    assert "application/atom+xml" not in client.get("/practices/").content.decode()
    assert client.get("/practices/feed/").status_code == 404


@pytest.mark.django_db
def test_saved_learning_search_offers_its_feed(client, owner):
    from connections import services

    services.saved_search_create(user=owner, name="Gratis", list_kind="learning", query="free=1")
    client.force_login(owner)
    html = client.get(reverse("connections:saved-search-list")).content.decode()
    assert 'href="/learning/feed/?free=1"' in html


# iCalendar ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_funding_deadlines_calendar_parses_and_follows_the_lists_filters(client, settings):
    today = datetime.date.today()
    limburg = make_funding(
        slug="limburg-call", deadline=today + datetime.timedelta(days=10), regions=["limburg"]
    )
    make_funding(
        slug="antwerp-call", deadline=today + datetime.timedelta(days=5), regions=["antwerp"]
    )
    make_funding(slug="rolling-call", deadline=None, regions=["limburg"])
    make_funding(slug="hidden-call", status=Status.DRAFT, deadline=today, regions=["limburg"])
    response = client.get("/funding/deadlines.ics?region=limburg")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-timezone"]) == "Europe/Brussels"
    events = calendar.walk("VEVENT")
    assert len(events) == 1  # rolling calls have no deadline; drafts never show
    event = events[0]
    assert str(event["uid"]) == f"funding-{limburg.pk}-deadline@127.0.0.1"
    assert event["dtstamp"].dt.tzinfo is not None
    assert event["dtstart"].dt == limburg.deadline  # a date: an all-day event
    assert not isinstance(event["dtstart"].dt, datetime.datetime)
    assert event["dtend"].dt == limburg.deadline + datetime.timedelta(days=1)
    assert str(event["url"]) == f"{settings.SITE_URL}/funding/limburg-call/"
    everything = Calendar.from_ical(client.get("/funding/deadlines.ics").content)
    assert [str(e["url"]).rsplit("/", 2)[1] for e in everything.walk("VEVENT")] == [
        "antwerp-call",
        "limburg-call",
    ]


@pytest.mark.django_db
def test_calendar_ignores_unknown_filter_values(client):
    make_funding(deadline=datetime.date.today())
    response = client.get("/funding/deadlines.ics?region=atlantis&stage=%3Cscript%3E")
    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1


# Files --------------------------------------------------------------------------------------

PRIVATE = ["owner.private@example.org", "contact.private@example.org"]


def catalogue_with_private_addresses(rng) -> dict:
    catalogue = varied_catalogue(rng, size=6)
    owner = make_user(PRIVATE[0])
    make_innovation(
        slug="with-email",
        owners=[owner],
        contact_email=PRIVATE[1],
        tagline='Komma, "aanhalingstekens"\nen een nieuwe regel',
    )
    make_supporter(slug="supporter-email", managers=[owner], contact_email=PRIVATE[1])
    return catalogue


@pytest.mark.django_db
def test_built_files_hold_exactly_the_published_rows_and_no_email(client):
    catalogue_with_private_addresses(random.Random(3))
    call_command("build_open_data", stdout=io.StringIO())
    emails = set(PRIVATE) | set(User.objects.values_list("email", flat=True))
    for name, kind in KINDS.items():
        published = listed(kind).count()
        response = client.get(f"/open-data/{name}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert response["Content-Disposition"] == f'attachment; filename="hubsi-{name}.csv"'
        body = b"".join(response.streaming_content).decode("utf-8")
        rows = list(csv.reader(io.StringIO(body, newline="")))
        assert rows[0] == files.csv_columns(kind)
        assert len(rows) - 1 == published
        assert all(len(row) == len(rows[0]) for row in rows)
        assert "\r\n" in body
        document = json.loads(b"".join(client.get(f"/open-data/{name}.json").streaming_content))
        jsonschema.validate(document, files.json_schema(kind))
        assert document["count"] == len(document["items"]) == published
        for text in (body, json.dumps(document)):
            assert not any(email in text for email in emails)
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), name
            assert "hidden" not in text
    learning = files.path_of("learning", "csv").read_text()
    assert LearningOffer.objects.published().past().exists()
    for offer in LearningOffer.objects.published().past():
        assert f"/learning/{offer.slug}/" not in learning
    innovations = list(csv.DictReader(io.StringIO(files.path_of("innovations", "csv").read_text())))
    row = next(r for r in innovations if r["slug"] == "with-email")
    assert row["tagline"] == 'Komma, "aanhalingstekens"\nen een nieuwe regel'


@pytest.mark.django_db
def test_files_are_served_with_etag_and_last_modified_without_the_database(
    client, django_assert_num_queries
):
    make_innovation()
    files.build_all()
    with django_assert_num_queries(0):
        response = client.get("/open-data/innovations.json")
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"]
    with django_assert_num_queries(0):
        again = client.get(
            "/open-data/innovations.json", headers={"if-none-match": response["ETag"]}
        )
    assert again.status_code == 304
    assert client.get("/open-data/nothing.csv").status_code == 404
    assert client.get("/open-data/innovations.xml").status_code == 404


@pytest.mark.django_db
def test_a_file_not_built_yet_is_not_found(client):
    assert client.get("/open-data/funding.csv").status_code == 404


@pytest.mark.django_db
def test_files_are_replaced_atomically(settings):
    make_innovation()
    files.build_all()
    before = files.path_of("innovations", "json").stat().st_ino
    files.build_all()
    assert files.path_of("innovations", "json").stat().st_ino != before  # renamed into place
    assert not [p for p in files.directory().iterdir() if p.name.startswith(".")]


@pytest.mark.django_db(transaction=True)
def test_a_publication_builds_the_files_at_most_once_an_hour(monkeypatch):
    builds = []
    real = files.build_all
    monkeypatch.setattr(files, "build_all", lambda: builds.append(1) or real())
    make_innovation()
    assert len(builds) == 1
    assert files.read_manifest()["counts"]["innovations"] == 1
    make_innovation()  # within the hour: the next build is scheduled, not run now
    assert len(builds) == 1


@pytest.mark.django_db
def test_open_data_page_describes_every_field_and_the_datasets(client):
    make_innovation()
    files.build_all()
    html = client.get("/open-data/").content.decode()
    for kind in KINDS.values():
        for field in kind.fields:
            assert f"<code>{field.name}</code>" in html
        assert f'href="/open-data/{kind.name}.csv"' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    catalogue = json.loads(block.group(1))
    assert catalogue["@type"] == "dcat:Catalog"
    assert {d["dct:identifier"] for d in catalogue["dcat:dataset"]} == {
        f"hubsi-{name}" for name in KINDS
    }
    assert 'href="/open-data/"' in client.get("/about/").content.decode()  # the footer


@pytest.mark.django_db
def test_json_schema_is_served_per_kind(client):
    schema = client.get("/open-data/innovations.schema.json").json()
    jsonschema.Draft202012Validator.check_schema(schema)


# Linked data on detail pages ----------------------------------------------------------------

BREAKOUT = '</script><script>hubsiLd()</script><!-- & "quotes" \u2028'


def ld_blocks(html: str) -> list:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


@pytest.mark.django_db
def test_detail_pages_carry_schema_org_json_ld_escaped_safely(client):
    theme = make_theme(name_nl=BREAKOUT, name_en=BREAKOUT)
    challenge = make_challenge(theme, name_nl=BREAKOUT, name_en=BREAKOUT)
    innovation = make_innovation(
        name=BREAKOUT,
        tagline=BREAKOUT,
        problem=BREAKOUT,
        organisation_name=BREAKOUT,
        challenges=[challenge],
        regions=["limburg"],
        website="https://example.org/",
    )
    supporter = make_supporter(name=BREAKOUT, description=BREAKOUT, regions=["antwerp"])
    space = make_space(host=supporter, name=BREAKOUT, description=BREAKOUT, municipality=BREAKOUT)
    funding = make_funding(
        name=BREAKOUT, description=BREAKOUT, funder_name=BREAKOUT, amount_min=1000, amount_max=5000
    )
    today = datetime.date.today()
    event = make_learning_offer(
        name=BREAKOUT,
        description=BREAKOUT,
        provider=supporter,
        space=space,
        start_date=today,
        end_date=today + datetime.timedelta(days=1),
        price=25,
    )
    course = make_learning_offer(name=BREAKOUT, description=BREAKOUT, online=True)
    expected = {
        innovation: ("Project", "parentOrganization"),
        event: ("Event", "startDate"),
        course: ("Course", "provider"),
        supporter: ("Organization", "areaServed"),
        space: ("Place", "address"),
        funding: ("MonetaryGrant", "amount"),
    }
    for obj, (ld_type, key) in expected.items():
        response = client.get(obj.get_absolute_url())
        html = response.content.decode()
        assert "<script>hubsiLd()" not in html
        [block] = ld_blocks(html)
        assert "<" not in block and ">" not in block and "&" not in block
        data = json.loads(block)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == ld_type and key in data
        assert data["name"] == BREAKOUT  # the text survives, only escaped
        assert data["url"].endswith(obj.get_absolute_url())
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w", block)  # no email address
        # The policy still allows the page: nothing inline may run, a data block is not run.
        assert "script-src 'self'" in response["Content-Security-Policy"]
    grant = json.loads(ld_blocks(client.get(funding.get_absolute_url()).content.decode())[0])
    assert grant["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "minValue": 1000,
        "maxValue": 5000,
    }
    event_ld = json.loads(ld_blocks(client.get(event.get_absolute_url()).content.decode())[0])
    assert event_ld["startDate"] == today.isoformat()
    assert event_ld["location"] == {"@type": "Place", "name": BREAKOUT}
    assert event_ld["offers"]["price"] == "25.00"
    assert event_ld["organizer"]["name"] == BREAKOUT
