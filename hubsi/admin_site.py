"""The admin as HUBSI's curation workplace: its own name, and an index that opens on the queue.

Installed as Django's default admin site by `hubsi.admin_config.CurationAdminConfig` (in
INSTALLED_APPS instead of "django.contrib.admin"), so every `admin.register` uses it.
"""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from hubsi.curation import queue_counts, review_queue, waiting_work

# The session of a staff member who passed the admin's two-factor check carries their id under
# this key (set by `accounts.middleware.staff_need_two_factor`). Pages for curators outside the
# admin (the owners' preview, hubsi/selfservice/views.py) ask for the same.
STAFF_TWO_FACTOR_SESSION_KEY = "accounts.staff_two_factor"


def passed_two_factor(request) -> bool:
    """True when this session's staff member passed the admin's two-factor check."""
    return request.session.get(STAFF_TWO_FACTOR_SESSION_KEY) == request.user.pk


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
