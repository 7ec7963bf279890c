from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportersConfig(AppConfig):
    name = "supporters"
    verbose_name = _("Supporters")

    def ready(self) -> None:
        # Its kinds of owned content register with the self-service engine; its models with
        # the cache invalidation (hubsi/signals.py).
        from hubsi.signals import watch_catalogue
        from supporters import selfservice  # noqa: F401
        from supporters.models import ExperimentationSpace, Supporter

        watch_catalogue(ExperimentationSpace, Supporter)
