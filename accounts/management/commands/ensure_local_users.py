"""Local development accounts with well-known passwords, so `make run` is usable at once."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from accounts.models import User

ADMIN_EMAIL = "admin@hubsi.local"
ADMIN_PASSWORD = "hubsi-admin-2026"
CURATOR_EMAIL = "curator@hubsi.local"
CURATOR_PASSWORD = "hubsi-curator-2026"
CURATORS_GROUP = "Curators"


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

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "ensure_local_users is for local development only: it creates accounts with "
                "publicly known passwords. Run it with DEBUG=1 (as `make run` does), or pass "
                "--force if you really mean to."
            )
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

        self._report(ADMIN_EMAIL, ADMIN_PASSWORD, "superuser", admin_created)
        self._report(CURATOR_EMAIL, CURATOR_PASSWORD, "curator, not a superuser", curator_created)
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/accounts/login/ (the site) "
            "or http://127.0.0.1:8000/admin/ (curation)."
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

    def _report(self, email: str, password: str, role: str, created: bool) -> None:
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {email} ({role}), password: {password}"))
        else:
            self.stdout.write(
                f"{email} ({role}) already exists, left unchanged; "
                f"password: {password} unless you changed it."
            )
