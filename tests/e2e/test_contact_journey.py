"""Koen finds Sara's innovation, writes to the team, and Sara accepts in her dashboard: only
then do they see each other's address. Axe-core checks the pages on the way."""

import pytest

from tests.e2e.test_innovation_journey import sign_in
from tests.factories import make_innovation, make_user, verify_email

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True)
def test_a_contact_request_from_message_to_shared_addresses(
    page, live_server, mailoutbox, assert_accessible
):
    sara = verify_email(make_user("sara@example.org"))
    koen = verify_email(make_user("koen@example.org"))
    make_innovation(name="Warm Wonen", slug="warm-wonen", owners=[sara])

    sign_in(page, live_server, koen)
    page.goto("/en/innovations/warm-wonen/")
    assert "sara@example.org" not in page.content()
    page.get_by_role("link", name="Contact the team").click()
    assert_accessible(page)
    page.get_by_label("Your message").fill("Wij bouwen warmtepompen en willen helpen.")
    page.get_by_role("button", name="Send message").click()
    assert "Waiting for an answer" in page.content()
    assert "sara@example.org" not in page.content()
    assert [mail.to for mail in mailoutbox] == [["sara@example.org"]]
    assert "koen@example.org" not in mailoutbox[0].body

    sign_in(page, live_server, sara)
    page.goto("/en/dashboard/")
    page.get_by_role("link", name="Answer", exact=True).click()
    assert_accessible(page)
    assert "koen@example.org" not in page.content()
    page.get_by_label("Reply (optional)").fill("Graag! Bel ons maandag.")
    page.get_by_role("button", name="Accept").click()
    assert "koen@example.org" in page.content()
    assert mailoutbox[-1].to == ["koen@example.org"]
    assert "sara@example.org" in mailoutbox[-1].body

    sign_in(page, live_server, koen)
    page.goto("/en/dashboard/")
    page.get_by_role("link", name="To Warm Wonen").click()
    assert "sara@example.org" in page.content()
    assert "Graag! Bel ons maandag." in page.content()
