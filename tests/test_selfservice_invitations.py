"""Sara invites Tom to co-own her innovation: a link by email, valid 14 days, only for Tom."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from hubsi import services
from hubsi.models import OwnershipInvitation, hash_token
from tests.factories import make_draft_innovation, make_user, verify_email

# These tests read the English interface (source strings); Dutch is covered by the journeys.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sara():
    return verify_email(make_user("sara@example.org"))


@pytest.fixture
def innovation(sara):
    return make_draft_innovation(owners=[sara], name="Warm Wonen Genk")


@pytest.fixture
def tom():
    return verify_email(make_user("tom@example.org"))


def invite(client, innovation, email="Tom@Example.org"):
    return client.post(
        reverse("innovations:invite-innovation", args=[innovation.slug]), {"email": email}
    )


def accept_path(mail) -> str:
    return urlparse(re.search(r"https?://\S+/invitations/\S+/", mail.body).group(0)).path


def test_the_invitation_is_mailed_with_a_link_that_is_stored_only_hashed(
    client, sara, innovation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sara)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, innovation)
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["tom@example.org"]
    assert "Warm Wonen Genk" in mail.subject and "sara@example.org" in mail.body
    token = accept_path(mail).rstrip("/").rsplit("/", 1)[-1]
    invitation = OwnershipInvitation.objects.get()
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash
    assert invitation.email == "tom@example.org"
    assert timedelta(days=13) < invitation.expires_at - timezone.now() <= timedelta(days=14)
    assert "tom@example.org" in client.get(response["Location"]).content.decode()


def test_the_invitee_accepts_and_becomes_a_co_owner(
    client, sara, innovation, tom, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(obj=innovation, by=sara, email="tom@example.org")
    path = accept_path(mailoutbox[0])
    client.force_login(tom)
    assert "Accept the invitation" in client.get(path).content.decode()
    response = client.post(path)
    assert response["Location"] == reverse("dashboard")
    assert innovation.owners.filter(pk=tom.pk).exists()
    assert OwnershipInvitation.objects.get().accepted_by == tom
    assert "Warm Wonen Genk" in client.get(reverse("dashboard")).content.decode()


def test_a_signed_out_invitee_is_asked_to_sign_in_first(client, sara, innovation):
    _invitation, token = services.invitation_create(obj=innovation, by=sara, email="t@e.org")
    response = client.get(reverse("invitation-accept", args=[token]))
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_someone_else_with_the_link_cannot_accept_it(client, sara, innovation):
    _invitation, token = services.invitation_create(
        obj=innovation, by=sara, email="tom@example.org"
    )
    koen = verify_email(make_user("koen@example.org"))
    client.force_login(koen)
    url = reverse("invitation-accept", args=[token])
    page = client.get(url).content.decode()
    assert "sent to another email address" in page and "Accept the invitation" not in page
    # Neither what the invitation is for nor who sent it is shown to someone else.
    assert innovation.name not in page and sara.email not in page
    assert client.post(url).status_code == 403
    assert not innovation.owners.filter(pk=koen.pk).exists()


def test_the_invited_address_must_be_verified(client, sara, innovation):
    _invitation, token = services.invitation_create(
        obj=innovation, by=sara, email="tom@example.org"
    )
    unverified_tom = make_user("tom@example.org")
    client.force_login(unverified_tom)
    assert client.post(reverse("invitation-accept", args=[token])).status_code == 403
    assert not innovation.owners.filter(pk=unverified_tom.pk).exists()


def test_an_expired_invitation_cannot_be_accepted(client, sara, innovation, tom):
    invitation, token = services.invitation_create(obj=innovation, by=sara, email="tom@example.org")
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    client.force_login(tom)
    url = reverse("invitation-accept", args=[token])
    assert client.get(url).status_code == 410
    response = client.post(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not innovation.owners.filter(pk=tom.pk).exists()


def test_a_used_invitation_cannot_be_used_again(client, sara, innovation, tom):
    _invitation, token = services.invitation_create(
        obj=innovation, by=sara, email="tom@example.org"
    )
    services.invitation_accept(token=token, user=tom)
    other_tom = verify_email(make_user("tom2@example.org"))
    client.force_login(other_tom)
    assert client.get(reverse("invitation-accept", args=[token])).status_code == 410


def test_an_unknown_link_is_not_found(client, tom):
    client.force_login(tom)
    assert client.get(reverse("invitation-accept", args=["made-up"])).status_code == 404


def test_a_new_invitation_replaces_the_earlier_link(sara, innovation, tom):
    _first, old_token = services.invitation_create(obj=innovation, by=sara, email="tom@example.org")
    _second, new_token = services.invitation_create(
        obj=innovation, by=sara, email="tom@example.org"
    )
    assert OwnershipInvitation.objects.count() == 1
    with pytest.raises(services.InvitationInvalid):
        services.invitation_accept(token=old_token, user=tom)
    services.invitation_accept(token=new_token, user=tom)


def test_inviting_an_owner_again_is_refused_on_the_form(client, sara, innovation):
    client.force_login(sara)
    response = invite(client, innovation, email="SARA@example.org")
    assert response.status_code == 200
    assert "already co-owns this" in response.content.decode()
    assert not OwnershipInvitation.objects.exists()


def test_only_owners_invite(innovation, tom):
    with pytest.raises(services.PermissionDenied):
        services.invitation_create(obj=innovation, by=tom, email="amira@example.org")
