"""Curators handle abuse: they see contact requests and reports, mark reports handled, and
block senders."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = [
    "view_contactrequest",
    "change_contactrequest",
    "view_report",
    "change_report",
    "view_blockedsender",
    "add_blockedsender",
    "change_blockedsender",
    "delete_blockedsender",
]


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    create_permissions(global_apps.get_app_config("connections"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    permissions = Permission.objects.filter(
        content_type__app_label="connections", codename__in=CURATOR_PERMISSIONS
    )
    assert permissions.count() == len(CURATOR_PERMISSIONS), "missing connections permissions"
    group.permissions.add(*permissions)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Curators").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="connections", codename__in=CURATOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("connections", "0001_contact_requests_reports_saved_searches"),
        ("innovations", "0002_curators_group"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
