from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content as data files (demo/data/) and the `seed_demo` command that loads them."""

    name = "demo"
    verbose_name = _("Demo content")
