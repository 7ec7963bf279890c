"""Contact requests: the life-cycle with its emails, the privacy of addresses at every step,
the limits, reports and the links on public pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from connections import services
from connections.models import BlockedSender, ContactRequest, ContactStatus, Report, ReportKind
from hubsi.models import Status
from tests.factories import make_innovation, make_space, make_supporter, make_user, verify_email

pytestmark = pytest.mark.django_db

SARA, KOEN, TOM = "sara@example.org", "koen@example.org", "tom@example.org"


@pytest.fixture
def sara():
    return verify_email(make_user(SARA))


@pytest.fixture
def koen():
    """Koen wants to get in touch."""
    return verify_email(make_user(KOEN))


@pytest.fixture
def innovation(sara):
    tom = verify_email(make_user(TOM))
    return make_innovation(name="Warm Wonen", slug="warm-wonen", owners=[sara, tom])


def send(client, innovation, message="Wij willen samenwerken in Genk."):
    return client.post(
        reverse("connections:contact-innovation", args=[innovation.slug]), {"message": message}
    )


def test_every_owner_gets_a_mail_without_the_senders_address(
    client, koen, innovation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(koen)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, innovation)
    request = ContactRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("connections:contact-request-detail", args=[request.pk])
    assert sorted(m.to[0] for m in mailoutbox) == [SARA, TOM]
    for mail in mailoutbox:
        assert "Wij willen samenwerken in Genk." in mail.body
        assert KOEN not in mail.body and KOEN not in mail.subject
        assert reverse("connections:contact-request-detail", args=[request.pk]) in mail.body


def test_no_address_is_shown_to_either_side_before_acceptance(client, koen, sara, innovation):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    url = reverse("connections:contact-request-detail", args=[request.pk])
    client.force_login(koen)
    page = client.get(url).content.decode()
    assert "Hallo" in page and SARA not in page and TOM not in page
    client.force_login(sara)
    page = client.get(url).content.decode()
    assert "Hallo" in page and KOEN not in page
    assert "Accept" in page or "Aanvaard" in page


def test_after_acceptance_both_sides_see_each_others_address(
    client, koen, sara, innovation, mailoutbox, django_capture_on_commit_callbacks
):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    client.force_login(sara)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("connections:contact-request-answer", args=[request.pk]),
            {"action": "accept", "reply": "Graag, bel ons."},
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ContactStatus.ACCEPTED and request.answered_by == sara
    (mail,) = mailoutbox
    assert mail.to == [KOEN]
    assert "Graag, bel ons." in mail.body
    # No contact address on the innovation: the owners' own addresses.
    assert SARA in mail.body and TOM in mail.body
    url = reverse("connections:contact-request-detail", args=[request.pk])
    assert KOEN in client.get(url).content.decode()
    client.force_login(koen)
    page = client.get(url).content.decode()
    assert SARA in page and "Graag, bel ons." in page


def test_the_sender_sees_the_innovations_contact_address_when_it_has_one(koen, innovation):
    innovation.contact_email = "info@warmwonen.be"
    innovation.save()
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    owner = innovation.owners.first()
    services.contact_request_accept(contact_request=request, by=owner)
    assert request.target_contact_email() == ["info@warmwonen.be"]


def test_declining_shares_no_address_and_tells_the_sender(
    client, koen, sara, innovation, mailoutbox, django_capture_on_commit_callbacks
):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decline(contact_request=request, by=sara, reply="Nu niet.")
    (mail,) = mailoutbox
    assert mail.to == [KOEN] and "Nu niet." in mail.body
    assert SARA not in mail.body and TOM not in mail.body
    client.force_login(koen)
    page = client.get(reverse("connections:contact-request-detail", args=[request.pk]))
    assert SARA not in page.content.decode()
    client.force_login(sara)
    page = client.get(reverse("connections:contact-request-detail", args=[request.pk]))
    assert KOEN not in page.content.decode()


def test_nobody_else_sees_a_request(client, koen, innovation):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    client.force_login(verify_email(make_user("eva@example.org")))
    url = reverse("connections:contact-request-detail", args=[request.pk])
    assert client.get(url).status_code == 404
    answer = reverse("connections:contact-request-answer", args=[request.pk])
    assert client.post(answer, {"action": "accept"}).status_code == 404
    request.refresh_from_db()
    assert request.status == ContactStatus.OPEN


def test_the_sender_cannot_accept_their_own_request(client, koen, innovation):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    client.force_login(koen)
    answer = reverse("connections:contact-request-answer", args=[request.pk])
    assert client.post(answer, {"action": "accept"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.contact_request_accept(contact_request=request, by=koen)


def test_an_answered_request_cannot_be_answered_again(koen, sara, innovation):
    request = services.contact_request_send(sender=koen, target=innovation, message="Hallo")
    services.contact_request_decline(contact_request=request, by=sara)
    with pytest.raises(services.ContactNotAllowed):
        services.contact_request_accept(contact_request=request, by=sara)


def test_public_pages_carry_links_but_no_address(client, innovation):
    innovation.contact_email = "info@warmwonen.be"
    innovation.save()
    supporter = make_supporter(slug="kenniscentrum", contact_email="hallo@kennis.be")
    space = make_space(host=supporter, slug="living-lab")
    for obj, contact, report in [
        (innovation, "connections:contact-innovation", "innovation"),
        (supporter, "connections:contact-supporter", "supporter"),
        (space, None, "space"),
    ]:
        page = client.get(obj.get_absolute_url()).content.decode()
        assert "@" not in page.replace("&#x27;", "'").split("<main", 1)[-1].split("</main>")[0]
        if contact:
            assert reverse(contact, args=[obj.slug]) in page
        assert f"{reverse('connections:report-page')}?page={report}:{obj.slug}" in page


def test_signing_in_is_needed_to_write(client, innovation):
    response = client.get(reverse("connections:contact-innovation", args=[innovation.slug]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_unverified_address_cannot_write(client, innovation):
    client.force_login(make_user("nieuw@example.org"))
    response = send(client, innovation)
    assert response.status_code != 302 or "contact-requests" not in response.get("Location", "")
    assert not ContactRequest.objects.exists()


def test_a_draft_cannot_be_contacted(client, koen):
    draft = make_innovation(status=Status.DRAFT, slug="concept")
    client.force_login(koen)
    assert send(client, draft).status_code == 404


def test_owners_cannot_contact_their_own_innovation(client, sara, innovation):
    client.force_login(sara)
    response = send(client, innovation)
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


def test_one_open_request_per_pair(client, koen, sara, innovation):
    client.force_login(koen)
    send(client, innovation)
    response = send(client, innovation, "Nog eens.")
    assert response.status_code == 200
    assert "open" in response.content.decode()
    assert ContactRequest.objects.count() == 1
    # Once answered, a new request may follow.
    services.contact_request_decline(contact_request=ContactRequest.objects.get(), by=sara)
    assert send(client, innovation, "Nog eens.").status_code == 302


def test_at_most_ten_requests_a_day(client, koen):
    client.force_login(koen)
    for _index in range(10):
        assert send(client, make_innovation()).status_code == 302
    response = send(client, make_innovation())
    assert response.status_code == 200
    assert "10" in response.content.decode()
    assert ContactRequest.objects.count() == 10


def test_a_message_longer_than_2000_characters_is_refused(client, koen, innovation):
    client.force_login(koen)
    response = send(client, innovation, "x" * 2001)
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


def test_a_blocked_user_gets_a_clear_message(client, koen, innovation):
    BlockedSender.objects.create(user=koen, reason="spam")
    client.force_login(koen)
    response = client.get(reverse("connections:contact-innovation", args=[innovation.slug]))
    assert response.status_code == 403
    assert "abuse" in response.content.decode() or "misbruik" in response.content.decode()
    send(client, innovation)
    assert not ContactRequest.objects.exists()
    with pytest.raises(services.ContactNotAllowed):
        services.contact_request_send(sender=koen, target=innovation, message="Hallo")


def test_supporter_managers_get_requests(koen, mailoutbox, django_capture_on_commit_callbacks):
    manager = verify_email(make_user("an@example.org"))
    supporter = make_supporter(managers=[manager])
    with django_capture_on_commit_callbacks(execute=True):
        request = services.contact_request_send(sender=koen, target=supporter, message="Hallo")
    assert [m.to for m in mailoutbox] == [["an@example.org"]]
    assert request.is_recipient(manager)


def test_recipients_report_a_request_to_the_curators(client, koen, sara, innovation):
    request = services.contact_request_send(sender=koen, target=innovation, message="Koop nu!")
    client.force_login(sara)
    url = reverse("connections:contact-request-report", args=[request.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "spam", "details": "Reclame"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.kind == ReportKind.CONTACT_REQUEST and report.contact_request == request
    request.refresh_from_db()
    assert request.reported_at and request.status == ContactStatus.DECLINED
    client.force_login(koen)
    assert client.get(url).status_code == 404


def test_anyone_reports_a_public_page_with_a_reason(client, innovation):
    url = f"{reverse('connections:report-page')}?page=innovation:{innovation.slug}"
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 200
    assert not Report.objects.exists()
    response = client.post(url, {"reason": "false", "details": "Bestaat niet meer."})
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.kind == ReportKind.INNOVATION and report.slug == innovation.slug
    assert report.reporter is None


def test_reports_are_rate_limited_per_address(client, innovation):
    url = f"{reverse('connections:report-page')}?page=innovation:{innovation.slug}"
    for _index in range(5):
        client.post(url, {"reason": "spam"})
    assert client.post(url, {"reason": "spam"}).status_code == 429
    assert Report.objects.count() == 5


def test_only_published_pages_can_be_reported(client):
    draft = make_innovation(status=Status.DRAFT)
    url = f"{reverse('connections:report-page')}?page=innovation:{draft.slug}"
    assert client.get(url).status_code == 404
    assert client.get(f"{reverse('connections:report-page')}?page=user:1").status_code == 404


def test_the_dashboard_lists_requests_both_ways(client, koen, sara, innovation):
    services.contact_request_send(sender=koen, target=innovation, message="Hallo Sara")
    client.force_login(sara)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Hallo Sara" in page and KOEN not in page
    client.force_login(koen)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Warm Wonen" in page and SARA not in page


def test_curators_see_requests_and_reports_in_the_admin(client, curator, koen, innovation):
    from django.contrib.auth.models import Group

    curators = Group.objects.get(name="Curators")
    codenames = set(curators.permissions.values_list("codename", flat=True))
    assert {"view_contactrequest", "change_report", "view_report"} <= codenames
    assert curator.has_perm("connections.view_contactrequest")
    assert not curator.has_perm("connections.add_contactrequest")


# The supporter's side: innovations it can help, for its managers only -----------------------


@pytest.fixture
def managed_supporter(sara):
    supporter = make_supporter(slug="kenniscentrum", offers=["coaching"], managers=[sara])
    make_innovation(name="Zoekt Coaching", needs=["coaching"])
    return supporter


def test_managers_see_innovations_they_can_help_with_reasons(client, sara, managed_supporter):
    client.force_login(sara)
    for url in [managed_supporter.get_absolute_url(), reverse("dashboard")]:
        page = client.get(url).content.decode()
        assert "Zoekt Coaching" in page
        assert "wat deze ondersteuner aanbiedt" in page


def test_nobody_else_sees_the_managers_suggestions(client, koen, managed_supporter):
    url = managed_supporter.get_absolute_url()
    client.force_login(sara_user := managed_supporter.managers.get())
    assert "Zoekt Coaching" in client.get(url).content.decode()
    client.logout()
    assert "Zoekt Coaching" not in client.get(url).content.decode()  # cached for anonymous
    assert "Zoekt Coaching" not in client.get(url).content.decode()
    client.force_login(koen)
    assert "Zoekt Coaching" not in client.get(url).content.decode()
    client.force_login(sara_user)
    assert "Zoekt Coaching" in client.get(url).content.decode()
