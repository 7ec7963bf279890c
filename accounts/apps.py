from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_removed

        from accounts import admin_login, checks, mfa  # noqa: F401  (checks register themselves)

        admin_login.install()
        authenticator_removed.connect(mfa.forget_staff_two_factor, dispatch_uid="accounts.mfa")
