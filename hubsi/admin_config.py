from django.contrib.admin.apps import AdminConfig


class CurationAdminConfig(AdminConfig):
    """Django's admin with HUBSI's curation site (hubsi/admin_site.py) as `admin.site`.

    Its own module: INSTALLED_APPS imports it before models are ready."""

    default_site = "hubsi.admin_site.CurationSite"
