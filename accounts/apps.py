from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_removed

        from accounts import admin_login, checks  # noqa: F401  (checks register themselves)

        admin_login.install()
        authenticator_removed.connect(_forget_staff_two_factor, dispatch_uid="accounts.mfa")


def _forget_staff_two_factor(sender, request, **kwargs) -> None:
    """A removed authenticator app: the admin asks for a new one on the next visit."""
    from hubsi.admin_site import STAFF_TWO_FACTOR_SESSION_KEY

    request.session.pop(STAFF_TWO_FACTOR_SESSION_KEY, None)
