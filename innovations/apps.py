from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "innovations"
    verbose_name = _("Innovations")

    def ready(self):
        # Registers the kinds of this app with the self-service engine (hubsi.selfservice).
        from innovations import selfservice  # noqa: F401
