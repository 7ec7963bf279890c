"""Two-factor authentication helpers on top of allauth's MFA (TOTP with recovery codes).

`give_totp` is for local accounts (`ensure_local_users`) and tests: it activates an
authenticator app with a known secret, exactly as allauth does when a person scans the QR code.
"""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from accounts.models import User
from hubsi.admin_site import STAFF_TWO_FACTOR_SESSION_KEY


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def give_totp(user: User, secret: str) -> None:
    """Activate an authenticator app with this base32 secret, plus recovery codes."""
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for this secret now (or at `at`)."""
    from allauth.mfa import app_settings

    counter = int(time.time() if at is None else at) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def forget_staff_two_factor(sender, request, **kwargs) -> None:
    """A removed authenticator app: the admin asks for a new one on the next visit."""
    request.session.pop(STAFF_TWO_FACTOR_SESSION_KEY, None)
