"""The admin as HUBSI's curation workplace: its own name, and an index that opens on the queue.

Installed as Django's default admin site by `hubsi.admin_config.CurationAdminConfig` (in
INSTALLED_APPS instead of "django.contrib.admin"), so every `admin.register` uses it.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hubsi.curation import queue_counts, review_queue, waiting_work


class CurationSite(admin.AdminSite):
    site_header = _("HUBSI curation")
    site_title = _("HUBSI curation")
    index_title = _("Review queue")
    index_template = "admin/hubsi/index.html"

    def index(self, request, extra_context=None):
        items = review_queue(request.user)
        extra_context = {
            "queue": items,
            "queue_counts": queue_counts(request.user, items),
            "waiting_work": waiting_work(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra_context=extra_context)
