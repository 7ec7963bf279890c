"""Curators review learning offers as they review the other kinds: view and change (no
deletion: content is archived instead). They keep the practices themselves."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = [
    "view_learningoffer",
    "change_learningoffer",
    # Practices are the curators' own content, with the innovations that apply them.
    *(
        f"{action}_{model}"
        for model in ("practice", "practiceapplication")
        for action in ("view", "add", "change", "delete")
    ),
]


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    create_permissions(global_apps.get_app_config("learning"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    permissions = Permission.objects.filter(
        content_type__app_label="learning", codename__in=CURATOR_PERMISSIONS
    )
    assert permissions.count() == len(CURATOR_PERMISSIONS), "missing learning permissions"
    group.permissions.add(*permissions)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Curators").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="learning", codename__in=CURATOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("innovations", "0002_curators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
