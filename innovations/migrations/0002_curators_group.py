"""The Curators group: Europa WSE staff who review, publish and keep the funding map current.

Exactly the permissions curation needs: review and edit user content (no deletion: content is
archived instead), manage themes, challenges and funding opportunities, and look up users.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = {
    "innovations": ["view_innovation", "change_innovation", "view_theme", "add_theme",
                    "change_theme", "view_challenge", "add_challenge", "change_challenge"],
    "supporters": ["view_supporter", "change_supporter", "view_experimentationspace",
                   "change_experimentationspace"],
    "funding": ["view_fundingopportunity", "add_fundingopportunity",
                "change_fundingopportunity", "delete_fundingopportunity"],
    "accounts": ["view_user"],
}


def create_curators(apps, schema_editor):
    for app_label in CURATOR_PERMISSIONS:
        # Permissions are normally created after all migrations; curation needs them now.
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    for app_label, codenames in CURATOR_PERMISSIONS.items():
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        assert permissions.count() == len(codenames), f"missing permissions in {app_label}"
        group.permissions.add(*permissions)


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("innovations", "0001_initial"),
        ("supporters", "0001_initial"),
        ("funding", "0001_initial"),
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
