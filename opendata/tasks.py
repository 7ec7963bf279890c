"""Building the open-data files in the background (DESIGN.md, "Background work").

After a change of public content (`hubsi.signals.catalogue_changed`, sent after the commit) a
build is scheduled, at most one an hour: the first change after a build schedules the next
one an hour after that build (at once when it is older); later changes find it scheduled.
With the immediate backend (tests, `make run`), which cannot defer, a change builds at once
when the last build is an hour old, and otherwise waits for a change after that hour.
"""

import logging
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskContext, task

from hubsi.tasks import retry_later
from opendata import files

logger = logging.getLogger(__name__)

SCHEDULED_KEY = "hubsi:opendata:build-scheduled"
INTERVAL = timedelta(hours=1)


@task(takes_context=True)
def build_open_data(context: TaskContext, attempt: int = 1) -> None:
    cache.delete(SCHEDULED_KEY)  # changes from now on need a later build
    try:
        manifest = files.build_all()
    except Exception as error:
        retry_later(context, error, attempt=attempt)
        raise
    logger.info("open-data files built: %s", manifest["counts"])


def schedule_build(**kwargs) -> None:
    """Receiver of `catalogue_changed`: make sure a build is scheduled."""
    now = timezone.now()
    manifest = files.read_manifest()
    last = datetime.fromisoformat(manifest["built_at"]) if manifest else None
    run_after = max(now, last + INTERVAL) if last else now
    wait = int((run_after - now).total_seconds())
    # Held until the scheduled build starts (a little longer, in case the queue is slow).
    if not cache.add(SCHEDULED_KEY, run_after.isoformat(), timeout=wait + 600):
        return
    if run_after <= now:
        build_open_data.enqueue()
    elif build_open_data.get_backend().supports_defer:
        build_open_data.using(run_after=run_after).enqueue()
    else:
        # A backend that cannot wait (the immediate one of tests and `make run`): the first
        # change after the hour builds; `manage.py build_open_data` builds at once.
        cache.set(SCHEDULED_KEY, run_after.isoformat(), timeout=max(1, wait))
