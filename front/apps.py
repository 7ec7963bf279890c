from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    """The pages that combine several apps: home, search, challenge hubs, matching, dashboard,
    sitemaps. The top layer: it may import every app, and no app imports it."""

    name = "front"
    verbose_name = _("Site")

    def ready(self) -> None:
        from front import receivers  # the detail receivers connect themselves

        receivers.watch_matches()
