from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "innovations"
    verbose_name = _("Innovations")

    def ready(self) -> None:
        # Its kinds of owned content register with the self-service engine; its models with
        # the cache invalidation (hubsi/signals.py).
        from hubsi.signals import watch_catalogue
        from innovations import selfservice  # noqa: F401
        from innovations.models import Challenge, Innovation, Theme

        watch_catalogue(Challenge, Innovation, Theme)
