"""Nothing unpublished appears on any public page, in any list, search, count or sitemap."""

import pytest

from hubsi.models import Status
from tests.conftest import build_catalogue
from tests.factories import make_funding, make_innovation, make_space, make_supporter
from tests.pages import ALL_PAGES

pytestmark = pytest.mark.django_db

HIDDEN = [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.ARCHIVED]


@pytest.fixture
def hidden_content():
    catalogue = build_catalogue(1)
    challenge, theme = catalogue["challenge"], catalogue["theme"]
    for status in HIDDEN:
        make_innovation(
            name=f"GEHEIM innovatie {status}",
            status=status,
            challenges=[challenge],
            regions=["limburg"],
            tagline="energie huurders",
            featured=True,
        )
        supporter = make_supporter(
            name=f"GEHEIM ondersteuner {status}",
            status=status,
            challenges=[challenge],
            themes=[theme],
            description="energie",
        )
        make_space(
            name=f"GEHEIM plek {status}",
            status=status,
            challenges=[challenge],
            description="energie",
            host=catalogue["supporter"],
        )
        # A published place of an unpublished host is hidden too.
        make_space(name=f"GEHEIM plek van host {status}", host=supporter, challenges=[challenge])
        make_funding(
            name=f"GEHEIM oproep {status}",
            status=status,
            challenges=[challenge],
            description="energie",
        )
    return catalogue


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.name)
def test_unpublished_content_never_appears(client, hidden_content, page):
    response = client.get(page.url(hidden_content))
    assert "GEHEIM" not in response.content.decode()


def test_counts_on_home_ignore_unpublished(client, hidden_content):
    counts = client.get("/").context["counts"]
    assert counts["innovations"] == 1
    assert counts["supporters"] == 1
    assert counts["spaces"] == 1


def test_facet_counts_ignore_unpublished(client, hidden_content):
    response = client.get("/innovations/")
    total = sum(
        o["count"] for f in response.context["facets"] if f["name"] == "stage" for o in f["options"]
    )
    assert total == 1


@pytest.mark.parametrize("kind", ["innovations", "supporters", "spaces", "funding"])
def test_detail_of_unpublished_content_is_not_found(client, kind):
    maker = {
        "innovations": make_innovation,
        "supporters": make_supporter,
        "spaces": make_space,
        "funding": make_funding,
    }[kind]
    for status in HIDDEN:
        obj = maker(status=status)
        assert client.get(f"/{kind}/{obj.slug}/").status_code == 404
        assert client.get(f"/en/{kind}/{obj.slug}/").status_code == 404


def test_inactive_challenge_is_not_public(client):
    catalogue = build_catalogue(1)
    catalogue["challenge"].is_active = False
    catalogue["challenge"].save()
    assert client.get(f"/challenges/{catalogue['challenge'].slug}/").status_code == 404
    assert catalogue["challenge"].name_nl not in client.get("/challenges/").content.decode()
