"""Background work (DESIGN.md, "Background work"): what runs outside the request.

django-tasks is the backport of Django 6's `django.tasks`: moving to Django 6 changes only the
import. With `TASKS_BACKEND=database` the queue is a table in the database (django-tasks-db)
and any number of `manage.py db_worker` processes, on any machine that reaches the database,
take work from it; tests and `make run` use the immediate backend, which runs a task at once.
docs/operations.md says how workers run and how failures show.

A failed attempt is retried with a growing delay (1, 4, 16 and 64 minutes) where the backend
can defer work; each failed attempt stays in the task results that curators see in the admin.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskContext

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=1)


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1, 4, 16, 64 minutes)."""
    return FIRST_RETRY * 4 ** (attempt - 1)


def retry_later(context: TaskContext, error: Exception, *args, attempt: int) -> None:
    """Schedule the next attempt of the running task (when there is one left and the backend
    can defer work), then let the caller raise, so this attempt is recorded as failed."""
    task_ = context.task_result.task
    name = task_.name
    if attempt >= MAX_ATTEMPTS or not task_.get_backend().supports_defer:
        logger.error("task %s failed for good after attempt %d: %s", name, attempt, error)
        return
    delay = retry_delay(attempt)
    task_.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1)
    logger.warning("task %s failed (attempt %d), retrying in %s: %s", name, attempt, delay, error)
