"""Local development accounts with well-known passwords, so `make run` is usable at once.

Staff need two-factor authentication to reach the admin, so both accounts also get an
authenticator app with a well-known secret: add it to any authenticator app, or print the
current codes with `DEBUG=1 .venv/bin/python manage.py ensure_local_users --code`.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from accounts.mfa import give_totp, has_totp, totp_code
from accounts.models import User

ADMIN_EMAIL = "admin@hubsi.local"
ADMIN_PASSWORD = "hubsi-admin-2026"
CURATOR_EMAIL = "curator@hubsi.local"
CURATOR_PASSWORD = "hubsi-curator-2026"
CURATORS_GROUP = "Curators"
# Base32 secrets of the local accounts' authenticator apps; as public as the passwords above.
ADMIN_TOTP_SECRET = "HUBSIADMINLOCALDEVELOPMENTTOTPAA"
CURATOR_TOTP_SECRET = "HUBSICURATORLOCALDEVELOPMENTTOTP"


class Command(BaseCommand):
    help = (
        "Create a local superuser and a demo curator with known passwords and verified "
        "email addresses, if they are missing. For local development only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never do this on a public server).",
        )
        parser.add_argument(
            "--code",
            action="store_true",
            help="Only print the current two-factor codes of the local accounts.",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "ensure_local_users is for local development only: it creates accounts with "
                "publicly known passwords. Run it with DEBUG=1 (as `make run` does), or pass "
                "--force if you really mean to."
            )
        if options["code"]:
            for email, secret in (
                (ADMIN_EMAIL, ADMIN_TOTP_SECRET),
                (CURATOR_EMAIL, CURATOR_TOTP_SECRET),
            ):
                self.stdout.write(f"{email}: {totp_code(secret)} (valid for about 30 seconds)")
            return
        try:
            curators = Group.objects.get(name=CURATORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f"The {CURATORS_GROUP!r} group is missing: run `python manage.py migrate` first."
            ) from None

        with transaction.atomic():
            admin_created = self._ensure_user(
                ADMIN_EMAIL, ADMIN_PASSWORD, is_staff=True, is_superuser=True
            )
            curator_created = self._ensure_user(
                CURATOR_EMAIL, CURATOR_PASSWORD, is_staff=True, is_superuser=False
            )
            # Membership is what makes the curator a curator; add() is a no-op when present.
            User.objects.get(email=CURATOR_EMAIL).groups.add(curators)
            totp_added = [
                email
                for email, secret in (
                    (ADMIN_EMAIL, ADMIN_TOTP_SECRET),
                    (CURATOR_EMAIL, CURATOR_TOTP_SECRET),
                )
                if self._ensure_totp(email, secret)
            ]

        self._report(ADMIN_EMAIL, ADMIN_PASSWORD, "superuser", admin_created)
        self._report(CURATOR_EMAIL, CURATOR_PASSWORD, "curator, not a superuser", curator_created)
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/accounts/login/ (the site) "
            "or http://127.0.0.1:8000/admin/ (curation)."
        )
        self.stdout.write(
            "Staff need two-factor authentication for the admin: after the password, type the "
            "6-digit code of an authenticator app set up with the secret\n"
            f"  {ADMIN_TOTP_SECRET} for {ADMIN_EMAIL}\n"
            f"  {CURATOR_TOTP_SECRET} for {CURATOR_EMAIL}\n"
            "or print the current codes with: "
            "DEBUG=1 .venv/bin/python manage.py ensure_local_users --code"
        )
        if not totp_added:
            self.stdout.write(
                "(An account that already had an authenticator app kept it: its secret is the "
                "one you set up.)"
            )

    def _ensure_user(self, email: str, password: str, **flags: bool) -> bool:
        """Create the user if missing; an existing one (and its password) is left alone."""
        user = User.objects.filter(email=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(email, password, **flags)
        # allauth requires a verified address before it lets anyone sign in.
        address, _ = EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(
                primary=False
            )
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        return created

    def _ensure_totp(self, email: str, secret: str) -> bool:
        """Give the account an authenticator app with the well-known secret, unless it has one."""
        user = User.objects.get(email=email)
        if has_totp(user):
            return False
        give_totp(user, secret)
        return True

    def _report(self, email: str, password: str, role: str, created: bool) -> None:
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {email} ({role}), password: {password}"))
        else:
            self.stdout.write(
                f"{email} ({role}) already exists, left unchanged; "
                f"password: {password} unless you changed it."
            )
