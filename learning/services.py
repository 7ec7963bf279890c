"""Writes of the learning app that are not the self-service engine's: owners claim the
practices their innovations apply; curators confirm the claims in the admin."""

from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.db import transaction

from innovations.models import Innovation
from learning.models import Practice, PracticeApplication


@transaction.atomic
def practice_claim(*, practice: Practice, innovations, by) -> tuple[int, int]:
    """`by` says which of their innovations apply the practice. New claims wait for a curator
    (unconfirmed); their unconfirmed claims for innovations no longer chosen are withdrawn;
    confirmed links stay (only curators undo them). Only innovations `by` owns count.
    Returns how many claims were added and withdrawn."""
    own = Innovation.objects.owned_by(by)
    chosen = set(own.filter(pk__in=[i.pk for i in innovations]).values_list("pk", flat=True))
    existing = PracticeApplication.objects.filter(practice=practice, innovation__in=own)
    have = set(existing.values_list("innovation_id", flat=True))
    added = [
        PracticeApplication.objects.create(practice=practice, innovation_id=pk, claimed_by=by)
        for pk in sorted(chosen - have)
    ]
    withdrawn = list(existing.filter(confirmed=False).exclude(innovation_id__in=chosen))
    for application, flag in [(a, ADDITION) for a in added] + [(w, DELETION) for w in withdrawn]:
        LogEntry.objects.log_actions(
            user_id=by.pk, queryset=[application], action_flag=flag, change_message="claim"
        )
    PracticeApplication.objects.filter(pk__in=[w.pk for w in withdrawn]).delete()
    return len(added), len(withdrawn)
