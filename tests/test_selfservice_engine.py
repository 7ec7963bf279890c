"""The self-service engine (hubsi/selfservice/): every registered kind gets the same pages under
regular URL names, GET-only pages refuse a POST, and ownership follows each model's
`owner_lookup`."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from hubsi import services
from hubsi.kinds import kind_for, registered_kinds
from hubsi.limits import open_drafts_of
from hubsi.models import Status
from innovations.models import Innovation
from innovations.selfservice import INNOVATION
from supporters.models import ExperimentationSpace, Supporter
from supporters.selfservice import SPACE, SUPPORTER
from tests.factories import make_innovation, make_space, make_supporter, make_user, verify_email

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sara():
    return verify_email(make_user("sara@example.org"))


def owned(kind, sara):
    """A draft of `kind` that Sara owns."""
    if kind is INNOVATION:
        return make_innovation(owners=[sara], status=Status.DRAFT)
    if kind is SUPPORTER:
        return make_supporter(managers=[sara], status=Status.DRAFT)
    return make_space(host=make_supporter(managers=[sara]), status=Status.DRAFT)


def test_the_three_kinds_are_registered_by_their_apps():
    assert {kind.model for kind in registered_kinds()} >= {
        Innovation,
        Supporter,
        ExperimentationSpace,
    }
    assert kind_for(Innovation) is INNOVATION
    assert kind_for(make_space()) is SPACE


@pytest.mark.parametrize("kind", [INNOVATION, SUPPORTER, SPACE], ids=lambda kind: kind.name)
def test_every_kind_has_the_regular_url_names(kind):
    app, name = kind.namespace, kind.name
    assert reverse(f"{app}:new-{name}") == f"/en/{kind.path}/new/"
    for role in ("edit", "preview", "submit", "delete"):
        assert reverse(f"{app}:{role}-{name}", args=["x"]) == f"/en/{kind.path}/x/{role}/"
    assert reverse(f"{app}:edit-{name}-step", args=["x", "y"]) == f"/en/{kind.path}/x/edit/y/"
    if kind.has_invitations:
        assert reverse(f"{app}:invite-{name}", args=["x"]) == f"/en/{kind.path}/x/invite/"
    else:
        with pytest.raises(NoReverseMatch):
            reverse(f"{app}:invite-{name}", args=["x"])


def test_places_have_no_second_name_for_their_edit_page():
    with pytest.raises(NoReverseMatch):
        reverse("supporters:edit-experimentationspace", args=["x"])


@pytest.mark.parametrize("kind", [INNOVATION, SUPPORTER, SPACE], ids=lambda kind: kind.name)
@pytest.mark.parametrize("role", ["edit", "preview"])
def test_a_post_to_a_get_only_owner_page_answers_405(client, sara, kind, role):
    obj = owned(kind, sara)
    client.force_login(sara)
    before = obj.updated_at

    response = client.post(kind.url(role, obj), {"action": "next"})

    assert response.status_code == 405
    obj.refresh_from_db()
    assert obj.updated_at == before


def test_a_post_to_the_dashboard_answers_405(client, sara):
    client.force_login(sara)
    assert client.post(reverse("dashboard")).status_code == 405


@pytest.mark.parametrize("kind", [INNOVATION, SUPPORTER, SPACE], ids=lambda kind: kind.name)
def test_mail_to_owners_links_to_the_kinds_edit_page(sara, kind):
    obj = owned(kind, sara)
    links = services.owner_links(obj)
    assert links["edit_url"] == kind.url("edit", obj)
    assert links["dashboard_url"] == reverse("dashboard")


def test_owners_follow_each_models_owner_lookup(sara):
    tom = make_user("tom@example.org")
    innovation = make_innovation(owners=[sara])
    supporter = make_supporter(managers=[sara, tom])
    space = make_space(host=supporter)

    assert list(innovation.owner_users()) == [sara]
    assert set(space.owner_users()) == {sara, tom}
    assert set(Supporter.objects.owned_by(tom)) == {supporter}
    assert set(ExperimentationSpace.objects.owned_by(tom)) == {space}
    assert not Innovation.objects.owned_by(tom).exists()


def test_a_place_gets_no_owners_of_its_own(sara):
    space = make_space(host=make_supporter(managers=[sara]))
    assert not space.has_own_owners()
    space.add_owner(sara)  # she already manages the host: nothing to add
    with pytest.raises(PermissionDenied):
        space.add_owner(make_user("koen@example.org"))


def test_open_drafts_count_every_kind_of_owned_content(sara):
    make_innovation(owners=[sara], status=Status.DRAFT)
    host = make_supporter(managers=[sara], status=Status.CHANGES_REQUESTED)
    make_space(host=host, status=Status.DRAFT)
    make_space(host=host, status=Status.SUBMITTED)
    assert open_drafts_of(sara) == 3


APPS = {"innovations", "supporters", "funding", "connections", "accounts", "front", "demo"}
ENGINE = Path(__file__).resolve().parent.parent / "hubsi"
ENGINE_FILES = sorted(ENGINE.glob("selfservice/*.py")) + [
    ENGINE / "services.py",
    ENGINE / "models.py",
]


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: path.name)
def test_the_engine_imports_no_app_and_nothing_inside_a_function(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        else:
            continue
        assert not {module.split(".")[0] for module in modules} & APPS, (path, node.lineno)
        assert node.col_offset == 0, f"{path.name}:{node.lineno} imports inside a function"
