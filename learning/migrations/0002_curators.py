"""Curators review learning offers as they review the other kinds: view and change (no
deletion: content is archived instead). They keep the practices themselves, and the links of
innovations to them."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = [
    "view_learningoffer",
    "change_learningoffer",
    *(f"{action}_practice" for action in ("view", "add", "change", "delete")),
    *(f"{action}_practiceapplication" for action in ("view", "add", "change", "delete")),
]


def curators_and_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name="Curators")
    permissions = Permission.objects.filter(
        content_type__app_label="learning", codename__in=CURATOR_PERMISSIONS
    )
    return group, permissions


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    create_permissions(global_apps.get_app_config("learning"), apps=apps, verbosity=0)
    group, permissions = curators_and_permissions(apps)
    assert permissions.count() == len(CURATOR_PERMISSIONS), "missing learning permissions"
    group.permissions.add(*permissions)


def remove_permissions(apps, schema_editor):
    group, permissions = curators_and_permissions(apps)
    group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("innovations", "0002_curators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
