"""Email leaves through background tasks (hubsi/mail.py, hubsi/tasks.py): queued with the
change that caused it, delivered by a worker, retried with a growing delay when delivery fails,
and visible to curators in the admin."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hubsi.tasks import MAX_ATTEMPTS, retry_delay

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server does not answer")


def send_digest_like_message():
    message = mail.EmailMultiAlternatives(
        subject="Nieuw voor jou",
        body="Tekst",
        to=["koen@example.org"],
        headers={"List-Unsubscribe": "<https://hubsi.example/u/1/>"},
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.send()


@pytest.fixture
def run_worker(monkeypatch):
    """`manage.py db_worker --batch`: runs what is due, then stops. The worker closes stale
    database connections between tasks; here the test's data lives in one transaction on that
    connection, so it is kept."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_message_is_delivered_whole_through_the_task(mailoutbox):
    send_digest_like_message()

    (message,) = mailoutbox
    assert message.subject == "Nieuw voor jou"
    assert message.to == ["koen@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == "<https://hubsi.example/u/1/>"
    assert message.alternatives[0].content == "<p>Tekst</p>"


def test_with_the_database_queue_a_worker_sends_the_mail(run_worker, settings, mailoutbox):
    settings.TASKS = DATABASE_QUEUE
    send_digest_like_message()
    assert mailoutbox == []  # the request only queued it
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY

    run_worker()

    assert [m.subject for m in mailoutbox] == ["Nieuw voor jou"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_change_that_rolls_back_sends_nothing(run_worker, settings, mailoutbox):
    settings.TASKS = DATABASE_QUEUE
    with pytest.raises(RuntimeError), transaction.atomic():
        send_digest_like_message()
        raise RuntimeError("the change fails after the mail was written")

    run_worker()
    assert mailoutbox == []
    assert not DBTaskResult.objects.exists()


def test_a_failed_delivery_is_retried_later_with_a_growing_delay(run_worker, settings, mailoutbox):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_DELIVERY_BACKEND = "tests.test_tasks.FailingBackend"
    before = timezone.now()
    send_digest_like_message()

    run_worker()

    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == TaskResultStatus.FAILED
    assert "ConnectionRefusedError" in failed.exception_class_path
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after >= before + timedelta(minutes=1)
    # The worker leaves it for later: nothing is sent, nothing else fails meanwhile.
    run_worker()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1

    # The mail server is back by the time the retry is due.
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [m.subject for m in mailoutbox] == ["Nieuw voor jou"]


def test_delivery_gives_up_after_the_last_attempt(run_worker, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_DELIVERY_BACKEND = "tests.test_tasks.FailingBackend"
    send_digest_like_message()
    for _attempt in range(MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        run_worker()

    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == MAX_ATTEMPTS
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_retry_delays_grow():
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=1),
        timedelta(minutes=4),
        timedelta(minutes=16),
        timedelta(minutes=64),
    ]


def test_curators_see_failed_tasks_in_the_admin(run_worker, settings, client, curator):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_DELIVERY_BACKEND = "tests.test_tasks.FailingBackend"
    send_digest_like_message()
    run_worker()

    client.force_login(curator)
    response = client.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED"
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "deliver_email" in page
    assert "1 / 5" in page
