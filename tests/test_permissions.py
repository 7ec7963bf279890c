"""Who may use the owners' URLs: one table, three visitors.

Every URL that edits, deletes, submits or shares content is tried by an anonymous visitor
(sent to sign in), a different signed-in user (404: not even the existence is revealed) and
an owner (allowed). Issues that add owner URLs (supporter profiles, places...) add rows here.
"""

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from hubsi.models import Status
from tests.factories import (
    make_draft_innovation,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class OwnerURL:
    name: str
    kind: str  # which object `make_owned` builds
    url: callable  # object -> URL
    method: str = "get"
    data: dict = field(default_factory=dict)
    owner_status: int = 200  # what the owner gets


def edit_step(step: str):
    return lambda obj: reverse("innovations:edit-step", args=[obj.slug, step])


def innovation_url(name: str):
    return lambda obj: reverse(f"innovations:{name}", args=[obj.slug])


def supporters_url(name: str):
    return lambda obj: reverse(f"supporters:{name}", args=[obj.slug])


def supporters_step(name: str, step: str):
    return lambda obj: reverse(f"supporters:{name}", args=[obj.slug, step])


def contact_request_url(name: str):
    return lambda obj: reverse(f"connections:{name}", args=[obj.pk])


OWNER_URLS = [
    OwnerURL("innovation-edit", "innovation", innovation_url("edit-innovation"), owner_status=302),
    *(
        OwnerURL(f"innovation-step-{step}", "innovation", edit_step(step))
        for step in ("problem", "system", "approach", "partnership", "practical")
    ),
    OwnerURL(
        "innovation-step-post",
        "innovation",
        edit_step("system"),
        method="post",
        data={"systemic_view": "Eigenaars investeren niet.", "action": "save"},
        owner_status=302,
    ),
    OwnerURL("innovation-preview", "innovation", innovation_url("preview-innovation")),
    OwnerURL("innovation-submit", "innovation", innovation_url("submit-innovation")),
    OwnerURL(
        "innovation-submit-post",
        "innovation",
        innovation_url("submit-innovation"),
        method="post",
        data={"may_publish": "on", "accepts_terms": "on"},
        owner_status=302,
    ),
    OwnerURL("innovation-delete", "innovation", innovation_url("delete-innovation")),
    OwnerURL(
        "innovation-delete-post",
        "innovation",
        innovation_url("delete-innovation"),
        method="post",
        owner_status=302,
    ),
    OwnerURL("innovation-invite", "innovation", innovation_url("invite-innovation")),
    OwnerURL(
        "innovation-invite-post",
        "innovation",
        innovation_url("invite-innovation"),
        method="post",
        data={"email": "amira@example.org"},
        owner_status=302,
    ),
    # Supporter profiles (managers) and experimentation places (the host's managers).
    OwnerURL("supporter-edit", "supporter", supporters_url("edit-supporter"), owner_status=302),
    *(
        OwnerURL(f"supporter-step-{step}", "supporter", supporters_step("edit-step", step))
        for step in ("organisation", "offer")
    ),
    OwnerURL(
        "supporter-step-post",
        "supporter",
        supporters_step("edit-step", "offer"),
        method="post",
        data={"offers": ["coaching"], "regions": ["limburg"], "action": "save"},
        owner_status=302,
    ),
    OwnerURL("supporter-preview", "supporter", supporters_url("preview-supporter")),
    OwnerURL("supporter-submit", "supporter", supporters_url("submit-supporter")),
    OwnerURL(
        "supporter-submit-post",
        "supporter",
        supporters_url("submit-supporter"),
        method="post",
        data={"may_publish": "on", "accepts_terms": "on"},
        owner_status=302,
    ),
    OwnerURL("supporter-delete", "supporter", supporters_url("delete-supporter")),
    OwnerURL(
        "supporter-delete-post",
        "supporter",
        supporters_url("delete-supporter"),
        method="post",
        owner_status=302,
    ),
    OwnerURL("supporter-invite", "supporter", supporters_url("invite-supporter")),
    OwnerURL(
        "supporter-invite-post",
        "supporter",
        supporters_url("invite-supporter"),
        method="post",
        data={"email": "amira@example.org"},
        owner_status=302,
    ),
    OwnerURL("space-edit", "space", supporters_url("edit-space"), owner_status=302),
    *(
        OwnerURL(f"space-step-{step}", "space", supporters_step("space-edit-step", step))
        for step in ("place", "access")
    ),
    OwnerURL(
        "space-step-post",
        "space",
        supporters_step("space-edit-step", "access"),
        method="post",
        data={"access": "Op aanvraag.", "action": "save"},
        owner_status=302,
    ),
    OwnerURL("space-preview", "space", supporters_url("preview-space")),
    OwnerURL("space-submit", "space", supporters_url("submit-space")),
    OwnerURL(
        "space-submit-post",
        "space",
        supporters_url("submit-space"),
        method="post",
        data={"may_publish": "on", "accepts_terms": "on"},
        owner_status=302,
    ),
    OwnerURL("space-delete", "space", supporters_url("delete-space")),
    OwnerURL(
        "space-delete-post",
        "space",
        supporters_url("delete-space"),
        method="post",
        owner_status=302,
    ),
    # Contact requests (connections/): only the owners of the innovation that received one
    # (and its sender, tests/test_contact_requests.py) see or answer it.
    OwnerURL("contact-request", "contact_request", contact_request_url("contact-request-detail")),
    OwnerURL(
        "contact-request-answer",
        "contact_request",
        contact_request_url("contact-request-answer"),
        method="post",
        data={"action": "accept", "reply": "Graag."},
        owner_status=302,
    ),
    OwnerURL(
        "contact-request-report",
        "contact_request",
        contact_request_url("contact-request-report"),
    ),
    OwnerURL(
        "contact-request-report-post",
        "contact_request",
        contact_request_url("contact-request-report"),
        method="post",
        data={"reason": "spam"},
        owner_status=302,
    ),
]


def make_owned(kind: str, owner):
    if kind == "innovation":
        return make_draft_innovation(owners=[owner], status=Status.DRAFT)
    if kind == "contact_request":
        from connections.services import contact_request_send
        from tests.factories import make_innovation

        innovation = make_innovation(owners=[owner])
        sender = verify_email(make_user())
        request = contact_request_send(sender=sender, target=innovation, message="Hallo")
        # The recipients are the innovation's owners: the co-owner row adds one there.
        request.owners = innovation.owners
        return request
    if kind == "supporter":
        return make_supporter(
            managers=[owner], status=Status.DRAFT, offers=["coaching"], regions=["limburg"]
        )
    if kind == "space":
        host = make_supporter(managers=[owner], status=Status.DRAFT)
        return make_space(host=host, status=Status.DRAFT, access="Op aanvraag.")
    raise ValueError(kind)


def request(client, row: OwnerURL, url: str):
    return getattr(client, row.method)(url, row.data)


@pytest.fixture
def sara():
    return verify_email(make_user("sara@example.org"))


@pytest.mark.parametrize("row", OWNER_URLS, ids=lambda row: row.name)
def test_anonymous_visitor_is_sent_to_sign_in(client, sara, row):
    url = row.url(make_owned(row.kind, sara))
    response = request(client, row, url)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


@pytest.mark.parametrize("row", OWNER_URLS, ids=lambda row: row.name)
def test_another_signed_in_user_gets_not_found(client, sara, row):
    obj = make_owned(row.kind, sara)
    status = obj.status
    client.force_login(verify_email(make_user("koen@example.org")))
    response = request(client, row, row.url(obj))
    assert response.status_code == 404
    obj.refresh_from_db()
    assert obj.status == status


@pytest.mark.parametrize("row", OWNER_URLS, ids=lambda row: row.name)
def test_staff_edit_through_the_admin_not_through_these_pages(client, sara, curator, row):
    client.force_login(verify_email(curator))
    response = request(client, row, row.url(make_owned(row.kind, sara)))
    assert response.status_code == 404


@pytest.mark.parametrize("row", OWNER_URLS, ids=lambda row: row.name)
def test_owner_may(client, sara, row):
    client.force_login(sara)
    response = request(client, row, row.url(make_owned(row.kind, sara)))
    assert response.status_code == row.owner_status


@pytest.mark.parametrize("row", OWNER_URLS, ids=lambda row: row.name)
def test_a_co_owner_may_as_well(client, sara, row):
    obj = make_owned(row.kind, sara)
    co_owner = verify_email(make_user("tom@example.org"))
    if hasattr(obj, "owners"):
        obj.owners.add(co_owner)
    elif hasattr(obj, "managers"):
        obj.managers.add(co_owner)
    else:  # a place: the co-managers of its host
        obj.host.managers.add(co_owner)
    client.force_login(co_owner)
    response = request(client, row, row.url(obj))
    assert response.status_code == row.owner_status


def test_starting_a_new_innovation_needs_a_sign_in(client):
    response = client.get(reverse("innovations:new-innovation"))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_dashboard_needs_a_sign_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


@pytest.mark.parametrize("name", ["supporters:new-supporter", "supporters:new-space"])
def test_starting_a_profile_or_place_needs_a_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")
