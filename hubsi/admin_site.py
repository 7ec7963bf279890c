"""The admin as HUBSI's curation workplace: its own name, and an index that opens on the queue.

Installed as Django's default admin site by `hubsi.admin_config.CurationAdminConfig` (in
INSTALLED_APPS instead of "django.contrib.admin"), so every `admin.register` uses it.
"""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from hubsi.curation import queue_counts, review_queue, waiting_work


class CurationSite(admin.AdminSite):
    site_header = _("HUBSI curation")
    site_title = _("HUBSI curation")
    index_title = _("Review queue")
    index_template = "admin/hubsi/index.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._extra_urls = []

    def add_view(self, route: str, view, name: str) -> None:
        """A page of the admin that is no model's (the figures, from `front/admin.py`): behind
        the admin's own checks (staff, signed in, two-factor), named `admin:<name>`."""
        self._extra_urls.append(path(route, self.admin_view(view), name=name))

    def get_urls(self):
        return [*self._extra_urls, *super().get_urls()]

    def index(self, request, extra_context=None):
        items = review_queue(request.user)
        extra_context = {
            "queue": items,
            "queue_counts": queue_counts(request.user, items),
            "waiting_work": waiting_work(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra_context=extra_context)
