"""Personal data: what the platform stores about a person (the export) and erasing it (the
deletion of an account). templates/pages/privacy.html tells people these rules: keep them in step.

Deleting an account, content by content (`deletion_plan`):
- content the person owns together with others: they are removed as owner (and their address
  as its contact email), the content stays as it is;
- content only they own that is not published: deleted, with its logo;
- published content only they own: archived (no longer public), its contact email and logo
  removed. `hubsi.services.content_archive` needs a curator, so this module archives it
  directly and logs it as done by the platform's system account ("Archived: its only owner
  deleted their account"), so the curators' history keeps the reason;
- then every session of the person ends and the account, its email addresses, authenticators
  and everything else linked to it (on_delete=CASCADE) is deleted.
"""

import datetime
from dataclasses import dataclass, field
from importlib import import_module

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from hubsi.models import OwnedContent, Status, SubmissionConsent
from innovations.models import Innovation
from supporters.models import Supporter

SYSTEM_EMAIL = "system@hubsi.invalid"
ARCHIVE_MESSAGE = "Archived: its only owner deleted their account"

# Fields never written to an export: secrets that protect the account, not data about a person.
_SECRET_WORDS = ("password", "secret", "token", "key", "hash")


# --- Export ------------------------------------------------------------------------------------


def _value(obj: models.Model, model_field) -> object:
    value = getattr(obj, model_field.attname)
    if isinstance(model_field, models.FileField):
        return value.name or ""
    return value


def _record(obj: models.Model, *, skip: frozenset = frozenset()) -> dict:
    """Every field of a row: plain values, file names, and codes or ids for relations."""
    data = {}
    for model_field in obj._meta.concrete_fields:
        if model_field.name in skip or any(w in model_field.name for w in _SECRET_WORDS):
            continue
        data[model_field.name] = _value(obj, model_field)
    for model_field in obj._meta.many_to_many:
        if model_field.name not in skip:
            data[model_field.name] = sorted(
                str(pk) for pk in getattr(obj, model_field.name).values_list("pk", flat=True)
            )
    return data


def _owned(obj: models.Model, relation: str, user: User) -> dict:
    # The other owners are other people: only their number is part of this person's data.
    data = _record(obj, skip=frozenset({relation}))
    data["other_owners"] = getattr(obj, relation).exclude(pk=user.pk).count()
    return data


# Relations from the user that the export writes in its own sections.
_OWN_SECTIONS = {
    (Innovation, "owners"),
    (Supporter, "managers"),
    (EmailAddress, "user"),
    (LogEntry, "user"),
}


def personal_data_export(*, user: User) -> dict:
    """Everything stored about this person, as JSON-ready data.

    Known records get their own section; any other table that points at the user (added by
    another app) is listed under `other_records`, so the export stays complete as the
    platform grows. Secrets (password hash, authenticator secrets, tokens) are left out.
    """
    from allauth.mfa.models import Authenticator

    data = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "language_of_emails": user.language,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "last_dashboard_visit": user.dashboard_seen_at,
            "is_staff": user.is_staff,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("email")
            .values("email", "verified", "primary")
        ),
        "two_factor_authentication": list(
            Authenticator.objects.filter(user=user)
            .order_by("type")
            .values("type", "created_at", "last_used_at")
        ),
        "innovations": [
            _owned(obj, "owners", user) for obj in Innovation.objects.filter(owners=user)
        ],
        "supporters": [
            {
                **_owned(obj, "managers", user),
                "experimentation_places": [_record(space) for space in obj.spaces.all()],
            }
            for obj in Supporter.objects.filter(managers=user).prefetch_related("spaces")
        ],
        "admin_actions": list(
            LogEntry.objects.filter(user=user)
            .order_by("action_time")
            .values("action_time", "object_repr", "change_message")
        ),
        "other_records": {},
    }
    for relation in User._meta.related_objects:
        model = relation.related_model
        if (model, relation.field.name) in _OWN_SECTIONS or model is Authenticator:
            continue
        rows = model._default_manager.filter(**{relation.field.name: user})
        records = [_record(row) for row in rows]
        if records:
            key = f"{model._meta.label_lower}.{relation.field.name}"
            data["other_records"][key] = records
    return data


# --- Deletion ----------------------------------------------------------------------------------


@dataclass
class DeletionPlan:
    """What deleting the account does to each piece of content the person owns or manages."""

    delete: list[models.Model] = field(default_factory=list)
    archive: list[models.Model] = field(default_factory=list)
    detach: list[models.Model] = field(default_factory=list)


def _owned_content(user: User):
    """What the person owns, of every kind with owners of its own (a place goes with its host)."""
    for model in apps.get_models():
        if issubclass(model, OwnedContent) and model.has_own_owners():
            yield from model.objects.owned_by(user).prefetch_related(model.owner_lookup)


def deletion_plan(*, user: User) -> DeletionPlan:
    plan = DeletionPlan()
    for obj in _owned_content(user):
        if any(other.pk != user.pk for other in obj.owner_users()):
            plan.detach.append(obj)
        elif obj.status == Status.PUBLISHED:
            plan.archive.append(obj)
        else:
            plan.delete.append(obj)
    return plan


def system_user() -> User:
    """The platform itself, as the author of changes nobody made by hand (never signs in)."""
    user, created = User.objects.get_or_create(
        email=SYSTEM_EMAIL,
        defaults={"first_name": "HUBSI", "last_name": "system", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _forget_logo(obj: models.Model) -> None:
    """Remove the stored file once the transaction has committed (files are not rolled back)."""
    if obj.logo:
        storage, name = obj.logo.storage, obj.logo.name
        transaction.on_commit(lambda: storage.delete(name))


def _archive_without_owner(obj: models.Model) -> None:
    _forget_logo(obj)
    obj.status = Status.ARCHIVED
    obj.featured = False
    obj.contact_email = ""
    obj.logo = ""
    obj.save(update_fields=["status", "featured", "contact_email", "logo", "updated_at"])
    LogEntry.objects.log_actions(
        user_id=system_user().pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=ARCHIVE_MESSAGE,
        single_object=True,
    )


def end_all_sessions(*, user: User) -> int:
    """Delete every stored session signed in as this person; returns how many.

    Sessions are not indexed by user, so this reads them all: fine at the platform's size.
    With a session engine that cannot be searched (cache, cookies) there is nothing to do here:
    those sessions stop working when the account is deleted.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    session_model = store.get_model_class()
    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in session_model.objects.iterator()
        if session.get_decoded().get(SESSION_KEY) == user_id
    ]
    session_model.objects.filter(session_key__in=keys).delete()
    return len(keys)


@transaction.atomic
def account_delete(*, user: User) -> DeletionPlan:
    """Delete a person's account and their unpublished content; see the module docstring.

    Staff accounts are closed by an administrator instead, so the curation history (which
    names its curators) stays complete.
    """
    if user.is_staff:
        raise PermissionDenied(
            _("Staff accounts are closed by a platform administrator, not by the person.")
        )
    addresses = {user.email.lower()} | {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    plan = deletion_plan(user=user)
    for obj in plan.detach:
        obj.remove_owner(user)
        if obj.contact_email.lower() in addresses:
            obj.contact_email = ""
            obj.save(update_fields=["contact_email", "updated_at"])
    for obj in plan.archive:
        _archive_without_owner(obj)
    for obj in plan.delete:
        _forget_logo(obj)
        obj.delete()
    # The consent records stay (they prove what was accepted for published texts), without
    # the person's address.
    SubmissionConsent.objects.filter(user=user).update(email="")
    end_all_sessions(user=user)
    user.delete()
    return plan


def export_filename(today: datetime.date | None = None) -> str:
    return f"hubsi-my-data-{(today or timezone.localdate()).isoformat()}.json"
