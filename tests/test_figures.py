"""The figures page for ESF+ reporting: each figure equals a direct query over data built for it
(definitions in docs/curation.md)."""

import io
from datetime import date, datetime, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.mfa import give_totp
from accounts.models import User
from connections.models import (
    ContactRequest,
    ContactStatus,
    Frequency,
    Report,
    ReportKind,
    ReportReason,
    SentDigest,
)
from front.figures import figures, last_months, percentile, published_counts, record_month
from hubsi.models import MonthFigure, Status
from hubsi.vocabulary import HelixRole, Region, Stage
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter
from tests.conftest import CURATOR_TOTP_SECRET
from tests.factories import (
    make_innovation,
    make_learning_offer,
    make_space,
    make_supporter,
    make_user,
)

# Activity in two whole months before the current one, so none of it is in the future.
MONTHS = last_months(4)
EARLIEST, LAST, THIS, CURRENT = MONTHS


def at(month: date, day: int, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(month.year, month.month, day, hour))


def in_month(month: date) -> dict:
    """Lookups for `moment` in a calendar month (in TIME_ZONE): the direct query's filter."""
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return {"gte": at(month, 1, 0), "lt": timezone.make_aware(datetime(end.year, end.month, 1))}


def where(field: str, month: date) -> dict:
    bounds = in_month(month)
    return {f"{field}__gte": bounds["gte"], f"{field}__lt": bounds["lt"]}


def log(obj, message: str, when: datetime, user) -> None:
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=message,
    )
    LogEntry.objects.filter(pk=entry.pk).update(action_time=when)


def by_key(rows) -> dict:
    return {row.key: row for row in rows}


@pytest.fixture
def history(db, curator):
    """Activity in the months LAST and THIS (and one contact request in EARLIEST)."""
    # Accounts: two this month (one verified), one last month (verified), one staff (not counted).
    for month, email, verified in (
        (THIS, "a@example.org", True),
        (THIS, "b@example.org", False),
        (LAST, "c@example.org", True),
    ):
        user = make_user(email)
        User.objects.filter(pk=user.pk).update(date_joined=at(month, 1))
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    User.objects.filter(pk=curator.pk).update(date_joined=at(THIS, 1))

    owner = make_user("owner@example.org")
    first = make_innovation(status=Status.PUBLISHED, owners=[owner])
    second = make_innovation(status=Status.CHANGES_REQUESTED, owners=[owner])
    third = make_innovation(status=Status.ARCHIVED, owners=[owner])
    supporter = make_supporter(status=Status.PUBLISHED, managers=[owner])
    # first: submitted last month, published 10 hours later.
    log(first, "Submitted for review", at(LAST, 2, 0), owner)
    log(first, "Published", at(LAST, 2, 10), curator)
    # second: submitted last month, changes requested 10 hours later.
    log(second, "Submitted for review", at(LAST, 28, 12), owner)
    log(second, "Changes requested: Wie heeft het probleem?", at(LAST, 28, 22), curator)
    # third: published changes this month after 2 hours, then archived.
    log(third, "Submitted changes for review: tagline", at(THIS, 1, 1), owner)
    log(third, "Published pending changes: tagline", at(THIS, 1, 3), curator)
    log(third, "Archived", at(THIS, 1, 4), curator)
    # supporter: submitted and published this month after 4 hours.
    log(supporter, "Submitted for review", at(THIS, 1, 5), owner)
    log(supporter, "Published", at(THIS, 1, 9), curator)

    sender = make_user("sender@example.org")
    old = at(EARLIEST, 10)
    requests = [
        # (created, status, answered)
        (at(LAST, 3), ContactStatus.ACCEPTED, at(LAST, 4)),
        (at(LAST, 5), ContactStatus.DECLINED, at(THIS, 1, 6)),
        (at(LAST, 6), ContactStatus.OPEN, None),
        (old, ContactStatus.ACCEPTED, old + timedelta(days=20)),  # answered late
        (timezone.now(), ContactStatus.OPEN, None),  # too recent to count as unanswered
    ]
    for index, (created, status, answered) in enumerate(requests):
        innovation = make_innovation(owners=[owner], name=f"Doel {index}")
        ContactRequest.objects.create(
            sender=sender,
            innovation=innovation,
            message="Hallo",
            status=status,
            created_at=created,
            answered_at=answered,
        )
    Report.objects.create(
        kind=ReportKind.INNOVATION, reason=ReportReason.SPAM, created_at=at(LAST, 9)
    )
    Report.objects.create(
        kind=ReportKind.INNOVATION, reason=ReportReason.FALSE, created_at=at(THIS, 1), handled=True
    )
    for moment, frequency in (
        (at(LAST, 2, 7), Frequency.DAILY),
        (at(THIS, 1, 7), Frequency.DAILY),
        (at(THIS, 6, 7), Frequency.WEEKLY),
    ):
        SentDigest.objects.create(sent_at=moment, frequency=frequency)
    return {"first": first, "second": second, "third": third, "supporter": supporter}


def test_percentile_is_the_nearest_rank():
    assert percentile([], 50) is None
    assert percentile([4.0], 90) == 4.0
    assert percentile([1, 2, 3, 4], 50) == 2
    assert percentile(list(range(1, 11)), 90) == 9
    assert percentile([10, 1, 5], 50) == 5


@pytest.mark.django_db
def test_account_figures_equal_the_database(history):
    rows = by_key(figures(MONTHS))
    people = User.objects.filter(is_staff=False)

    for month in MONTHS:
        created = people.filter(**where("date_joined", month))
        assert rows["accounts_created"].per_month[month] == created.count()
        assert (
            rows["accounts_verified"].per_month[month]
            == created.filter(emailaddress__verified=True).distinct().count()
        )
    assert rows["accounts_created"].per_month[THIS] == 2
    assert rows["accounts_verified"].per_month[LAST] == 1
    assert rows["accounts_created"].total == people.count()


@pytest.mark.django_db
def test_review_figures_per_kind_equal_the_admin_log(history):
    rows = by_key(figures(MONTHS))

    for model, name in ((Innovation, "innovation"), (Supporter, "supporter")):
        entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
        for key, lookup in (
            ("submissions", {"change_message__startswith": "Submitted"}),
            ("publications", {"change_message__startswith": "Published"}),
            ("changes_requested", {"change_message__startswith": "Changes requested"}),
            ("archived", {"change_message": "Archived"}),
        ):
            for month in MONTHS:
                expected = entries.filter(**lookup, **where("action_time", month)).count()
                assert rows[f"{name}_{key}"].per_month[month] == expected, (name, key, month)
            assert rows[f"{name}_{key}"].total == entries.filter(**lookup).count()
    assert rows["innovation_publications"].per_month[THIS] == 1  # the pending changes
    assert rows["innovation_submissions"].per_month[LAST] == 2
    assert rows["supporter_publications"].per_month[THIS] == 1


@pytest.mark.django_db
def test_review_times_are_hours_from_submission_to_decision(history):
    rows = by_key(figures(MONTHS))

    # Last month: 10 h (first) and 10 h (second); this month: 2 h (third) and 4 h (supporter).
    assert rows["review_hours_median"].per_month[LAST] == 10.0
    assert rows["review_hours_median"].per_month[THIS] == 2.0
    assert rows["review_hours_p90"].per_month[THIS] == 4.0
    assert rows["review_hours_median"].per_month[EARLIEST] is None
    assert rows["review_hours_median"].total == 4.0  # of 2, 4, 10, 10
    assert rows["review_hours_p90"].total == 10.0


@pytest.mark.django_db
def test_contact_request_and_report_figures_equal_the_database(history):
    rows = by_key(figures(MONTHS))
    requests = ContactRequest.objects.all()
    cutoff = timezone.now() - timedelta(days=14)

    for month in MONTHS:
        assert (
            rows["contact_sent"].per_month[month]
            == requests.filter(**where("created_at", month)).count()
        )
        for key, status in (
            ("accepted", ContactStatus.ACCEPTED),
            ("declined", ContactStatus.DECLINED),
        ):
            assert (
                rows[f"contact_{key}"].per_month[month]
                == requests.filter(status=status, **where("answered_at", month)).count()
            )
        sent = requests.filter(created_at__lte=cutoff, **where("created_at", month))
        unanswered = [
            r
            for r in sent
            if r.answered_at is None or r.answered_at - r.created_at > timedelta(days=14)
        ]
        assert rows["contact_unanswered"].per_month[month] == len(unanswered)
        assert (
            rows["reports_received"].per_month[month]
            == Report.objects.filter(**where("created_at", month)).count()
        )
        assert (
            rows["digests_sent"].per_month[month]
            == SentDigest.objects.filter(**where("sent_at", month)).count()
        )
        assert (
            rows["reports_handled"].per_month[month]
            == Report.objects.filter(handled=True, **where("created_at", month)).count()
        )
    assert rows["contact_declined"].per_month[THIS] == 1  # answered this month
    # Last month: the open one, and the one declined on the 1st of the next month (late).
    assert rows["contact_unanswered"].per_month[LAST] == 2
    assert rows["contact_unanswered"].total == 3  # and the one answered after 20 days
    assert rows["contact_sent"].total == requests.count()
    assert rows["digests_sent"].per_month[THIS] == 2
    assert rows["digests_sent"].total == SentDigest.objects.count() == 3


@pytest.mark.django_db
def test_figures_page_and_csv_for_curators(history, curator):
    lien = Client()
    lien.force_login(curator)
    with translation.override("en"):
        page_url, csv_url = reverse("admin:figures"), reverse("admin:figures-csv")

    page = lien.get(page_url)
    download = lien.get(csv_url)

    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="figure-innovation_submissions"' in html
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    text = download.content.decode("utf-8")
    assert text.startswith("\ufeffFigure;")
    lines = text.lstrip("\ufeff").splitlines()
    assert len(lines) == 1 + len(figures(last_months(12)))
    submissions = next(line for line in lines if line.startswith("Innovations: submissions;"))
    assert submissions.split(";")[-1] == "3"  # the total


@pytest.mark.django_db
def test_figures_query_count_does_not_grow_with_data(history, curator):
    lien = Client()
    lien.force_login(curator)
    lien.get("/en/admin/figures/")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert lien.get("/en/admin/figures/").status_code == 200
        return len(queries)

    before = count()
    owner = make_user()
    for day in range(1, 5):
        innovation = make_innovation(owners=[owner], regions=[Region.LIMBURG, Region.ANTWERP])
        log(innovation, "Submitted for review", at(THIS, 1, day), owner)
        log(innovation, "Published", at(THIS, 1, day + 1), curator)
        make_space(region=Region.LIMBURG)
        make_learning_offer(regions=[Region.BRUSSELS])
        SentDigest.objects.create(sent_at=at(THIS, day), frequency=Frequency.DAILY)
    record_month(EARLIEST, published_counts(), reconstructed=True)
    record_month(THIS, published_counts())

    assert count() == before


@pytest.mark.django_db
def test_figures_are_for_curators_only(client, curator):
    staff = make_user("staf@europa-wse.example", is_staff=True)
    give_totp(staff, CURATOR_TOTP_SECRET)
    not_staff = Client()
    not_staff.force_login(make_user())
    other_staff = Client()
    other_staff.force_login(staff)

    for path in ("/admin/figures/", "/admin/figures.csv"):
        anonymous = client.get(path, follow=True)
        assert anonymous.redirect_chain[-1][0].startswith(reverse("account_login"))
        assert not_staff.get(path, follow=True).status_code == 403
        assert other_staff.get(path).status_code == 403


# Published content at the end of each month ---------------------------------------------------


def published_at(obj, moment: datetime) -> None:
    type(obj).objects.filter(pk=obj.pk).update(published_at=moment)


@pytest.fixture
def catalogue(db):
    """Published and unpublished content of every kind, in stages, helix roles and regions."""
    make_innovation(stage=Stage.SCALING, regions=[Region.LIMBURG, Region.FLANDERS])
    make_innovation(stage=Stage.SCALING, regions=[Region.LIMBURG])
    make_innovation(stage=Stage.INSIGHT, regions=[])
    make_innovation(stage=Stage.SCALING, regions=[Region.LIMBURG], status=Status.SUBMITTED)
    make_innovation(stage=Stage.INSIGHT, status=Status.ARCHIVED)
    host = make_supporter(helix_role=HelixRole.GOVERNMENT, regions=[Region.LIMBURG])
    make_supporter(helix_role=HelixRole.BUSINESS, regions=[Region.ANTWERP, Region.LIMBURG])
    hidden_host = make_supporter(helix_role=HelixRole.BUSINESS, status=Status.DRAFT)
    make_space(host=host, region=Region.LIMBURG)
    make_space(host=host, region=Region.ANTWERP, status=Status.SUBMITTED)
    make_space(host=hidden_host, region=Region.LIMBURG)  # its host is not public
    make_learning_offer(provider=host, regions=[Region.LIMBURG, Region.BRUSSELS])
    make_learning_offer(provider=hidden_host, regions=[Region.LIMBURG])


def live_query(model):
    """The direct query: what is published now (a place with its host, an offer with its
    provider)."""
    published = model.objects.filter(status=Status.PUBLISHED)
    if model is ExperimentationSpace:
        published = published.filter(host__status=Status.PUBLISHED)
    if model is LearningOffer:
        published = published.filter(provider__status=Status.PUBLISHED)
    return published


def expected_counts(query) -> dict[str, int]:
    """Row key -> count for the published content that `query(model)` selects."""
    expected = {}
    for name, model, dimensions in (
        ("innovation", Innovation, (("stage", "stage", Stage), ("region", "regions", Region))),
        (
            "supporter",
            Supporter,
            (("helix_role", "helix_role", HelixRole), ("region", "regions", Region)),
        ),
        ("space", ExperimentationSpace, (("region", "region", Region),)),
        ("offer", LearningOffer, (("region", "regions", Region),)),
    ):
        published = query(model)
        expected[f"published_{name}"] = published.count()
        for dimension, lookup, vocabulary in dimensions:
            for code in vocabulary.values:
                key = f"published_{name}_{dimension}_{code}"
                expected[key] = published.filter(**{lookup: code}).distinct().count()
    return expected


@pytest.mark.django_db
def test_the_current_month_shows_published_content_now(catalogue):
    rows = by_key(figures(MONTHS))

    for key, count in expected_counts(live_query).items():
        assert rows[key].per_month[CURRENT] == count, key
        assert rows[key].per_month[THIS] is None  # nothing recorded for earlier months
        assert rows[key].total is None
    assert rows["published_innovation_stage_scaling"].per_month[CURRENT] == 2
    assert rows["published_innovation_region_limburg"].per_month[CURRENT] == 2
    assert rows["published_supporter_helix_role_business"].per_month[CURRENT] == 1
    assert rows["published_space_region_limburg"].per_month[CURRENT] == 1
    assert rows["published_offer_region_brussels"].per_month[CURRENT] == 1


@pytest.mark.django_db
def test_recording_the_month_just_ended_is_done_once(catalogue):
    out = io.StringIO()
    call_command("record_month_figures", stdout=out)
    # Later changes do not alter the recorded month, and a second run leaves it as it is.
    make_innovation(stage=Stage.SCALING, regions=[Region.LIMBURG])
    call_command("record_month_figures", stdout=out)

    output = out.getvalue()
    assert f"{THIS:%Y-%m}: recorded as it is now (innovations 3," in output
    assert f"{THIS:%Y-%m}: already recorded, left as it is." in output
    rows = by_key(figures(MONTHS))
    expected_now = expected_counts(live_query)
    assert rows["published_innovation"].per_month[THIS] == expected_now["published_innovation"] - 1
    assert rows["published_innovation_stage_scaling"].per_month[THIS] == 2
    assert rows["published_innovation_stage_scaling"].per_month[CURRENT] == 3
    assert rows["published_space_region_limburg"].per_month[THIS] == 1
    recorded = MonthFigure.objects.filter(month=THIS)
    assert not recorded.filter(reconstructed=True).exists()
    assert recorded.get(kind="offer", dimension="region", value="brussels").count == 1


def was_public_query(end: datetime):
    """The direct query of the reconstruction: published before `end`, not archived by the
    latest publication or archiving in the admin log before `end`, and known to have been public
    (published now, or with such an entry in the log)."""
    decisions = Q(change_message__startswith="Published") | Q(change_message="Archived")

    def query(model):
        entries = LogEntry.objects.filter(
            decisions,
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        latest = entries.filter(action_time__lt=end).order_by("-action_time", "-pk")
        public = (
            model.objects.filter(published_at__lt=end)
            .filter(Q(status=Status.PUBLISHED) | Exists(entries))
            .annotate(latest=Subquery(latest.values("change_message")[:1]))
            .filter(Q(latest__isnull=True) | ~Q(latest="Archived"))
        )
        if model is ExperimentationSpace:
            public = public.filter(host__in=query(Supporter))
        if model is LearningOffer:
            public = public.filter(provider__in=query(Supporter))
        return public

    return query


@pytest.mark.django_db
def test_backfill_reconstructs_earlier_months_from_the_admin_log(curator):
    def innovation(first: datetime, status=Status.PUBLISHED, **fields):
        item = make_innovation(status=status, **fields)
        published_at(item, first)
        return item

    # Published before EARLIEST's end, archived during LAST.
    archived = innovation(at(EARLIEST, 5), Status.ARCHIVED, stage=Stage.AWARENESS)
    log(archived, "Published", at(EARLIEST, 5), curator)
    log(archived, "Archived", at(LAST, 10), curator)
    # Published during LAST.
    recent = innovation(at(LAST, 3), stage=Stage.SCALING, regions=[Region.LIMBURG])
    log(recent, "Published", at(LAST, 3), curator)
    # Demo content: published long ago, nothing in the log.
    innovation(at(EARLIEST, 2), stage=Stage.SCALING, regions=[Region.ANTWERP])
    # Archived in EARLIEST, restored and published again in THIS.
    again = innovation(at(EARLIEST, 2), stage=Stage.INSIGHT)
    log(again, "Archived", at(EARLIEST, 20), curator)
    log(again, "Restored as draft", at(THIS, 2), curator)
    log(again, "Published", at(THIS, 5), curator)
    # Archived without a trace in the log: left out.
    innovation(at(EARLIEST, 2), Status.ARCHIVED)
    # A place published since EARLIEST whose host was published only in LAST.
    host = make_supporter(helix_role=HelixRole.CITIZEN, regions=[Region.LIMBURG])
    published_at(host, at(LAST, 1))
    log(host, "Published", at(LAST, 1), curator)
    space = make_space(host=host, region=Region.LIMBURG)
    published_at(space, at(EARLIEST, 1))

    out = io.StringIO()
    call_command("record_month_figures", "--backfill", stdout=out)

    output = out.getvalue()
    assert f"{EARLIEST:%Y-%m}: reconstructed (innovations 2, supporters 0," in output
    assert f"{LAST:%Y-%m}: reconstructed (innovations 2, supporters 1," in output
    assert "Done: 1 month(s) recorded, 2 reconstructed, 0 already there." in output
    rows = by_key(figures(MONTHS))
    for month in (EARLIEST, LAST):
        end = at(next_month(month), 1, 0)
        for key, count in expected_counts(was_public_query(end)).items():
            assert rows[key].per_month[month] == count, (month, key)
    for key, count in expected_counts(live_query).items():
        assert rows[key].per_month[THIS] == count, key  # recorded from the live state
    assert rows["published_space"].per_month[EARLIEST] == 0  # its host was not public yet
    assert rows["published_space"].per_month[LAST] == 1
    assert rows["published_innovation_stage_awareness"].per_month[LAST] == 0
    assert rows["published_innovation_stage_insight"].per_month[THIS] == 1
    assert set(MonthFigure.objects.filter(reconstructed=True).values_list("month", flat=True)) == {
        EARLIEST,
        LAST,
    }

    again_out = io.StringIO()
    call_command("record_month_figures", "--backfill", stdout=again_out)
    assert "Done: 0 month(s) recorded, 0 reconstructed, 1 already there." in again_out.getvalue()


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


@pytest.mark.django_db
def test_the_page_and_csv_show_published_content_per_month(catalogue, curator):
    record_month(EARLIEST, {("innovation", "total", ""): 7}, reconstructed=True)
    record_month(THIS, published_counts())
    lien = Client()
    lien.force_login(curator)

    html = lien.get("/en/admin/figures/").content.decode()
    download = lien.get("/en/admin/figures.csv").content.decode("utf-8")

    assert '<table id="figures-month-end">' in html
    assert 'id="figure-published_innovation_stage_scaling"' in html
    assert html.count("(reconstructed)") == 1 and html.count("(so far)") == 2
    line = next(
        line for line in download.splitlines() if line.startswith("Innovations: published;")
    )
    cells = line.split(";")
    # 12 months: nothing before EARLIEST, 7 reconstructed, nothing in LAST, 3 recorded, 3 now;
    # no total for a state.
    assert cells[-6:] == ["", "7", "", "3", "3", ""]
    dutch = lien.get("/admin/figures.csv").content.decode("utf-8")
    assert len(dutch.splitlines()) == len(download.splitlines())
