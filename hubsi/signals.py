"""Signals: cache invalidation (the one side effect handled by signals, after the commit), and
the hooks this ground layer offers to the apps above it.

Apps higher up react to what happens below by connecting here, the way pretix plugins connect
to `pretix.base.signals`: the lower layer sends, the higher one receives, and no import points
up (docs/architecture.md).
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from hubsi.caching import bump_catalogue_version
from hubsi.models import Status

# Sent by a public detail page before it renders, with `obj` (the published item shown) and
# `request`; the model is the sender. Each receiver returns a dict of extra template context
# (the matches that front/ computes, for example), or None to add nothing.
detail_context = Signal()

# Content in these states was never public (published content only ever moves to archived),
# so saving it changes no public page: a draft saved at every form step keeps the caches.
NEVER_PUBLIC = {Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED}


# Sent after the commit of any change of public content (the same moment the page caches are
# emptied), without arguments: opendata/ schedules a new build of its files on it.
catalogue_changed = Signal()


def extra_detail_context(obj, request) -> dict:
    """What the receivers of `detail_context` add to the page of `obj`."""
    context = {}
    for _receiver, extra in detail_context.send(sender=type(obj), obj=obj, request=request):
        context.update(extra or {})
    return context


def _catalogue_changed(changes) -> None:
    bump_catalogue_version(changes)
    catalogue_changed.send(sender=None)


def _bump_after_commit(sender, instance=None, action=None, **kwargs):
    if getattr(instance, "status", None) in NEVER_PUBLIC:
        return
    if action is None:  # post_save, post_delete: the item itself changed
        changes = [("row", instance._meta.label_lower, instance.pk)]
    elif not action.startswith("post_"):
        return  # the post_ signal of the same change follows
    elif not kwargs["reverse"]:  # links of this item changed
        changes = [("link", instance._meta.label_lower, instance.pk)]
    else:  # links of other items to this one: those items changed (all of them on clear)
        label = kwargs["model"]._meta.label_lower
        pks = kwargs["pk_set"]
        changes = (
            [("link", label, pk) for pk in pks] if pks is not None else [("link", label, None)]
        )
    # The changes are recorded with the version, so indexes can be patched for just these
    # items (hubsi/facet_index.py).
    transaction.on_commit(partial(_catalogue_changed, changes))


def watch_catalogue(*models) -> None:
    """Public pages show these models: any change of them (of their links too) starts a new
    catalogue version, which empties the page caches. Each app calls it from `ready()`."""
    connect_to_changes(_bump_after_commit, models, "bump")


def connect_to_changes(handler, models, uid: str, ignored_links: tuple[str, ...] = ()) -> None:
    """Connect `handler` to every save, deletion and link change of the models (for links,
    `instance` may be the other side: the handler checks), except the links named in
    `ignored_links`."""
    for model in models:
        label = model._meta.label
        post_save.connect(handler, sender=model, dispatch_uid=f"{uid}-{label}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}-del-{label}")
        for field in model._meta.many_to_many:
            if field.name in ignored_links:
                continue
            m2m_changed.connect(
                handler,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-m2m-{label}-{field.name}",
            )
