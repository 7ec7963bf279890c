from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        # Learning offers register with the self-service engine; the models public pages show
        # with the cache invalidation (hubsi/signals.py).
        from hubsi.signals import watch_catalogue
        from learning import selfservice  # noqa: F401
        from learning.models import LearningOffer

        watch_catalogue(LearningOffer)
