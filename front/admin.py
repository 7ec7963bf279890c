"""Staff pages of the site layer, inside the admin (its sign-in and two-factor check)."""

from django.contrib import admin

from front import email_previews
from front.admin_views import figures_csv, figures_view

# The figures combine accounts, connections and every kind of content: a page of the site
# layer, added to the admin through its hook (hubsi/admin_site.py).
admin.site.add_view("figures/", figures_view, "figures")
admin.site.add_view("figures.csv", figures_csv, "figures-csv")

_admin_urls = admin.site.get_urls


def _get_urls():
    return email_previews.admin_urls() + _admin_urls()


admin.site.get_urls = _get_urls
