from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from funding.models import FundingOpportunity
        from hubsi.signals import watch_catalogue

        watch_catalogue(FundingOpportunity)
