"""What front/ adds to the detail pages of the apps below it, through the `detail_context`
hook of hubsi/signals.py: the matches (front/stored_matches.py, read from the table the
ranking of front/matching.py fills), and the refresh of that table when content changes."""

from django.db import transaction
from django.dispatch import receiver

from front import matching, stored_matches, tasks
from front.models import Section
from funding.models import FundingOpportunity
from hubsi.signals import NEVER_PUBLIC, connect_to_changes, detail_context
from innovations.models import Innovation
from learning.models import LearningOffer, Practice
from supporters.models import ExperimentationSpace, Supporter

MATCHES_PER_SECTION = stored_matches.MATCHES_PER_SECTION


@receiver(detail_context, sender=Innovation, dispatch_uid="front.innovation-matches")
def innovation_matches(sender, obj, request, **kwargs) -> dict:
    """Who and what can help the innovation, explained, on its public page."""
    sections = stored_matches.read(obj)
    return {
        "matches": matching.InnovationMatches(
            supporters=sections[Section.SUPPORTERS],
            funding=sections[Section.FUNDING],
            spaces=sections[Section.SPACES],
            innovations=sections[Section.INNOVATIONS],
            partners=sections[Section.PARTNERS],
        ),
        "learning_matches": sections[Section.LEARNING],
    }


@receiver(detail_context, sender=Innovation, dispatch_uid="front.innovation-learning")
def innovation_practices(sender, obj, request, **kwargs) -> dict:
    """The working models the innovation applies, as confirmed by the curators."""
    return {"practices": list(Practice.objects.applied_by(obj).order_by("name_nl", "pk"))}


@receiver(detail_context, sender=Supporter, dispatch_uid="front.supporter-matches")
def supporter_manager_matches(sender, obj, request, **kwargs) -> dict:
    """The innovations this supporter can help, for its managers only (None for anyone else).

    Anonymous pages are cached (hubsi/caching.py), so this never lands in a page another
    visitor gets: signed-in people always get a fresh page."""
    if not obj.is_owner(request.user):
        return {"manager_matches": None}
    return {"manager_matches": matching.innovations_for_supporter(obj)}


# --- Refreshing the stored matches after a change -------------------------------------------

MATCHED_MODELS = (Innovation, Supporter, ExperimentationSpace, FundingOpportunity, LearningOffer)


def _refresh_after_commit(sender, instance=None, **kwargs) -> None:
    """Queue `refresh_after_change` for the item once its transaction commits: once per item
    and transaction, however many saves and link changes the transaction made."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # a link about to change: its post_ signal follows
    if getattr(instance, "status", None) in NEVER_PUBLIC or not isinstance(
        instance, MATCHED_MODELS
    ):
        return  # never public (no match shows it), or the reverse side of a link
    key = (instance._meta.label, instance.pk)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        getattr(callback, "refresh_key", None) == key and not callback.done
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return

    def enqueue() -> None:
        enqueue.done = True
        tasks.refresh_after_change.enqueue(*key)

    enqueue.done = False

    enqueue.refresh_key = key
    transaction.on_commit(enqueue)


def watch_matches() -> None:
    """Connect the refresh to every change of the models the matches suggest or rank."""
    # Who owns or manages an item is not matched on: adding a co-owner refreshes nothing (it
    # would queue the refresh of every innovation sharing a challenge, thousands at volume).
    connect_to_changes(
        _refresh_after_commit, MATCHED_MODELS, "matches", ignored_links=("owners", "managers")
    )
