"""Who may use every URL with an object in it: one table, four visitors, GET and POST.

Every URL pattern whose address names an object (a slug, a primary key, a token) has rows in
`ROWS`, one per method; `test_every_url_with_an_object_in_it_has_rows` walks the URLconf, so a
new URL cannot be forgotten. Each row is tried by four visitors:

- anonymous: sent to sign in, unless the token in the address is the key;
- another user (Koen, signed in and verified): 404, so not even the existence is revealed;
- a curator (Lien, staff in the Curators group, with an authenticator app): 404 as well. Curators
  review and change content in the admin, never through the owners' pages; the one exception,
  the preview, opens only after the admin's two-factor check (tests/test_curator_preview.py);
- the owner: Sara, the person the object is about. She owns the innovation, manages the
  supporter profile (or the host of the place), received the contact request (or sent it: the
  `sent-request` rows), is the invitee of the invitation, and the person of the saved search,
  the digest, the address to confirm or the password to reset.

Public pages and contact forms have rows as well: published content answers everyone alike,
unpublished content no one (its owners see the preview). Where the address carries a secret
(unsubscribing from the digest, confirming an address, resetting a password), the secret is the
key: everyone holding it gets the same answer, and a forged one opens nothing.

Besides the answer, every test compares the database before and after the request: a GET never
changes anything, and a POST changes something only for the visitors in the row's `changes`
(by default the owner, when she is allowed). The Django admin has its own test below: every
admin URL with an object in it is closed to anonymous visitors and to people who are not staff.
The pages about the signed-in person (dashboard, your data, the data export, deleting the
account) have no object in their address; the tests at the end check that each shows its
visitor only their own things.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

from accounts.mfa import give_totp
from hubsi.models import Status
from tests.conftest import CURATOR_TOTP_SECRET
from tests.factories import (
    make_challenge,
    make_draft_innovation,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_practice,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)

pytestmark = pytest.mark.django_db

SIGN_IN = "sent to sign in"
VISITORS = ("anonymous", "other", "curator", "owner")
EVERYONE = frozenset(VISITORS)
OWNER = frozenset({"owner"})
NOBODY = frozenset()


@dataclass(frozen=True)
class Row:
    name: str
    kind: str  # which object `make_object` builds, and who its owner is
    url_name: str
    args: Callable  # object -> the URL's arguments
    method: str = "get"
    data: dict | Callable = field(default_factory=dict)  # or object -> dict
    owner: int | str = 200
    other: int | str = 404
    curator: int | str = 404
    anonymous: int | str = SIGN_IN
    changes: frozenset = NOBODY  # the visitors whose request changes the database

    def url(self, obj) -> str:
        return reverse(self.url_name, args=self.args(obj))

    def form(self, obj) -> dict:
        return self.data(obj) if callable(self.data) else self.data

    def expected(self, visitor: str) -> int | str:
        return getattr(self, visitor)


def get(name, kind, url_name, args, **outcomes) -> Row:
    return Row(f"{name}-get", kind, url_name, args, "get", **outcomes)


def post(name, kind, url_name, args, data=None, **outcomes) -> Row:
    """A POST that the owner may make: by default she is redirected and something changes."""
    outcomes.setdefault("owner", 302)
    outcomes.setdefault("changes", OWNER if outcomes["owner"] in (200, 302) else NOBODY)
    return Row(f"{name}-post", kind, url_name, args, "post", data or {}, **outcomes)


def slug(obj) -> list:
    return [obj.slug]


def pk(obj) -> list:
    return [obj.pk]


def token(obj) -> list:
    return [obj.token]


def uid_and_key(obj) -> list:
    return [obj.uid, obj.key]


def step(name: str) -> Callable:
    return lambda obj: [obj.slug, name]


def signed_in_alike(outcome) -> dict:
    """The same answer for every signed-in visitor (anonymous visitors are sent to sign in)."""
    return {"owner": outcome, "other": outcome, "curator": outcome}


def everyone(outcome) -> dict:
    """The same answer for every visitor, signed in or not."""
    return {**signed_in_alike(outcome), "anonymous": outcome}


def first_challenge(obj) -> int:
    return obj.challenges.values_list("pk", flat=True).first()


# What each step of the guided forms needs to save without errors (it changes something).
INNOVATION_STEPS = {
    "problem": lambda obj: {
        "name": "Warm Wonen Genk",
        "language": "nl",
        "problem": "Huurders in Genk betalen te veel voor energie.",
        "challenges": [first_challenge(obj)],
    },
    "system": {"systemic_view": "Eigenaars investeren niet."},
    "approach": {"approach": "Samen isoleren met de buurt.", "stage": "co_creation"},
    "partnership": {"organisation_name": "Buurtwerk Genk", "organisation_role": "citizen"},
    "practical": {"regions": ["limburg", "antwerp"]},
}
SUPPORTER_STEPS = {
    "organisation": {
        "name": "Energiehuis Genk",
        "helix_role": "government",
        "description": "Wij helpen huurders en eigenaars.",
    },
    "offer": {"offers": ["coaching", "knowledge"], "regions": ["limburg"]},
}
SPACE_STEPS = {
    "place": {
        "name": "Proefwoning Genk",
        "description": "Een woning om isolatie te testen.",
        "municipality": "Genk",
        "region": "limburg",
    },
    "access": {"access": "Op aanvraag, gratis voor bewoners."},
}
LEARNING_STEPS = {
    "offer": {
        "name": "Leren co-creëren",
        "language": "nl",
        "format": "workshop",
        "description": "Een dag samen leren co-creëren met bewoners.",
        "competences": ["co_creation"],
    },
    "practical": {
        "start_date": "2030-03-05",
        "regions": ["limburg"],
        "registration_url": "https://www.example.org/inschrijven",
    },
}
CONSENT = {"may_publish": "on", "accepts_terms": "on"}


def step_data(steps: dict, name: str) -> Callable:
    data = steps[name]
    return lambda obj: {**(data(obj) if callable(data) else data), "action": "save"}


def owner_pages(prefix: str, kind: str, names: dict, steps: dict, invite: bool) -> list[Row]:
    """The self-service pages of one kind of content: GET and POST of each."""
    rows = [
        # The edit entry point only redirects to the first open step, also on a POST.
        get(f"{prefix}-edit", kind, names["edit"], slug, owner=302),
        # GET-only pages answer a POST with 405 before they look the object up.
        post(f"{prefix}-edit", kind, names["edit"], slug, **signed_in_alike(405)),
    ]
    for name in steps:
        rows += [
            get(f"{prefix}-step-{name}", kind, names["step"], step(name)),
            post(
                f"{prefix}-step-{name}",
                kind,
                names["step"],
                step(name),
                step_data(steps, name),
            ),
        ]
    rows += [
        get(f"{prefix}-step-unknown", kind, names["step"], step("no-such-step"), owner=404),
        get(f"{prefix}-preview", kind, names["preview"], slug),
        post(f"{prefix}-preview", kind, names["preview"], slug, **signed_in_alike(405)),
        get(f"{prefix}-submit", kind, names["submit"], slug),
        post(f"{prefix}-submit", kind, names["submit"], slug, CONSENT),
        get(f"{prefix}-delete", kind, names["delete"], slug),
        post(f"{prefix}-delete", kind, names["delete"], slug),
    ]
    if invite:
        rows += [
            get(f"{prefix}-invite", kind, names["invite"], slug),
            post(f"{prefix}-invite", kind, names["invite"], slug, {"email": "amira@example.org"}),
        ]
    return rows


def public_page(prefix: str, kind: str, url_name: str) -> list[Row]:
    """A public detail page: published content for everyone, unpublished for no one (its
    owners see the preview instead). The page has no form: a POST is not allowed."""
    return [
        get(f"{prefix}-published", f"published-{kind}", url_name, slug, **everyone(200)),
        get(f"{prefix}-draft", kind, url_name, slug, **everyone(404)),
        post(f"{prefix}-published", f"published-{kind}", url_name, slug, **everyone(405)),
        post(f"{prefix}-draft", kind, url_name, slug, **everyone(405)),
    ]


def contact_form(prefix: str, kind: str, url_name: str) -> list[Row]:
    """Anyone signed in and verified may write to published content, except its own people;
    nobody may write to unpublished content."""
    message = {"message": "Wij bouwen warmtepompen en willen helpen."}
    published = f"published-{kind}"
    return [
        get(f"{prefix}-published", published, url_name, slug, other=200, curator=200),
        post(
            f"{prefix}-published",
            published,
            url_name,
            slug,
            message,
            owner=200,  # "you cannot send a contact request to your own page"
            other=302,
            curator=302,
            changes=frozenset({"other", "curator"}),
        ),
        get(f"{prefix}-draft", kind, url_name, slug, owner=404),
        post(f"{prefix}-draft", kind, url_name, slug, message, owner=404),
    ]


ANSWER = {"action": "accept", "reply": "Graag."}
REPORT = {"reason": "spam"}


def contact_request(prefix: str, kind: str, *, recipient: bool) -> list[Row]:
    detail, answer, report = (
        f"connections:contact-request-{name}" for name in ("detail", "answer", "report")
    )
    answers = 302 if recipient else 404
    return [
        get(prefix, kind, detail, pk),
        # The detail takes any method and shows the same page: a POST changes nothing.
        post(prefix, kind, detail, pk, owner=200, changes=NOBODY),
        # Answering is a POST only: require_POST answers 405 before the request is looked up.
        get(f"{prefix}-answer", kind, answer, pk, **signed_in_alike(405)),
        post(f"{prefix}-answer", kind, answer, pk, ANSWER, owner=answers),
        get(f"{prefix}-report", kind, report, pk, owner=200 if recipient else 404),
        post(f"{prefix}-report", kind, report, pk, REPORT, owner=answers),
    ]


INNOVATION_URLS = {
    "edit": "innovations:edit-innovation",
    "step": "innovations:edit-innovation-step",
    "preview": "innovations:preview-innovation",
    "submit": "innovations:submit-innovation",
    "delete": "innovations:delete-innovation",
    "invite": "innovations:invite-innovation",
}
SUPPORTER_URLS = {
    "edit": "supporters:edit-supporter",
    "step": "supporters:edit-supporter-step",
    "preview": "supporters:preview-supporter",
    "submit": "supporters:submit-supporter",
    "delete": "supporters:delete-supporter",
    "invite": "supporters:invite-supporter",
}
SPACE_URLS = {
    "edit": "supporters:edit-space",
    "step": "supporters:edit-space-step",
    "preview": "supporters:preview-space",
    "submit": "supporters:submit-space",
    "delete": "supporters:delete-space",
}
LEARNING_URLS = {
    "edit": "learning:edit-offer",
    "step": "learning:edit-offer-step",
    "preview": "learning:preview-offer",
    "submit": "learning:submit-offer",
    "delete": "learning:delete-offer",
}
FRESH_PASSWORD = {
    "password1": "een-nieuw-wachtwoord-2026",
    "password2": "een-nieuw-wachtwoord-2026",
}

ROWS: list[Row] = [
    # Self-service (hubsi/selfservice/views.py, declared in each app's selfservice.py).
    *owner_pages("innovation", "innovation", INNOVATION_URLS, INNOVATION_STEPS, invite=True),
    *owner_pages("supporter", "supporter", SUPPORTER_URLS, SUPPORTER_STEPS, invite=True),
    *owner_pages("space", "space", SPACE_URLS, SPACE_STEPS, invite=False),
    *owner_pages("learning", "learning", LEARNING_URLS, LEARNING_STEPS, invite=False),
    # Public pages: published only, for everyone alike.
    *public_page("innovation-detail", "innovation", "innovations:innovation-detail"),
    *public_page("supporter-detail", "supporter", "supporters:supporter-detail"),
    *public_page("space-detail", "space", "supporters:space-detail"),
    *public_page("funding-detail", "funding", "funding:funding-detail"),
    *public_page("learning-detail", "learning", "learning:offer-detail"),
    *public_page("practice-detail", "practice", "learning:practice-detail"),
    # Owners say their innovation applies a practice: every signed-in person may open the
    # page, but only the owner may claim her own innovation (for others it is no choice).
    get(
        "practice-claim", "claim-practice", "learning:practice-claim", slug, **signed_in_alike(200)
    ),
    post(
        "practice-claim",
        "claim-practice",
        "learning:practice-claim",
        slug,
        lambda obj: {"innovations": [obj.sara_innovation.pk]},
        other=200,
        curator=200,
    ),
    *public_page("challenge-hub", "challenge", "challenge-detail"),
    # The open-data API (opendata/api.py): the same rule as the pages, read-only.
    *public_page("api-innovation", "innovation", "api-innovations-detail"),
    *public_page("api-supporter", "supporter", "api-supporters-detail"),
    *public_page("api-space", "space", "api-spaces-detail"),
    *public_page("api-funding", "funding", "api-funding-detail"),
    *public_page("api-challenge", "challenge", "api-challenges-detail"),
    *public_page("api-learning", "learning", "api-learning-detail"),
    *public_page("api-practice", "practice", "api-practices-detail"),
    get(
        "api-other", "published-innovation", "api-other", lambda o: ["v1/owners/"], **everyone(404)
    ),
    post(
        "api-other", "published-innovation", "api-other", lambda o: ["v1/owners/"], **everyone(405)
    ),
    # Open-data files are the same for everyone (not built in this test: 404) and read-only.
    get(
        "open-data-file",
        "published-innovation",
        "open-data-file",
        lambda o: ["innovations", "csv"],
        **everyone(404),
    ),
    post(
        "open-data-file",
        "published-innovation",
        "open-data-file",
        lambda o: ["innovations", "csv"],
        **everyone(405),
    ),
    get(
        "open-data-schema",
        "published-innovation",
        "open-data-schema",
        lambda o: ["innovations"],
        **everyone(200),
    ),
    post(
        "open-data-schema",
        "published-innovation",
        "open-data-schema",
        lambda o: ["innovations"],
        **everyone(405),
    ),
    # Contact forms (connections/views.py).
    *contact_form("contact-innovation", "innovation", "connections:contact-innovation"),
    *contact_form("contact-supporter", "supporter", "connections:contact-supporter"),
    # Contact requests from Amira to Sara's innovation and to her supporter profile, and one
    # that Sara sent: only its two sides see it; only a recipient answers or reports it.
    *contact_request("received-request", "received-request", recipient=True),
    *contact_request("supporter-request", "supporter-request", recipient=True),
    *contact_request("sent-request", "sent-request", recipient=False),
    # Sara's saved search: deleting is a POST only.
    get(
        "saved-search-delete",
        "saved-search",
        "connections:delete-saved-search",
        pk,
        **signed_in_alike(405),
    ),
    post("saved-search-delete", "saved-search", "connections:delete-saved-search", pk),
    # An invitation to co-own Amira's innovation, sent to Sara's address. Whoever has the link
    # sees what it is about; only the invited address accepts it.
    get("invitation", "invitation", "invitation-accept", token, other=200, curator=200),
    post("invitation", "invitation", "invitation-accept", token, other=403, curator=403),
    get("invitation-unknown", "unknown-invitation", "invitation-accept", token, owner=404),
    post("invitation-unknown", "unknown-invitation", "invitation-accept", token, owner=404),
    # Unsubscribing from the digest (RFC 8058 one-click): the signed token is the key, so no
    # sign-in; a GET only asks, a POST unsubscribes. A forged token opens nothing.
    get("digest-unsubscribe", "digest", "connections:digest-unsubscribe", token, **everyone(200)),
    post(
        "digest-unsubscribe",
        "digest",
        "connections:digest-unsubscribe",
        token,
        **everyone(200),
        changes=EVERYONE,
    ),
    get(
        "digest-unsubscribe-forged",
        "forged-digest",
        "connections:digest-unsubscribe",
        token,
        **everyone(404),
    ),
    post(
        "digest-unsubscribe-forged",
        "forged-digest",
        "connections:digest-unsubscribe",
        token,
        **everyone(404),
    ),
    # allauth: confirming an address and resetting a password. The key in the link is the key.
    get("confirm-email", "email-confirmation", "account_confirm_email", token, **everyone(200)),
    post(
        "confirm-email",
        "email-confirmation",
        "account_confirm_email",
        token,
        **everyone(302),
        changes=EVERYONE,
    ),
    get(
        "confirm-email-forged",
        "forged-email-confirmation",
        "account_confirm_email",
        token,
        **everyone(200),
    ),
    post(
        "confirm-email-forged",
        "forged-email-confirmation",
        "account_confirm_email",
        token,
        **everyone(404),
    ),
    get(
        "password-reset-key",
        "password-reset",
        "account_reset_password_from_key",
        uid_and_key,
        **everyone(302),
    ),
    # The key in the address only leads to the form (at an address without the key); a new
    # password posted to the address with the key is not taken.
    post(
        "password-reset-key",
        "password-reset",
        "account_reset_password_from_key",
        uid_and_key,
        FRESH_PASSWORD,
        **everyone(302),
        changes=NOBODY,
    ),
    get(
        "password-reset-forged",
        "forged-password-reset",
        "account_reset_password_from_key",
        uid_and_key,
        **everyone(200),
    ),
    post(
        "password-reset-forged",
        "forged-password-reset",
        "account_reset_password_from_key",
        uid_and_key,
        FRESH_PASSWORD,
        **everyone(200),
        changes=NOBODY,
    ),
]


# The objects ---------------------------------------------------------------------------------


def make_object(kind: str, sara):
    """The object of a row, with Sara as its owner (see the module's docstring)."""
    from connections.services import contact_request_send, saved_search_create

    amira = verify_email(make_user("amira@example.org"))
    if kind == "innovation":
        return make_draft_innovation(owners=[sara], status=Status.DRAFT)
    if kind == "published-innovation":
        return make_innovation(owners=[sara])
    if kind == "supporter":
        return make_supporter(
            managers=[sara], status=Status.DRAFT, offers=["coaching"], regions=["limburg"]
        )
    if kind == "published-supporter":
        return make_supporter(managers=[sara], offers=["coaching"], regions=["limburg"])
    if kind == "space":
        host = make_supporter(managers=[sara], status=Status.DRAFT)
        return make_space(host=host, status=Status.DRAFT, access="Op aanvraag.")
    if kind == "published-space":
        return make_space(host=make_supporter(managers=[sara]), access="Op aanvraag.")
    if kind == "learning":
        provider = make_supporter(managers=[sara])
        return make_learning_offer(provider=provider, status=Status.DRAFT, regions=["limburg"])
    if kind == "published-learning":
        return make_learning_offer(provider=make_supporter(managers=[sara]))
    if kind == "practice":
        return make_practice(is_active=False)
    if kind == "published-practice":
        return make_practice()
    if kind == "claim-practice":
        practice = make_practice()
        practice.sara_innovation = make_innovation(owners=[sara])
        return practice
    if kind == "funding":
        return make_funding(status=Status.DRAFT)
    if kind == "published-funding":
        return make_funding()
    if kind == "challenge":
        return make_challenge(is_active=False)
    if kind == "published-challenge":
        return make_challenge()
    if kind == "received-request":
        target = make_innovation(owners=[sara])
        return contact_request_send(sender=amira, target=target, message="Hallo Sara")
    if kind == "supporter-request":
        target = make_supporter(managers=[sara])
        return contact_request_send(sender=amira, target=target, message="Hallo Sara")
    if kind == "sent-request":
        target = make_innovation(owners=[amira])
        return contact_request_send(sender=sara, target=target, message="Hallo Amira")
    if kind == "saved-search":
        return saved_search_create(
            user=sara, name="Energie", list_kind="innovations", query="region=limburg"
        )
    if kind in ("invitation", "unknown-invitation"):
        from hubsi.services import invitation_create

        innovation = make_draft_innovation(owners=[amira])
        _invitation, secret = invitation_create(obj=innovation, by=amira, email=sara.email)
        return SimpleNamespace(token=secret if kind == "invitation" else "not-a-real-token")
    if kind in ("digest", "forged-digest"):
        from connections.digests import unsubscribe_token

        saved_search_create(user=sara, name="Energie", list_kind="innovations", query="")
        secret = unsubscribe_token(sara.digest_settings)
        return SimpleNamespace(token=secret if kind == "digest" else forge(secret))
    if kind in ("email-confirmation", "forged-email-confirmation"):
        from allauth.account.models import EmailAddress, EmailConfirmationHMAC

        address = EmailAddress.objects.create(user=sara, email="sara.nieuw@example.org")
        key = EmailConfirmationHMAC(address).key
        return SimpleNamespace(token=key if kind == "email-confirmation" else forge(key))
    if kind in ("password-reset", "forged-password-reset"):
        from allauth.account.forms import default_token_generator
        from allauth.account.utils import user_pk_to_url_str

        key = default_token_generator.make_token(sara)
        if kind == "forged-password-reset":
            key = forge(key)
        return SimpleNamespace(uid=user_pk_to_url_str(sara), key=key)
    raise ValueError(kind)


def forge(secret: str) -> str:
    """The same token with its last character changed: the signature no longer holds."""
    return secret[:-1] + ("A" if secret[-1] != "A" else "B")


STATE_APPS = (
    *("accounts", "innovations", "supporters", "funding", "learning", "connections", "hubsi"),
    *("account", "mfa", "admin"),  # allauth's addresses and authenticators, the admin's log
)


def database_state() -> dict:
    """Every row of the platform's tables and of the accounts' (many-to-many links included),
    one query per table."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list())
        for label in STATE_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


@pytest.fixture
def sara():
    return verify_email(make_user("sara@example.org"))


@pytest.fixture
def visitor(request, sara):
    """The signed-in user for a visitor's name, or None for an anonymous visitor."""
    name = request.param
    if name == "other":
        return verify_email(make_user("koen@example.org"))
    if name == "curator":
        return verify_email(request.getfixturevalue("curator"))
    if name == "owner":
        return sara
    return None


def assert_outcome(response, expected) -> None:
    if expected == SIGN_IN:
        assert response.status_code == 302, response.status_code
        assert urlparse(response["Location"]).path == reverse("account_login")
    else:
        assert response.status_code == expected, (response.status_code, response.get("Location"))


# The matrix ----------------------------------------------------------------------------------


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_who_may_use_the_url(client, sara, visitor, row, request):
    name = request.node.callspec.params["visitor"]
    if visitor is not None:
        client.force_login(visitor)  # first: signing in changes the user's row
    obj = make_object(row.kind, sara)
    url = row.url(obj)
    before = database_state()

    response = getattr(client, row.method)(url, row.form(obj))

    assert_outcome(response, row.expected(name))
    changed = database_state() != before
    if row.method == "get" or name not in row.changes:
        assert not changed, f"{name} changed the database with {row.method.upper()} {url}"
    else:
        assert changed, f"{name}'s {row.method.upper()} {url} did nothing"


@pytest.mark.parametrize(
    "row",
    [row for row in ROWS if row.kind in ("innovation", "supporter", "space", "learning")],
    ids=lambda row: row.name,
)
def test_a_co_owner_may_as_well(client, sara, row):
    obj = make_object(row.kind, sara)
    co_owner = verify_email(make_user("tom@example.org"))
    if obj.has_own_owners():
        obj.add_owner(co_owner)
    elif hasattr(obj, "provider"):  # a learning offer: the co-managers of its provider
        obj.provider.add_owner(co_owner)
    else:  # a place: the co-managers of its host
        obj.host.add_owner(co_owner)
    client.force_login(co_owner)
    response = getattr(client, row.method)(row.url(obj), row.form(obj))
    assert_outcome(response, row.owner)


# Completeness: no URL with an object in it goes without rows ---------------------------------


def urls_with_an_object() -> dict[str, str]:
    """Every URL pattern of the URLconf whose address has a parameter: view name -> route."""
    found = {}

    def has_parameter(pattern) -> bool:
        regex = getattr(pattern, "regex", None)
        return bool(getattr(pattern, "converters", None)) or bool(regex and regex.groupindex)

    def walk(patterns, namespaces: list[str], route: str, inherited: bool):
        for pattern in patterns:
            here = route + str(pattern.pattern)
            with_parameter = inherited or has_parameter(pattern.pattern)
            if isinstance(pattern, URLResolver):
                spaces = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, spaces, here, with_parameter)
            elif isinstance(pattern, URLPattern) and with_parameter:
                found[":".join([*namespaces, pattern.name or f"<unnamed {here}>"])] = here

    walk(get_resolver().url_patterns, [], "/", False)
    return found


def test_every_url_with_an_object_in_it_has_rows():
    """A new URL with a slug, pk or token in it fails here until it has rows in ROWS (or, in
    the admin, is covered by `test_the_admin_is_closed_to_everyone_but_staff`)."""
    covered = {row.url_name for row in ROWS}
    missing = {
        name: route
        for name, route in urls_with_an_object().items()
        if name not in covered and not name.startswith("admin:")
    }
    assert not missing, f"URLs without rows in tests/test_permissions.py: {missing}"


def test_every_url_has_rows_for_get_and_for_post():
    methods = {}
    for row in ROWS:
        methods.setdefault((row.kind, row.url_name), set()).add(row.method)
    one_only = {key: found for key, found in methods.items() if found != {"get", "post"}}
    assert not one_only, one_only


# The admin -------------------------------------------------------------------------------------

# The named admin URLs with an object in their address; the unnamed ones (the old change URL
# `<pk>/` and the catch-all) only redirect to these.
ADMIN_URLS = sorted(
    name for name in urls_with_an_object() if name.startswith("admin:") and "<unnamed" not in name
)


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def admin_url(name: str, innovation) -> str:
    """The admin URL for Sara's innovation (or her own account, or the innovations app)."""
    from django.contrib.contenttypes.models import ContentType

    values = {
        "object_id": innovation.pk,
        "id": innovation.owners.get().pk,
        "content_type_id": ContentType.objects.get_for_model(innovation).pk,
        "app_label": "innovations",
        # An email of the admin's email previews (front/email_previews.py).
        "name": "published",
        "language": "nl",
    }
    parameters = [a or b for a, b in PARAMETER.findall(urls_with_an_object()[name])]
    return reverse(name, kwargs={parameter: values[parameter] for parameter in parameters})


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", ADMIN_URLS)
def test_the_admin_is_closed_to_everyone_but_staff(client, sara, name, method):
    """Anonymous visitors are sent to sign in; Sara, signed in and owner of the innovation but
    not staff, is told she has no access. Nothing changes."""
    innovation = make_draft_innovation(owners=[sara])
    url = admin_url(name, innovation)
    signed_in = Client()
    signed_in.force_login(sara)
    before = database_state()

    anonymous = getattr(client, method)(url, follow=True)
    owner = getattr(signed_in, method)(url, follow=True)

    assert urlparse(anonymous.redirect_chain[-1][0]).path == reverse("account_login")
    assert owner.status_code == 403
    assert database_state() == before


# The curators' workplace: the queue on the admin's index, and the decisions (their URL has an
# object, so `test_the_admin_is_closed_to_everyone_but_staff` covers it for everyone else).


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/en/admin/"])
def test_the_queue_is_for_curators_only(client, sara, curator, path):
    make_innovation(status=Status.SUBMITTED, name="Wacht op Lien")
    signed_in = Client()
    signed_in.force_login(sara)
    lien = Client()
    lien.force_login(curator)

    anonymous = client.get(path, follow=True)
    not_staff = signed_in.get(path, follow=True)
    allowed = lien.get(path)

    assert urlparse(anonymous.redirect_chain[-1][0]).path == reverse("account_login")
    assert not_staff.status_code == 403
    assert allowed.status_code == 200
    assert "Wacht op Lien" in allowed.content.decode()


@pytest.mark.django_db
def test_a_curator_decides_through_the_admin(curator):
    innovation = make_innovation(status=Status.SUBMITTED)
    lien = Client()
    lien.force_login(curator)

    response = lien.post(
        reverse("admin:innovations_innovation_decide", args=[innovation.pk]),
        {"decision": "publish"},
    )

    assert response.status_code == 302
    innovation.refresh_from_db()
    assert innovation.status == Status.PUBLISHED


@pytest.mark.django_db
def test_staff_without_two_factor_do_not_reach_the_queue(client):
    staff = make_user("nieuw@europa-wse.example", is_staff=True)
    staff.groups.add(Group.objects.get(name="Curators"))
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert urlparse(response.url).path == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_a_curator_cannot_read_password_hashes_or_other_staffs_second_factor(curator):
    """Curators look up users; nothing that lets anyone sign in as someone else is shown."""
    from allauth.mfa.models import Authenticator

    other = make_user("jan@europa-wse.example", is_staff=True)
    give_totp(other, CURATOR_TOTP_SECRET)  # an authenticator app and recovery codes
    recovery = Authenticator.objects.get(user=other, type=Authenticator.Type.RECOVERY_CODES)
    lien = Client()
    lien.force_login(curator)

    user_page = lien.get(reverse("admin:accounts_user_change", args=[other.pk]))
    authenticators = lien.get(reverse("admin:mfa_authenticator_changelist"))
    authenticator = lien.get(reverse("admin:mfa_authenticator_change", args=[recovery.pk]))

    html = user_page.content.decode()
    assert user_page.status_code == 200
    hash_part = other.password.split("$")[-1]
    assert hash_part and hash_part not in html
    assert other.password.split("$")[-2] not in html  # nor the salt
    assert authenticators.status_code == 403
    assert authenticator.status_code == 403
    assert recovery.data["seed"] not in html and CURATOR_TOTP_SECRET not in html


# Pages about the signed-in person, and the links on the dashboard ------------------------------


def saras_world(sara) -> dict:
    """Sara's things, with a name that appears wherever they are shown."""
    from connections.services import contact_request_send, saved_search_create

    amira = verify_email(make_user("amira@example.org"))
    innovation = make_draft_innovation(owners=[sara], name="Sara's Warme Buurt")
    supporter = make_supporter(managers=[sara], status=Status.DRAFT, name="Sara's Energiehuis")
    make_space(host=supporter, status=Status.DRAFT, name="Sara's Proefwoning")
    published = make_innovation(owners=[sara], name="Sara's Zonnedak")
    contact_request_send(sender=amira, target=published, message="Amira schrijft Sara")
    saved_search_create(user=sara, name="Sara's zoekopdracht", list_kind="innovations", query="")
    return {"innovation": innovation, "supporter": supporter}


# Each shows Sara, and only Sara, something of hers: a name or her address.
PERSONAL_PAGES = {
    "dashboard": "Sara&#x27;s Warme Buurt",
    "connections:saved-search-list": "Sara&#x27;s zoekopdracht",
    "accounts:privacy": "sara@example.org",
}


@pytest.mark.parametrize("visitor", ["other", "curator", "owner"], indirect=True)
@pytest.mark.parametrize("url_name", PERSONAL_PAGES)
def test_personal_pages_show_only_the_visitors_own_things(client, sara, visitor, url_name):
    saras_world(sara)
    client.force_login(visitor)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    html = response.content.decode()
    assert (PERSONAL_PAGES[url_name] in html) == (visitor == sara)
    if visitor != sara:
        assert "Sara&#x27;s" not in html and "sara@example.org" not in html


@pytest.mark.parametrize(
    ("url_name", "method"),
    [
        ("dashboard", "get"),
        ("dashboard", "post"),
        ("accounts:privacy", "get"),
        ("accounts:privacy", "post"),
        ("accounts:download-data", "get"),
        ("accounts:download-data", "post"),
        ("accounts:delete-account", "get"),
        ("accounts:delete-account", "post"),
        ("connections:saved-search-list", "get"),
        ("connections:saved-search-list", "post"),
        ("connections:digest-frequency", "get"),
        ("connections:digest-frequency", "post"),
        ("innovations:new-innovation", "get"),
        ("innovations:new-innovation", "post"),
        ("supporters:new-supporter", "get"),
        ("supporters:new-supporter", "post"),
        ("supporters:new-space", "get"),
        ("supporters:new-space", "post"),
    ],
)
def test_personal_pages_send_anonymous_visitors_to_sign_in(client, url_name, method):
    before = database_state()
    response = getattr(client, method)(reverse(url_name))
    assert_outcome(response, SIGN_IN)
    assert database_state() == before


@pytest.mark.parametrize("url_name", ["accounts:download-data", "connections:digest-frequency"])
def test_posts_only_answer_a_get_with_405(client, sara, url_name):
    client.force_login(sara)
    assert client.get(reverse(url_name)).status_code == 405


@pytest.mark.parametrize("visitor", ["other", "curator", "owner"], indirect=True)
def test_the_data_export_holds_only_the_visitors_own_data(client, sara, visitor):
    saras_world(sara)
    client.force_login(visitor)
    before = database_state()

    response = client.post(reverse("accounts:download-data"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = json.dumps(json.loads(response.content), ensure_ascii=False)
    assert visitor.email in data
    for saras in ("sara@example.org", "Sara's Warme Buurt", "Sara's zoekopdracht"):
        assert (saras in data) == (visitor == sara)
    assert database_state() == before


@pytest.mark.parametrize("visitor", ["other", "curator", "owner"], indirect=True)
@pytest.mark.parametrize("method", ["get", "post"])
def test_deleting_an_account_asks_for_the_password_first(client, sara, visitor, method):
    client.force_login(visitor)
    before = database_state()
    response = getattr(client, method)(reverse("accounts:delete-account"))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_reauthenticate")
    assert database_state() == before


def test_deleting_ones_own_account_leaves_saras_things_alone(sara):
    """Koen deletes his account, after giving his password again; Sara keeps everything.
    (Staff cannot delete theirs: tests/test_privacy.py.)"""
    world = saras_world(sara)
    verify_email(make_user("koen@example.org", password="een-lang-wachtwoord-2026"))
    client = Client()
    client.post(
        reverse("account_login"),
        {"login": "koen@example.org", "password": "een-lang-wachtwoord-2026"},
    )
    response = client.get(reverse("accounts:delete-account"))
    assert urlparse(response["Location"]).path == reverse("account_reauthenticate")
    client.post(response["Location"], {"password": "een-lang-wachtwoord-2026"})

    response = client.post(reverse("accounts:delete-account"))

    assert response.status_code == 302
    assert not type(sara).objects.filter(email="koen@example.org").exists()
    assert list(world["innovation"].owners.all()) == [sara]
    assert list(world["supporter"].managers.all()) == [sara]


HREF = re.compile(r'href="([^"#?]+)')


def test_no_link_on_the_dashboard_opens_for_someone_else(client, sara, curator):
    """Every link on Sara's dashboard to one of her things answers 404 to Koen and to a curator
    (the public page of her published innovation excepted)."""
    saras_world(sara)
    client.force_login(sara)
    links = set()
    for link in HREF.findall(client.get(reverse("dashboard")).content.decode()):
        try:
            if resolve(link).captured_kwargs:
                links.add(link)
        except Resolver404:  # static files
            continue
    private = {link for link in links if not resolve(link).url_name.endswith("-detail")}
    assert len(private) >= 8, private  # edit, preview, invite... of each of Sara's things

    for person in (verify_email(make_user("koen@example.org")), verify_email(curator)):
        client.force_login(person)
        for link in sorted(private):
            response = client.get(link)
            # the contact request detail is Sara's (a recipient) and Amira's only
            assert response.status_code == 404, (person.email, link, response.status_code)
