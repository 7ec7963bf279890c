from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportersConfig(AppConfig):
    name = "supporters"
    verbose_name = _("Supporters")

    def ready(self) -> None:
        from hubsi.signals import watch_catalogue
        from supporters.models import ExperimentationSpace, Supporter

        watch_catalogue(Supporter, ExperimentationSpace)
