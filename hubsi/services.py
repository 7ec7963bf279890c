"""Publication services: the only way content changes status.

Views and admin actions call these functions, so the rules of the life-cycle live here alone.
Each one validates the transition and who makes it, changes the object, logs the change for the
curation history and sends mail after the transaction commits.
"""

import hashlib
import json
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hubsi.emails import send_templated_mail
from hubsi.kinds import kind_for
from hubsi.models import (
    INVITATION_VALIDITY,
    RESERVED_SLUGS,
    Actor,
    DraftInput,
    OwnedContent,
    OwnershipInvitation,
    Publishable,
    Revision,
    Status,
    SubmissionConsent,
    apply_values,
    hash_token,
    json_safe,
    stored_value,
    transition_allowed,
)
from hubsi.search import update_search_vector


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
    """The users who may edit this content (none for content only staff keep)."""
    if isinstance(obj, OwnedContent):
        return obj.owner_users()
    return get_user_model().objects.none()


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


def _mail_owners(obj: Publishable, template: str, **context) -> None:
    recipients = list(owners_of(obj).filter(is_active=True).values_list("email", flat=True))
    if recipients:
        context = {"object": obj, **owner_links(obj), **context}
        send_templated_mail(template, recipients, context)


@transaction.atomic
def content_submit(*, obj: Publishable, by) -> Publishable:
    """An owner sends a draft (or a version with requested changes) to the curators."""
    _check(obj, target=Status.SUBMITTED, by=by, actor=Actor.OWNER)
    obj.status = Status.SUBMITTED
    obj.submitted_at = timezone.now()
    obj.save(update_fields=["status", "submitted_at", "updated_at"])
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
    # What becomes public becomes findable in the same transaction (PostgreSQL search).
    update_search_vector(obj)
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


# Self-service: owners create, edit, submit, delete and share their content; curators review
# pending changes of published content. Generic over every kind of owned content.

EDITABLE_STATUSES = (Status.DRAFT, Status.CHANGES_REQUESTED)
OPEN_INVITATIONS_LIMIT = 20


class EditMode:
    DIRECT = "direct"  # edits change the content itself
    PENDING = "pending"  # edits are kept as pending changes; the public version stays
    LOCKED = "locked"  # waiting for review or archived


class InvitationInvalid(ValidationError):
    pass


def edit_mode(obj: Publishable, revision: Revision | None) -> str:
    """How an owner's edit lands: on the object (drafts), on its revision (published
    content, whose public version stays as it is) or nowhere (waiting for review, archived)."""
    if obj.status in EDITABLE_STATUSES:
        return EditMode.DIRECT
    if obj.status == Status.PUBLISHED and not (revision and revision.is_submitted):
        return EditMode.PENDING
    return EditMode.LOCKED


def owner_links(obj: models.Model) -> dict:
    """Paths for mail to owners: their dashboard and the content's own edit page (that of its
    registered self-service kind; content without one links to the dashboard). Lazy, so each
    mail gets them in its recipient's language (`/en/...`)."""
    dashboard = reverse_lazy("dashboard")
    kind = kind_for(obj)
    edit = lazy(kind.url, str)("edit", obj) if kind else dashboard
    return {"dashboard_url": dashboard, "edit_url": edit}


def unique_slug(model: type[models.Model], text: str) -> str:
    """A slug made from `text` that no other object of `model` has and that is no action word."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or model._meta.model_name
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken or candidate in RESERVED_SLUGS:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _require_owner(obj: models.Model, by) -> None:
    if not (by and by.is_authenticated and owners_of(obj).filter(pk=by.pk).exists()):
        raise PermissionDenied(_("Only the owners may do this."))


def _normalise(obj: models.Model, name: str, value):
    """A cleaned form value in the form of `stored_value`; an uploaded file is stored now,
    under the field's upload path (its name was generated when the image was processed)."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else item for item in value or [])
    if isinstance(field, models.FileField):
        if not value:
            return ""
        if isinstance(value, str):
            return value
        return field.storage.save(field.generate_filename(obj, value.name), value)
    if isinstance(value, models.Model):
        return value.pk
    return json_safe(value)


def _file_fields(obj: models.Model, names) -> list[models.FileField]:
    return [
        field
        for field in obj._meta.concrete_fields
        if isinstance(field, models.FileField) and field.name in names
    ]


def _discard_files_after_commit(field: models.FileField, names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [field.storage.delete(name) for name in names])


def _save_draft_input(obj, *, by, step: str, raw_input: dict | None) -> None:
    records = DraftInput.objects.for_object(obj).filter(step=step)
    if raw_input is not None:
        DraftInput.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            step=step,
            defaults={"data": raw_input, "updated_by": by},
        )
    else:
        records.delete()


@transaction.atomic
def content_create_draft(
    *, model: type[Publishable], by, changes: dict, step: str = "", raw_input: dict | None = None
) -> Publishable:
    """Someone signed in starts new content: a draft with them as its owner.

    The slug is made once from the name and stays when the name changes (links keep working).
    """
    if not (by and by.is_authenticated):
        raise PermissionDenied(_("Sign in to do this."))
    obj = model(status=Status.DRAFT, slug=unique_slug(model, changes.get("name", "")))
    apply_values(obj, {name: _normalise(obj, name, value) for name, value in changes.items()})
    obj.add_owner(by)  # a place: only its host's managers may start one
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[obj],
        action_flag=ADDITION,
        change_message="Created as a draft",
        single_object=True,
    )
    if step and raw_input is not None:
        _save_draft_input(obj, by=by, step=step, raw_input=raw_input)
    return obj


class EditConflict(Exception):
    """Someone else saved some of the same fields since the form was loaded."""

    def __init__(self, current: dict):
        super().__init__("edit conflict")
        self.current = current  # field name -> the value saved now


def fingerprint(value) -> str:
    """A short digest of a field's value as `stored_value` gives it (for `based_on`)."""
    text = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@transaction.atomic
def content_save_step(
    *,
    obj: Publishable,
    by,
    step: str,
    changes: dict,
    raw_input: dict | None = None,
    based_on: dict | None = None,
) -> Publishable:
    """Save what an owner wrote in one step of a form.

    `changes` holds the fields that validated; they go onto a draft itself, or into the
    pending changes of published content (only fields that differ from the public version are
    kept there). `raw_input` is the whole step as typed when some field did not validate; it
    is kept so the step shows it again, and cleared once the step saves without errors.

    `based_on` holds the `fingerprint` of each field's value when the form was shown. A field
    that someone else saved since then keeps their value when this person left it as it was;
    when both changed it, nothing is saved and `EditConflict` says what is saved now, so the
    form can show both texts (two owners never silently overwrite each other).
    """
    _require_owner(obj, by)
    # Lock the content row first: locking the revision alone locks nothing while there is none
    # yet, and two first saves of a published item would both insert one.
    list(type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("pk"))
    revision = Revision.objects.select_for_update().for_object(obj).first()
    mode = edit_mode(obj, revision)
    if mode == EditMode.LOCKED:
        raise TransitionNotAllowed(
            _("“%(name)s” is waiting for review or archived, so it cannot be edited now.")
            % {"name": obj}
        )
    if based_on:
        changes = _merge_concurrent_edits(obj, revision, mode, changes, based_on)
    values = {name: _normalise(obj, name, value) for name, value in changes.items()}
    files = _file_fields(obj, values)
    if mode == EditMode.DIRECT:
        replaced = {field: stored_value(obj, field.name) for field in files}
        apply_values(obj, values)
    else:
        if revision is None:
            revision = Revision(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, data={}
            )
        replaced = {field: revision.data.get(field.name) for field in files}
        merged = {**revision.data, **values}
        revision.data = {
            name: value for name, value in merged.items() if value != stored_value(obj, name)
        }
        # The published value each change started from, kept from the first change of a field.
        revision.based_on = {
            name: revision.based_on.get(name) or fingerprint(stored_value(obj, name))
            for name in revision.data
        }
        if revision.created_by_id is None:
            revision.created_by = by
        if revision.data:
            revision.save()
        elif revision.pk:
            revision.delete()
    for field, old in replaced.items():
        # A replaced upload that is not the public version is not needed any more.
        if old and old != values[field.name] and old != stored_value(obj, field.name):
            _discard_files_after_commit(field, [old])
    _save_draft_input(obj, by=by, step=step, raw_input=raw_input)
    return obj


def _merge_concurrent_edits(obj, revision, mode, changes: dict, based_on: dict) -> dict:
    """The changes to save, or `EditConflict` (see `content_save_step`)."""
    if mode == EditMode.DIRECT:
        # The row is locked (above): read what is saved now.
        fresh = type(obj).objects.get(pk=obj.pk)
        pending = {}
    else:
        fresh, pending = obj, (revision.data if revision else {})
    kept, conflicts = {}, {}
    for name, value in changes.items():
        field = obj._meta.get_field(name)
        seen = based_on.get(name)
        if seen is None or isinstance(field, models.FileField):
            kept[name] = value
            continue
        typed = _normalise(obj, name, value)
        now = pending[name] if name in pending else stored_value(fresh, name)
        if fingerprint(now) == seen or typed == now:
            kept[name] = value  # nobody else changed it, or they made the same change
        elif fingerprint(typed) != seen:
            conflicts[name] = now  # both changed it
        # else: only someone else changed it; their value stays.
    if conflicts:
        raise EditConflict(conflicts)
    return kept


@transaction.atomic
def content_submit_for_review(
    *, obj: Publishable, by, may_publish: bool, accepts_terms: bool
) -> Publishable:
    """An owner submits a draft, or the pending changes of published content, for review.

    They confirm they may publish it and accept the terms and the CC BY 4.0 licence of
    published texts; the consent is recorded. Published content stays public meanwhile.
    """
    if not (may_publish and accepts_terms):
        raise ValidationError(
            _("Confirm that you may publish this and accept the terms and the licence.")
        )
    pending = obj.status == Status.PUBLISHED
    if pending:
        _require_owner(obj, by)
        revision = Revision.objects.select_for_update().for_object(obj).first()
        if revision is None or not revision.data:
            raise TransitionNotAllowed(_("There are no changes to submit."))
        if revision.is_submitted:
            raise TransitionNotAllowed(_("These changes are already waiting for review."))
        revision.submitted_at = timezone.now()
        revision.curator_note = ""
        revision.save(update_fields=["submitted_at", "curator_note", "updated_at"])
        fields = ", ".join(sorted(revision.data))
        _log(obj, by=by, message=f"Submitted changes for review: {fields}")
        if settings.CURATOR_EMAILS:
            transaction.on_commit(
                lambda: send_templated_mail(
                    "changes_submitted", settings.CURATOR_EMAILS, {"object": obj}
                )
            )
    else:
        content_submit(obj=obj, by=by)
    SubmissionConsent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        user=by,
        email=by.email,
        may_publish=True,
        accepts_terms=True,
        pending_changes=pending,
    )
    return obj


class RevisionConflict(TransitionNotAllowed):
    """Fields of the published version changed since the owners proposed their changes."""


def revision_conflicts(obj: Publishable, revision: Revision) -> list[str]:
    """The fields the owners changed that someone (a curator, in the admin) changed in the
    published version since, to another value than the owners propose."""
    return [
        name
        for name, proposed in revision.data.items()
        if name in revision.based_on
        and fingerprint(stored_value(obj, name)) != revision.based_on[name]
        and stored_value(obj, name) != proposed
    ]


def field_labels(obj: models.Model, names) -> str:
    return ", ".join(str(obj._meta.get_field(name).verbose_name) for name in names)


@transaction.atomic
def revision_publish(*, obj: Publishable, by, overwrite: bool = False) -> Publishable:
    """A curator applies the submitted pending changes to published content.

    When the published version of a field changed since the owners changed it, nothing is
    published and `RevisionConflict` names the fields: the curator compares both and decides,
    with `overwrite` (the owners' version replaces the later edit) or by requesting changes.
    """
    if not is_curator(by, obj):
        raise PermissionDenied(_("Only curators may do this."))
    revision = Revision.objects.select_for_update().for_object(obj).submitted().first()
    if revision is None or obj.status != Status.PUBLISHED:
        raise TransitionNotAllowed(_("There are no changes waiting for review."))
    conflicts = revision_conflicts(obj, revision)
    if conflicts and not overwrite:
        raise RevisionConflict(
            _(
                "the published version changed after the owners proposed their changes, in: "
                "%(fields)s. Compare both on its page, then choose “Publish pending changes, "
                "also over later edits” or request changes."
            )
            % {"fields": field_labels(obj, conflicts)}
        )
    changed = sorted(revision.data)
    replaced = {field: stored_value(obj, field.name) for field in _file_fields(obj, revision.data)}
    revision.apply_to(obj)
    # The published version changed: keep it findable as it now reads (PostgreSQL search).
    update_search_vector(obj)
    revision.delete()
    for field, old in replaced.items():
        if old != stored_value(obj, field.name):
            _discard_files_after_commit(field, [old])
    message = "Published pending changes: " + ", ".join(changed)
    if conflicts:
        message += "; over later edits of: " + ", ".join(sorted(conflicts))
    _log(obj, by=by, message=message)
    transaction.on_commit(lambda: _mail_owners(obj, "changes_published"))
    return obj


@transaction.atomic
def revision_request_changes(*, obj: Publishable, by, note: str) -> Publishable:
    """A curator sends submitted pending changes back to the owners, with a note; the
    published version stays public."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write a note that tells the owners what to change."))
    if not is_curator(by, obj):
        raise PermissionDenied(_("Only curators may do this."))
    revision = Revision.objects.select_for_update().for_object(obj).submitted().first()
    if revision is None:
        raise TransitionNotAllowed(_("There are no changes waiting for review."))
    revision.submitted_at = None
    revision.curator_note = note
    revision.save(update_fields=["submitted_at", "curator_note", "updated_at"])
    _log(obj, by=by, message=f"Changes requested to the pending changes: {note}")
    transaction.on_commit(
        lambda: _mail_owners(obj, "changes_requested", note=note, pending_changes=True)
    )
    return obj


def review_request_changes(*, obj: Publishable, by, note: str) -> Publishable:
    """Request changes to what waits for review: the pending changes of published content, or
    the submitted content itself."""
    if obj.status == Status.PUBLISHED and Revision.objects.for_object(obj).submitted().exists():
        return revision_request_changes(obj=obj, by=by, note=note)
    return content_request_changes(obj=obj, by=by, note=note)


@transaction.atomic
def content_delete(*, obj: Publishable, by) -> None:
    """An owner deletes a draft (or content sent back with requested changes). Published
    content is archived by the curators instead, so links and history stay intact."""
    _require_owner(obj, by)
    if obj.status not in EDITABLE_STATUSES:
        raise TransitionNotAllowed(
            _("Only drafts can be deleted. Ask the curators to archive published content.")
        )
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[obj],
        action_flag=DELETION,
        change_message="Deleted by an owner",
        single_object=True,
    )
    files = [(field, stored_value(obj, field.name)) for field in _file_fields(obj, {"logo"})]
    obj.delete()  # hubsi.models removes its revision, unsaved input and invitations
    for field, name in files:
        _discard_files_after_commit(field, [name])


def invitation_matches(invitation: OwnershipInvitation, user) -> bool:
    """The invitee signs in with the invited address, verified."""
    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


@transaction.atomic
def invitation_create(*, obj: Publishable, by, email: str) -> tuple[OwnershipInvitation, str]:
    """An owner invites someone by email to co-own their content.

    The link is valid for 14 days and only for the invited address; the token is mailed and
    stored hashed. A new invitation to the same address replaces the earlier link.
    """
    _require_owner(obj, by)
    email = (email or "").strip().lower()
    if owners_of(obj).filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already co-owns this."), code="already_owner", params={"email": email}
        )
    invitations = OwnershipInvitation.objects.for_object(obj)
    now = timezone.now()
    if (
        invitations.filter(accepted_at__isnull=True, expires_at__gt=now)
        .exclude(email=email)
        .count()
        >= OPEN_INVITATIONS_LIMIT
    ):
        raise ValidationError(
            _("There are too many open invitations. Wait until some are accepted or expire."),
            code="too_many",
        )
    invitations.filter(email=email, accepted_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    invitation = OwnershipInvitation.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=now + INVITATION_VALIDITY,
    )
    _log(obj, by=by, message=f"Invited {email} to co-own")
    context = {
        "object": obj,
        "invitation": invitation,
        "invited_by": by.get_full_name() or by.email,
        "accept_url": reverse_lazy("invitation-accept", args=[token]),
    }
    transaction.on_commit(lambda: send_templated_mail("invitation", [email], context))
    return invitation, token


@transaction.atomic
def invitation_accept(*, token: str, user) -> Publishable:
    """The invitee, signed in with the invited address, becomes a co-owner."""
    invitation = (
        OwnershipInvitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    )
    obj = invitation.content_object if invitation else None
    if obj is None:
        raise InvitationInvalid(_("This invitation link is not valid."), code="unknown")
    if invitation.accepted_at is not None:
        if owners_of(obj).filter(pk=user.pk).exists():
            return obj
        raise InvitationInvalid(_("This invitation has already been used."), code="used")
    if invitation.is_expired:
        raise InvitationInvalid(
            _("This invitation has expired. Ask the person who invited you for a new one."),
            code="expired",
        )
    if not invitation_matches(invitation, user):
        raise PermissionDenied(
            _(
                "This invitation was sent to another email address. Sign in with that address "
                "to accept it."
            )
        )
    obj.add_owner(user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _log(obj, by=user, message=f"{user.email} accepted the invitation to co-own")
    return obj
