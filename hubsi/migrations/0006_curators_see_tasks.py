"""Curators see the background tasks (read only), so a failed delivery does not go unnoticed."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def add_permission(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs it now.
    create_permissions(global_apps.get_app_config("django_tasks_database"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="django_tasks_database", codename="view_dbtaskresult"
        )
    )


def remove_permission(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Curators").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="django_tasks_database", codename="view_dbtaskresult"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("hubsi", "0005_revision_based_on"),
        ("innovations", "0002_curators_group"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(add_permission, remove_permission)]
