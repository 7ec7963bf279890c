"""CSV import and export of funding opportunities: Excel as used in Flanders, all or nothing."""

import csv
import datetime
import io

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from funding import csv_io
from funding.models import FundingOpportunity
from hubsi.models import Status
from tests.factories import make_challenge, make_funding, make_theme

HEADER = ";".join(csv_io.COLUMNS)


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the English source strings; the admin is Dutch by default."""
    with translation.override("en"):
        yield


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + "\r\n".join([header, *rows]) + "\r\n").encode("utf-8")


def row(**cells) -> str:
    defaults = {"name": "Oproep", "funder_name": "Europa WSE", "instrument": "grant"}
    values = {**defaults, **cells}
    return ";".join(values.get(column, "") for column in csv_io.COLUMNS)


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def admin_url(name: str) -> str:
    with translation.override("en"):
        return reverse(f"admin:funding_fundingopportunity_{name}")


def snapshot() -> list[dict]:
    """All opportunities as comparable data, by slug."""
    return [
        {"slug": obj.slug, "status": obj.status, **csv_io._values(obj)}
        for obj in FundingOpportunity.objects.order_by("slug").prefetch_related(
            *csv_io.MANY_COLUMNS
        )
    ]


@pytest.fixture
def vocabulary_links():
    theme = make_theme(slug="poverty")
    challenge = make_challenge(theme=theme, slug="energy-poverty")
    return theme, challenge


@pytest.fixture
def full_opportunity(vocabulary_links):
    theme, challenge = vocabulary_links
    return make_funding(
        slug="energy-fund",
        name="Energiefonds voor huurders",
        funder_name="Provincie Limburg",
        instrument="grant",
        amount_min=5000,
        amount_max=25000,
        opens_on=datetime.date(2025, 1, 15),
        deadline=datetime.date(2025, 6, 30),
        eligible_roles=["citizen", "civil_society"],
        stages=["insight", "co_creation"],
        themes=[theme],
        challenges=[challenge],
        regions=["limburg"],
        url="https://www.limburg.be/energiefonds",
        description="Steun voor burgercollectieven.\r\nAanvragen via het loket.",
    )


# Export -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_starts_with_a_bom_and_separates_with_semicolons(full_opportunity):
    data = csv_io.export_csv(FundingOpportunity.objects.all())

    assert data.startswith(b"\xef\xbb\xbf")
    [header, first] = parse(data)
    assert ";".join(header) == HEADER
    assert data.decode("utf-8-sig").splitlines()[0] == HEADER
    assert first[:4] == ["energy-fund", "Energiefonds voor huurders", "Provincie Limburg", "grant"]
    assert first[csv_io.COLUMNS.index("eligible_roles")] == "civil_society|citizen"
    assert first[csv_io.COLUMNS.index("deadline")] == "2025-06-30"
    assert first[csv_io.COLUMNS.index("status")] == "published"


@pytest.mark.django_db
def test_export_writes_an_empty_deadline_for_rolling_calls():
    make_funding(slug="rolling", deadline=None, amount_min=None)

    [_, first] = parse(csv_io.export_csv(FundingOpportunity.objects.all()))

    assert first[csv_io.COLUMNS.index("deadline")] == ""
    assert first[csv_io.COLUMNS.index("amount_min")] == ""


@pytest.mark.django_db
def test_export_neutralises_formula_cells():
    make_funding(
        slug="formulas",
        name='=HYPERLINK("http://evil.example","klik")',
        funder_name="@SUM(A1)",
        description="-2+3",
        url="",
    )
    make_funding(slug="plus", name="+32 11 00 00 00", funder_name="Stad Genk")

    rows = {cells[0]: cells for cells in parse(csv_io.export_csv(FundingOpportunity.objects.all()))}

    formulas = rows["formulas"]
    assert formulas[1] == """'=HYPERLINK("http://evil.example","klik")"""
    assert formulas[2] == "'@SUM(A1)"
    assert formulas[csv_io.COLUMNS.index("description")] == "'-2+3"
    assert rows["plus"][1] == "'+32 11 00 00 00"
    assert rows["plus"][2] == "Stad Genk"


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=1", "''-x", "'plain", "plain", "", "a=b"],
)
def test_neutralising_is_undone_by_import(value):
    neutralised = csv_io.neutralise(value)

    assert neutralised[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert csv_io.unneutralise(neutralised) == value


def test_import_strips_the_quote_only_before_a_formula_character():
    assert csv_io.unneutralise("'=SUM(A1)") == "=SUM(A1)"
    assert csv_io.unneutralise("'s Gravenbrakel") == "'s Gravenbrakel"


@pytest.mark.django_db
def test_round_trip_gives_the_same_data(curator, full_opportunity):
    make_funding(
        slug="formulas",
        name="=1+1",
        funder_name="-Stad",
        description="@iedereen",
        status=Status.DRAFT,
    )
    make_funding(slug="rolling", deadline=None, instrument="loan", status=Status.ARCHIVED)
    before = snapshot()
    exported = csv_io.export_csv(FundingOpportunity.objects.all())

    unchanged = csv_io.import_csv(exported, by=curator)
    assert len(unchanged.unchanged) == 3
    assert unchanged.created == unchanged.updated == []

    FundingOpportunity.objects.filter(status__in=[Status.PUBLISHED, Status.DRAFT]).delete()
    recreated = csv_io.import_csv(exported, by=curator)
    assert len(recreated.created) == 2
    assert snapshot() == before
    assert csv_io.export_csv(FundingOpportunity.objects.all()) == exported


# Import -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_creates_new_opportunities_as_drafts(curator, vocabulary_links):
    data = csv_file(
        row(
            slug="buurtfonds",
            name="Buurtfonds",
            amount_min="1 000",
            amount_max="10000",
            deadline="2030-12-31",
            eligible_roles="citizen|civil_society",
            stages="insight",
            themes="poverty",
            challenges="energy-poverty",
            regions="antwerp|limburg",
            url="https://example.org/buurtfonds",
        )
    )

    result = csv_io.import_csv(data, by=curator)

    [created] = result.created
    obj = FundingOpportunity.objects.get(slug="buurtfonds")
    assert obj == created
    assert obj.status == Status.DRAFT
    assert obj.published_at is None
    assert obj.amount_min == 1000
    assert obj.deadline == datetime.date(2030, 12, 31)
    assert {role.code for role in obj.eligible_roles.all()} == {"citizen", "civil_society"}
    assert [theme.slug for theme in obj.themes.all()] == ["poverty"]
    assert [challenge.slug for challenge in obj.challenges.all()] == ["energy-poverty"]
    assert LogEntry.objects.filter(
        object_id=str(obj.pk), action_flag=ADDITION, user=curator
    ).exists()


@pytest.mark.django_db
def test_import_reads_the_dates_excel_writes_in_flanders(curator):
    csv_io.import_csv(
        csv_file(row(slug="excel", opens_on="1/02/2025", deadline="30/06/2025")), by=curator
    )

    obj = FundingOpportunity.objects.get(slug="excel")
    assert obj.opens_on == datetime.date(2025, 2, 1)
    assert obj.deadline == datetime.date(2025, 6, 30)


@pytest.mark.django_db
def test_import_as_published_publishes_through_the_service(
    curator, client, django_capture_on_commit_callbacks
):
    client.get(reverse("funding:funding-list"))  # the list is now in the cache

    with django_capture_on_commit_callbacks(execute=True):
        data = csv_file(row(slug="meteen", name="Meteenfonds", status="published"))
        csv_io.import_csv(data, by=curator)

    obj = FundingOpportunity.objects.get(slug="meteen")
    assert obj.status == Status.PUBLISHED
    assert obj.published_at is not None
    history = LogEntry.objects.filter(object_id=str(obj.pk), user=curator).order_by("pk")
    assert [entry.change_message for entry in history] == ["Created by CSV import", "Published"]
    assert obj.name in client.get(reverse("funding:funding-list")).content.decode()


@pytest.mark.django_db
def test_import_makes_a_slug_from_the_name_when_it_is_empty(curator):
    make_funding(slug="klimaatfonds")

    csv_io.import_csv(csv_file(row(name="Klimaatfonds"), row(name="Klimaatfonds")), by=curator)

    assert FundingOpportunity.objects.filter(slug__startswith="klimaatfonds").count() == 3


@pytest.mark.django_db
def test_import_updates_by_slug_and_logs_the_change(curator):
    existing = make_funding(slug="zorgfonds", name="Oud", deadline=datetime.date(2030, 1, 1))

    result = csv_io.import_csv(
        csv_file(row(slug="zorgfonds", name="Zorgfonds 2030", status="published")), by=curator
    )

    existing.refresh_from_db()
    assert result.updated == [existing]
    assert existing.name == "Zorgfonds 2030"
    assert existing.deadline is None  # an empty deadline: now a rolling call
    assert existing.status == Status.PUBLISHED
    assert FundingOpportunity.objects.count() == 1
    entry = LogEntry.objects.get(object_id=str(existing.pk), action_flag=CHANGE)
    assert entry.user == curator
    assert "name" in entry.change_message
    assert "deadline" in entry.change_message


@pytest.mark.django_db
def test_import_publishes_a_submitted_opportunity_through_the_service(curator):
    submitted = make_funding(slug="ingediend", status=Status.SUBMITTED)

    csv_io.import_csv(csv_file(row(slug="ingediend", status="published")), by=curator)

    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
    assert submitted.published_at is not None
    assert LogEntry.objects.filter(object_id=str(submitted.pk), change_message="Published")


@pytest.mark.django_db
def test_import_does_not_publish_an_existing_draft(curator):
    make_funding(slug="ontwerp", status=Status.DRAFT)

    with pytest.raises(csv_io.CsvImportError) as raised:
        csv_io.import_csv(csv_file(row(slug="ontwerp", status="published")), by=curator)

    assert raised.value.errors == ["line 2: status cannot change from “Draft” to “Published”"]
    assert FundingOpportunity.objects.get(slug="ontwerp").status == Status.DRAFT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"instrument": "gift"}, "unknown instrument “gift”"),
        ({"instrument": ""}, "instrument is required"),
        ({"name": ""}, "name is required"),
        ({"funder_name": ""}, "funder_name is required"),
        ({"eligible_roles": "citizen|alien"}, "unknown code in eligible_roles: alien"),
        ({"stages": "dreaming"}, "unknown code in stages: dreaming"),
        ({"regions": "mars"}, "unknown code in regions: mars"),
        ({"themes": "nope"}, "unknown themes: nope"),
        ({"challenges": "nope"}, "unknown challenges: nope"),
        ({"deadline": "12/31/2025"}, "deadline “12/31/2025” is not a date like 2025-03-31"),
        ({"deadline": "morgen"}, "deadline “morgen” is not a date like 2025-03-31"),
        ({"opens_on": "2025-02-30"}, "opens_on “2025-02-30” is not a date"),
        ({"amount_max": "veel"}, "amount_max “veel” is not a whole number of euros"),
        ({"amount_min": "-5"}, "amount_min “-5” is not a whole number of euros"),
        ({"amount_min": "9000", "amount_max": "100"}, "amount_min is larger than amount_max"),
        (
            {"opens_on": "2025-06-01", "deadline": "2025-01-01"},
            "the deadline is before opens_on",
        ),
        ({"url": "javascript:alert(1)"}, "url “javascript:alert(1)” is not a web address"),
        ({"url": "www.example.org"}, "is not a web address"),
        ({"status": "submitted"}, "status “submitted” is not draft or published"),
        ({"status": "live"}, "status “live” is not draft or published"),
        ({"slug": "Geen slug!"}, "slug “Geen slug!” may only hold"),
        ({"slug": "new"}, "slug “new” is reserved"),
        ({"name": "x" * 201}, "name is longer than 200 characters"),
    ],
)
def test_import_reports_a_bad_row_by_line_with_its_reason(curator, cells, reason):
    data = csv_file(row(slug="goed"), row(**{"slug": "fout", **cells}))

    with pytest.raises(csv_io.CsvImportError) as raised:
        csv_io.import_csv(data, by=curator)

    [error] = raised.value.errors
    assert error.startswith("line 3: ")
    assert reason in error
    assert not FundingOpportunity.objects.exists()


@pytest.mark.django_db
def test_import_reports_every_bad_row_and_imports_nothing(curator):
    existing = make_funding(slug="bestaand", name="Blijft")
    data = csv_file(
        row(slug="bestaand", name="Gewijzigd"),
        row(slug="nieuw"),
        row(slug="slecht-1", instrument="gift"),
        '"Een beschrijving\r\nover twee regels";x;y;grant;;;;;;;;;;;;',
        row(slug="slecht-2", deadline="morgen", regions="mars"),
        row(slug="nieuw"),
    )

    with pytest.raises(csv_io.CsvImportError) as raised:
        csv_io.import_csv(data, by=curator)

    errors = raised.value.errors
    assert [error.split(":")[0] for error in errors] == [
        "line 4",
        "line 5",  # a row that starts on line 5 and runs over two lines
        "line 7",
        "line 7",
        "line 8",
    ]
    assert "slug “nieuw” is also on line 3" in errors[-1]
    existing.refresh_from_db()
    assert existing.name == "Blijft"
    assert FundingOpportunity.objects.count() == 1
    assert not LogEntry.objects.exists()


@pytest.mark.django_db
def test_import_refuses_a_file_with_the_wrong_header(curator):
    data = csv_file(row(slug="x"), header=HEADER.replace(";", ","))

    with pytest.raises(csv_io.CsvImportError) as raised:
        csv_io.import_csv(data, by=curator)

    assert raised.value.errors[0].startswith("line 1: missing columns: slug, name")


@pytest.mark.django_db
def test_import_refuses_a_file_that_is_not_utf8(curator):
    data = (HEADER + "\r\n" + row(name="Café")).encode("cp1252")

    with pytest.raises(csv_io.CsvImportError) as raised:
        csv_io.import_csv(data, by=curator)

    assert "not UTF-8" in raised.value.errors[0]


@pytest.mark.django_db
def test_import_reads_a_file_without_bom_and_skips_blank_rows(curator):
    data = (HEADER + "\n" + row(slug="zonder-bom") + "\n;;;;;;;;;;;;;;;\n\n").encode()

    result = csv_io.import_csv(data, by=curator)

    assert [obj.slug for obj in result.created] == ["zonder-bom"]


# The admin ----------------------------------------------------------------------------------


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.mark.django_db
def test_changelist_offers_import_and_export(curator_client):
    html = curator_client.get(admin_url("changelist")).content.decode()

    assert admin_url("import") in html
    assert admin_url("export") in html
    assert "Import CSV" in html
    assert "Export CSV" in html


@pytest.mark.django_db
def test_export_button_exports_what_the_list_shows(curator_client):
    make_funding(slug="gepubliceerd", status=Status.PUBLISHED)
    make_funding(slug="ontwerp", status=Status.DRAFT)

    response = curator_client.get(admin_url("export"), {"status": "published"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert [cells[0] for cells in parse(response.content)] == ["slug", "gepubliceerd"]


@pytest.mark.django_db
def test_export_action_exports_the_selected_rows(curator_client):
    chosen = make_funding(slug="gekozen")
    make_funding(slug="niet-gekozen")

    response = curator_client.post(
        admin_url("changelist"), {"action": "export_csv", "_selected_action": [chosen.pk]}
    )

    assert response.status_code == 200
    assert [cells[0] for cells in parse(response.content)] == ["slug", "gekozen"]


@pytest.mark.django_db
def test_import_view_shows_the_upload_form(curator_client):
    response = curator_client.get(admin_url("import"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file"' in html
    assert 'enctype="multipart/form-data"' in html
    assert HEADER in html


@pytest.mark.django_db
def test_import_view_imports_a_good_file(curator_client, curator):
    upload = SimpleUploadedFile("funding.csv", csv_file(row(slug="via-admin")), "text/csv")

    response = curator_client.post(admin_url("import"), {"file": upload})

    assert response.status_code == 302
    assert response["Location"] == admin_url("changelist")
    obj = FundingOpportunity.objects.get(slug="via-admin")
    assert LogEntry.objects.filter(object_id=str(obj.pk), user=curator).exists()


@pytest.mark.django_db
def test_import_view_lists_the_bad_rows_and_imports_nothing(curator_client):
    data = csv_file(row(slug="goed"), row(slug="fout", instrument="gift"))
    upload = SimpleUploadedFile("funding.csv", data, "text/csv")

    response = curator_client.post(admin_url("import"), {"file": upload})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "line 3: unknown instrument “gift”" in html
    assert not FundingOpportunity.objects.exists()


@pytest.mark.django_db
def test_import_view_is_closed_to_staff_without_the_permissions(client):
    from accounts.mfa import give_totp
    from tests.factories import make_user

    staff = make_user(is_staff=True)
    give_totp(staff, "STAFFWITHOUTPERMISSIONSTOTPAAAAA")  # staff need it to reach the admin
    client.force_login(staff)

    assert client.get(admin_url("import")).status_code == 403
    assert client.get(admin_url("export")).status_code == 403
