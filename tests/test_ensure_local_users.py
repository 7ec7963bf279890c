import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from accounts.management.commands.ensure_local_users import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    CURATOR_EMAIL,
    CURATOR_PASSWORD,
)
from accounts.models import User


@pytest.fixture
def local(settings):
    settings.DEBUG = True


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("ensure_local_users", *args, stdout=out)
    return out.getvalue()


def snapshot() -> tuple[list, list]:
    users = list(
        User.objects.order_by("pk").values_list(
            "pk", "email", "password", "is_staff", "is_superuser"
        )
    )
    addresses = list(
        EmailAddress.objects.order_by("pk").values_list(
            "pk", "user_id", "email", "verified", "primary"
        )
    )
    return users, addresses


@pytest.mark.django_db
def test_creates_admin_and_curator_with_verified_primary_emails(local):
    out = run()

    admin = User.objects.get(email=ADMIN_EMAIL)
    curator = User.objects.get(email=CURATOR_EMAIL)
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(ADMIN_PASSWORD)
    assert curator.check_password(CURATOR_PASSWORD)
    for user in (admin, curator):
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists()
    assert "http://127.0.0.1:8000/admin/" in out
    assert "http://127.0.0.1:8000/accounts/login/" in out
    assert CURATOR_PASSWORD in out


@pytest.mark.django_db
def test_curator_is_staff_in_curators_and_not_superuser(local):
    run()

    curator = User.objects.get(email=CURATOR_EMAIL)
    assert curator.is_staff
    assert not curator.is_superuser
    assert list(curator.groups.values_list("name", flat=True)) == ["Curators"]
    assert curator.has_perm("funding.change_fundingopportunity")


@pytest.mark.django_db
def test_running_twice_changes_nothing(local):
    run()
    before = snapshot()

    out = run()

    assert snapshot() == before
    assert "already exists" in out


@pytest.mark.django_db
def test_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="local development only"):
        run()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_force_runs_without_debug(settings):
    settings.DEBUG = False

    run("--force")

    assert User.objects.filter(email__in=[ADMIN_EMAIL, CURATOR_EMAIL]).count() == 2
