"""The figures page for ESF+ reporting: each figure equals a direct query over data built for it
(definitions in docs/curation.md)."""

from datetime import date, datetime, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.mfa import give_totp
from accounts.models import User
from connections.models import ContactRequest, ContactStatus, Report, ReportKind, ReportReason
from front.figures import figures, last_months, percentile
from hubsi.models import Status
from innovations.models import Innovation
from supporters.models import Supporter
from tests.conftest import CURATOR_TOTP_SECRET
from tests.factories import make_innovation, make_supporter, make_user

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
            rows["reports_handled"].per_month[month]
            == Report.objects.filter(handled=True, **where("created_at", month)).count()
        )
    assert rows["contact_declined"].per_month[THIS] == 1  # answered this month
    # Last month: the open one, and the one declined on the 1st of the next month (late).
    assert rows["contact_unanswered"].per_month[LAST] == 2
    assert rows["contact_unanswered"].total == 3  # and the one answered after 20 days
    assert rows["contact_sent"].total == requests.count()


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
        innovation = make_innovation(owners=[owner])
        log(innovation, "Submitted for review", at(THIS, 1, day), owner)
        log(innovation, "Published", at(THIS, 1, day + 1), curator)

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
