"""What front/ adds to the detail pages of the apps below it, through the `detail_context`
hook of hubsi/signals.py: the matches (front/matching.py, front/learning_matches.py)."""

from django.dispatch import receiver

from front import learning_matches, matching
from hubsi.signals import detail_context
from innovations.models import Innovation
from learning.models import Practice
from supporters.models import Supporter

MATCHES_PER_SECTION = 5


@receiver(detail_context, sender=Innovation, dispatch_uid="front.innovation-matches")
def innovation_matches(sender, obj, request, **kwargs) -> dict:
    """Who and what can help the innovation, explained, on its public page."""
    return {"matches": matching.matches_for_innovation(obj, limit=MATCHES_PER_SECTION)}


@receiver(detail_context, sender=Innovation, dispatch_uid="front.innovation-learning")
def innovation_learning(sender, obj, request, **kwargs) -> dict:
    """The learning offers that fit the innovation, explained, on its public page."""
    return {
        "learning_matches": learning_matches.learning_for(obj, limit=MATCHES_PER_SECTION),
        # The working models it applies, as confirmed by the curators.
        "practices": list(Practice.objects.applied_by(obj).order_by("name_nl", "pk")),
    }


@receiver(detail_context, sender=Supporter, dispatch_uid="front.supporter-matches")
def supporter_manager_matches(sender, obj, request, **kwargs) -> dict:
    """The innovations this supporter can help, for its managers only (None for anyone else).

    Anonymous pages are cached (hubsi/caching.py), so this never lands in a page another
    visitor gets: signed-in people always get a fresh page."""
    if not obj.is_owner(request.user):
        return {"manager_matches": None}
    return {"manager_matches": matching.innovations_for_supporter(obj)}
