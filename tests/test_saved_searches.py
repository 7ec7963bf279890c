"""Saved searches: saved from any list, listed, deleted; the digest frequency chosen once."""

import pytest
from django.urls import reverse

from connections.models import DigestSettings, Frequency, SavedSearch
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def new_url(query: str) -> str:
    return f"{reverse('connections:new-saved-search')}?{query}"


@pytest.mark.parametrize(
    ("list_url", "kind"),
    [
        ("innovations:innovation-list", "innovations"),
        ("supporters:supporter-list", "supporters"),
        ("funding:funding-list", "funding"),
        ("supporters:space-list", "spaces"),
    ],
)
def test_every_list_links_to_save_its_filters(client, list_url, kind):
    page = client.get(reverse(list_url) + "?region=limburg&page=1").content.decode()
    assert f"{reverse('connections:new-saved-search')}?list={kind}&amp;region=limburg" in page


def test_the_challenge_list_has_no_save_link(client):
    page = client.get(reverse("innovations:challenge-list")).content.decode()
    assert reverse("connections:new-saved-search") not in page


def test_saving_needs_a_sign_in(client):
    response = client.get(new_url("list=innovations&challenge=x"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_signed_in_user_saves_a_search_with_a_name(client, owner):
    client.force_login(owner)
    url = new_url("list=innovations&challenge=energy&stage=insight&page=3&sort=name")
    page = client.get(url).content.decode()
    assert "challenge=energy" in page
    response = client.post(url, {"name": "Energie in Limburg"})
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.name, saved.list_kind) == (owner, "Energie in Limburg", "innovations")
    assert saved.query == "challenge=energy&stage=insight"
    assert DigestSettings.objects.get(user=owner).frequency == Frequency.WEEKLY
    page = client.get(reverse("connections:saved-search-list")).content.decode()
    assert "Energie in Limburg" in page


def test_a_name_is_required_and_the_list_must_be_known(client, owner):
    client.force_login(owner)
    assert client.post(new_url("list=innovations"), {"name": ""}).status_code == 200
    assert client.get(new_url("list=users")).status_code == 404
    assert not SavedSearch.objects.exists()


def test_the_frequency_is_chosen_once_for_all_searches(client, owner):
    client.force_login(owner)
    client.post(new_url("list=funding"), {"name": "Subsidies"})
    response = client.post(reverse("connections:digest-frequency"), {"frequency": "daily"})
    assert response.status_code == 302
    assert DigestSettings.objects.get(user=owner).frequency == Frequency.DAILY


def test_only_the_owner_deletes_a_saved_search(client, owner):
    saved = SavedSearch.objects.create(user=owner, name="Mijn", list_kind="innovations")
    client.force_login(make_user("koen@example.org"))
    url = reverse("connections:delete-saved-search", args=[saved.pk])
    assert client.post(url).status_code == 404
    client.force_login(owner)
    assert client.post(url).status_code == 302
    assert not SavedSearch.objects.exists()
