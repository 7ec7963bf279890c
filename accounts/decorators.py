"""Guards for views that submit content or contact someone: a verified email address first.

Sign-in already demands a verified address (ACCOUNT_EMAIL_VERIFICATION = "mandatory"), but an
account can lose it (an address changed to a new one still being confirmed, an account created
in the admin or by a test), so every view that submits content or makes contact checks again::

    from accounts.decorators import verified_email_required

    @verified_email_required
    def contact_create(request, slug): ...

For class-based views: `method_decorator(verified_email_required, name="dispatch")`. Signed-out
visitors are sent to the sign-in page; people without a verified address get a fresh
confirmation mail and a page that explains it. Services check with `has_verified_email(user)`.
"""

from allauth.account.decorators import verified_email_required
from allauth.account.models import EmailAddress

__all__ = ["has_verified_email", "verified_email_required"]


def has_verified_email(user) -> bool:
    """True when this person has confirmed at least one email address."""
    return bool(
        user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()
    )
