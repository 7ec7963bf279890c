"""Cache invalidation, the one side effect handled by signals (after the commit)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from hubsi.caching import bump_catalogue_version
from hubsi.models import Status

# Content in these states was never public (published content only ever moves to archived),
# so saving it changes no public page: a draft saved at every form step keeps the caches.
NEVER_PUBLIC = {Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED}


def _bump_after_commit(sender, instance=None, **kwargs):
    if getattr(instance, "status", None) in NEVER_PUBLIC:
        return
    transaction.on_commit(bump_catalogue_version)


def connect() -> None:
    from funding.models import FundingOpportunity
    from innovations.models import Challenge, Innovation, Theme
    from supporters.models import ExperimentationSpace, Supporter

    for model in (
        Theme,
        Challenge,
        Innovation,
        Supporter,
        ExperimentationSpace,
        FundingOpportunity,
    ):
        post_save.connect(_bump_after_commit, sender=model, dispatch_uid=f"bump-{model.__name__}")
        post_delete.connect(_bump_after_commit, sender=model, dispatch_uid=f"del-{model.__name__}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _bump_after_commit,
                sender=field.remote_field.through,
                dispatch_uid=f"m2m-{model.__name__}-{field.name}",
            )
