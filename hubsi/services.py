"""Publication services: the only way content changes status.

Views and admin actions call these functions, so the rules of the life-cycle live here alone.
Each one validates the transition and who makes it, changes the object, logs the change for the
curation history and sends mail after the transaction commits.
"""

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubsi.emails import send_templated_mail
from hubsi.models import Actor, Publishable, Status, transition_allowed


class TransitionNotAllowed(ValidationError):
    pass


def is_curator(user, obj: models.Model) -> bool:
    """Staff with the permission to change this kind of content (the Curators group has it)."""
    opts = obj._meta
    return bool(
        user
        and user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


def owners_of(obj: models.Model):
    """The users who may edit this content: owners, managers, or the host's managers."""
    if hasattr(obj, "owners"):
        return obj.owners.all()
    if hasattr(obj, "managers"):
        return obj.managers.all()
    if hasattr(obj, "host"):
        return obj.host.managers.all()
    return obj._meta.model.objects.none()


def _check(obj: Publishable, *, target: str, by, actor: str) -> None:
    if actor == Actor.CURATOR and not is_curator(by, obj):
        raise PermissionDenied(_("Only curators may do this."))
    if actor == Actor.OWNER and not owners_of(obj).filter(pk=by.pk).exists():
        raise PermissionDenied(_("Only the owners may do this."))
    if not transition_allowed(
        source=obj.status, target=target, actor=actor, staff_content=obj.staff_content
    ):
        raise TransitionNotAllowed(
            _("“%(name)s” cannot go from “%(source)s” to “%(target)s”.")
            % {
                "name": obj,
                "source": Status(obj.status).label,
                "target": Status(target).label,
            }
        )


def _log(obj: Publishable, *, by, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def _mail_owners(obj: Publishable, template: str) -> None:
    recipients = list(owners_of(obj).filter(is_active=True).values_list("email", flat=True))
    if recipients:
        send_templated_mail(template, recipients, {"object": obj})


@transaction.atomic
def content_submit(*, obj: Publishable, by) -> Publishable:
    """An owner sends a draft (or a version with requested changes) to the curators."""
    _check(obj, target=Status.SUBMITTED, by=by, actor=Actor.OWNER)
    obj.status = Status.SUBMITTED
    obj.save(update_fields=["status", "updated_at"])
    _log(obj, by=by, message="Submitted for review")
    if settings.CURATOR_EMAILS:
        transaction.on_commit(
            lambda: send_templated_mail("submitted", settings.CURATOR_EMAILS, {"object": obj})
        )
    return obj


@transaction.atomic
def content_publish(*, obj: Publishable, by) -> Publishable:
    _check(obj, target=Status.PUBLISHED, by=by, actor=Actor.CURATOR)
    obj.status = Status.PUBLISHED
    obj.curator_note = ""
    if obj.published_at is None:
        obj.published_at = timezone.now()
    obj.save(update_fields=["status", "curator_note", "published_at", "updated_at"])
    _log(obj, by=by, message="Published")
    transaction.on_commit(lambda: _mail_owners(obj, "published"))
    return obj


@transaction.atomic
def content_request_changes(*, obj: Publishable, by, note: str) -> Publishable:
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write a note that tells the owners what to change."))
    _check(obj, target=Status.CHANGES_REQUESTED, by=by, actor=Actor.CURATOR)
    obj.status = Status.CHANGES_REQUESTED
    obj.curator_note = note
    obj.save(update_fields=["status", "curator_note", "updated_at"])
    _log(obj, by=by, message=f"Changes requested: {note}")
    transaction.on_commit(lambda: _mail_owners(obj, "changes_requested"))
    return obj


@transaction.atomic
def content_archive(*, obj: Publishable, by) -> Publishable:
    _check(obj, target=Status.ARCHIVED, by=by, actor=Actor.CURATOR)
    obj.status = Status.ARCHIVED
    obj.featured = False
    obj.save(update_fields=["status", "featured", "updated_at"])
    _log(obj, by=by, message="Archived")
    return obj


@transaction.atomic
def content_restore(*, obj: Publishable, by) -> Publishable:
    """A curator brings archived content back as a draft for its owners."""
    _check(obj, target=Status.DRAFT, by=by, actor=Actor.CURATOR)
    obj.status = Status.DRAFT
    obj.save(update_fields=["status", "updated_at"])
    _log(obj, by=by, message="Restored as draft")
    return obj


@transaction.atomic
def content_feature(*, obj: Publishable, by, featured: bool = True) -> Publishable:
    """Only published content can be featured on the home page."""
    if not is_curator(by, obj):
        raise PermissionDenied(_("Only curators may do this."))
    if featured and obj.status != Status.PUBLISHED:
        raise TransitionNotAllowed(_("Only published content can be featured."))
    obj.featured = featured
    obj.save(update_fields=["featured", "updated_at"])
    _log(obj, by=by, message="Featured" if featured else "No longer featured")
    return obj
