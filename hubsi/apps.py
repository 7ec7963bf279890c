from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsiConfig(AppConfig):
    name = "hubsi"
    verbose_name = _("Platform")

    def ready(self):
        from hubsi import lookups  # noqa: F401 (registers the integer `in` lookup)
