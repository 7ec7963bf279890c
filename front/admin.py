"""Staff pages of the site layer, inside the admin (its sign-in and two-factor check)."""

from django.contrib import admin

from front import email_previews

_admin_urls = admin.site.get_urls


def _get_urls():
    return email_previews.admin_urls() + _admin_urls()


admin.site.get_urls = _get_urls
