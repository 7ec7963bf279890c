"""Staff pages of the site layer, inside the admin (its sign-in and two-factor check), added
through the admin site's hook (hubsi/admin_site.py)."""

from django.contrib import admin

from front.admin_views import figures_csv, figures_view
from front.email_previews import email_preview_html, email_previews

# The figures combine accounts, connections and every kind of content; the email previews
# render every app's mail.
admin.site.add_view("figures/", figures_view, "figures")
admin.site.add_view("figures.csv", figures_csv, "figures-csv")
admin.site.add_view("emails/", email_previews, "email-previews")
admin.site.add_view(
    "emails/<slug:name>/<slug:language>.html", email_preview_html, "email-preview-html"
)
