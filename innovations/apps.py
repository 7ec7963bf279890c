from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "innovations"
    verbose_name = _("Innovations")

    def ready(self) -> None:
        from hubsi.signals import watch_catalogue
        from innovations.models import Challenge, Innovation, Theme

        watch_catalogue(Theme, Challenge, Innovation)
