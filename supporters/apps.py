from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportersConfig(AppConfig):
    name = "supporters"
    verbose_name = _("Supporters")

    def ready(self):
        # Registers the kinds of this app with the self-service engine (hubsi.selfservice).
        from supporters import selfservice  # noqa: F401
