"""Keeping the stored matches in step in the background (docs/matching.md, "Stored matches";
DESIGN.md, "Background work").

After the commit of a change of an innovation, supporter, place, funding opportunity or
learning offer, `refresh_after_change` works out which innovations it can alter
(`stored_matches.affected`) and queues their refresh in batches; `refresh_expired_matches`
(daily, `manage.py refresh_matches --expired`) does the same for deadlines and end dates.
The immediate backend of tests and `make run` runs them at once.
"""

from django.apps import apps
from django_tasks import TaskContext, task

from front import stored_matches
from hubsi.tasks import retry_later

BATCH = 100  # innovations per refresh task: tens of seconds of work each at volume
# Below the default (0): the workers take every waiting email before the next batch, however
# long the queue of refreshes after a change (docs/matching.md, "Stored matches").
REFRESH_PRIORITY = -10


def enqueue(targets: stored_matches.Targets) -> int:
    """Queue the refresh of the targets in batches; returns how many innovations."""
    queued = 0
    for pks, sections in stored_matches.batches(targets, BATCH):
        refresh_matches.enqueue(pks, list(sections))
        queued += len(pks)
    return queued


@task(takes_context=True, priority=REFRESH_PRIORITY)
def refresh_matches(
    context: TaskContext, pks: list[int], sections: list[str], attempt: int = 1
) -> None:
    try:
        stored_matches.refresh_many(pks, sections)
    except Exception as error:
        retry_later(context, error, pks, sections, attempt=attempt)
        raise


@task(takes_context=True)
def refresh_after_change(context: TaskContext, model: str, pk: int, attempt: int = 1) -> None:
    """`model` is an app label and model name (`supporters.Supporter`)."""
    try:
        enqueue(stored_matches.affected(apps.get_model(model), pk))
    except Exception as error:
        retry_later(context, error, model, pk, attempt=attempt)
        raise


@task(takes_context=True)
def refresh_expired_matches(context: TaskContext, attempt: int = 1) -> None:
    try:
        enqueue(stored_matches.expired())
    except Exception as error:
        retry_later(context, error, attempt=attempt)
        raise
