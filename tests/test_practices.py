"""Practices (work track 3, government as a partner): staff-curated working models in two
languages, with the published innovations that apply them (confirmed links only)."""

import pytest
from django.urls import reverse

from hubsi.models import Status
from learning.models import PracticeApplication
from tests.factories import (
    make_challenge,
    make_innovation,
    make_practice,
    make_theme,
    make_user,
    verify_email,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def listed(client, query: str = "") -> list[str]:
    response = client.get(reverse("learning:practice-list") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return [practice.name for practice in response.context["object_list"]]


def test_the_list_shows_active_practices_with_their_filters(client):
    theme = make_theme(slug="democracy")
    challenge = make_challenge(theme, slug="citizen-participation")
    make_practice(
        name_en="Citizens' budget",
        roles=["government", "citizen"],
        instruments=["citizen_budget"],
        challenges=[challenge],
        stages=["co_creation"],
    )
    make_practice(
        name_en="Buy Social", roles=["government", "business"], instruments=["procurement"]
    )
    make_practice(name_en="Retired model", is_active=False)
    assert listed(client) == ["Buy Social", "Citizens' budget"]
    assert listed(client, "role=citizen") == ["Citizens' budget"]
    assert listed(client, "instrument=procurement") == ["Buy Social"]
    assert listed(client, "stage=co_creation") == ["Citizens' budget"]
    assert listed(client, f"theme={theme.slug}") == ["Citizens' budget"]
    assert listed(client, f"challenge={challenge.slug}") == ["Citizens' budget"]
    assert listed(client, "q=buy") == ["Buy Social"]
    for hostile in ("role=king", "instrument=%00", "page=99", "sort=evil", "q=" + "y" * 3000):
        assert client.get(reverse("learning:practice-list") + "?" + hostile).status_code == 200


def test_the_page_is_in_the_visitors_language(client):
    practice = make_practice(
        name_nl="Recht om uit te dagen",
        name_en="Right to challenge",
        what_nl="Burgers nemen een taak van de gemeente over.",
        what_en="Citizens take over a task from the municipality.",
        how_en="Start with one public service.",
        how_nl="Begin met één dienst.",
    )
    english = client.get(practice.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Right to challenge</h1>' in english
    assert "Citizens take over a task" in english and "How to start" in english
    assert "When it fits" not in english  # no text, no heading
    with_dutch = client.get(f"/practices/{practice.slug}/").content.decode()
    assert '<h1 lang="nl">Recht om uit te dagen</h1>' in with_dutch
    assert "Burgers nemen een taak" in with_dutch


def test_only_confirmed_links_of_published_innovations_show(client):
    shown = make_innovation(name="Buurtbudget Genk")
    practice = make_practice(name_en="Citizens' budget", applied_by=[shown])
    draft = make_innovation(name="Draft budget", status=Status.DRAFT)
    claimed = make_innovation(name="Claimed only")
    PracticeApplication.objects.create(practice=practice, innovation=draft, confirmed=True)
    PracticeApplication.objects.create(practice=practice, innovation=claimed, confirmed=False)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Buurtbudget Genk" in html
    assert "Draft budget" not in html and "Claimed only" not in html
    # The innovation page links the practice it applies; the unconfirmed one does not.
    assert practice.get_absolute_url() in client.get(shown.get_absolute_url()).content.decode()
    assert (
        practice.get_absolute_url() not in client.get(claimed.get_absolute_url()).content.decode()
    )


def test_an_inactive_practice_has_no_page(client):
    practice = make_practice(is_active=False)
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_the_challenge_hub_links_practices_linked_or_applied(client):
    challenge = make_challenge()
    make_practice(name_en="Linked", challenges=[challenge])
    applied_by = make_innovation(challenges=[challenge])
    make_practice(name_en="Applied", applied_by=[applied_by])
    make_practice(name_en="Unrelated")
    response = client.get(challenge.get_absolute_url())
    assert sorted(p.name for p in response.context["practices"]) == ["Applied", "Linked"]


def test_an_owner_claims_a_practice_and_a_curator_confirms_it(client, curator):
    sara = verify_email(make_user("sara@example.org"))
    mine = make_innovation(owners=[sara], name="Warme Buurt")
    other = make_innovation(name="Not hers")
    practice = make_practice(name_en="Living lab")
    client.force_login(sara)
    url = reverse("learning:practice-claim", args=[practice.slug])
    html = client.get(url).content.decode()
    assert "Warme Buurt" in html and "Not hers" not in html
    # Someone else's innovation is no choice.
    assert client.post(url, {"innovations": [other.pk]}).status_code == 200
    response = client.post(url, {"innovations": [mine.pk]})
    assert response["Location"] == practice.get_absolute_url()
    application = PracticeApplication.objects.get()
    assert (application.innovation, application.confirmed) == (mine, False)
    assert application.claimed_by == sara
    assert "Warme Buurt" not in client.get(practice.get_absolute_url()).content.decode()
    # The curator confirms it in the admin's queue.
    client.force_login(curator)
    response = client.post(
        "/en/admin/learning/practiceapplication/",
        {"action": "confirm", "_selected_action": [application.pk]},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.confirmed
    client.logout()
    assert "Warme Buurt" in client.get(practice.get_absolute_url()).content.decode()


def test_an_owner_withdraws_an_unconfirmed_claim_but_not_a_confirmed_one(client):
    sara = verify_email(make_user("sara@example.org"))
    first = make_innovation(owners=[sara])
    second = make_innovation(owners=[sara])
    practice = make_practice(applied_by=[first])
    PracticeApplication.objects.create(practice=practice, innovation=second)
    client.force_login(sara)
    client.post(reverse("learning:practice-claim", args=[practice.slug]), {})
    assert list(PracticeApplication.objects.values_list("innovation", flat=True)) == [first.pk]


def test_search_finds_active_practices(client):
    make_practice(name_en="Community land trust", name_nl="Community land trust")
    make_practice(name_en="Community land trust (old)", is_active=False)
    response = client.get(reverse("search") + "?q=community")
    groups = {str(g["label"]): g for g in response.context["groups"]}
    assert groups["Practices"]["count"] == 1
