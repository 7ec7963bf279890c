"""Anonymous pages are served from the shared cache; a publication shows at once."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hubsi import services
from hubsi.caching import catalogue_version
from hubsi.models import Status
from tests.conftest import build_catalogue
from tests.e2e.conftest import _migration_data  # noqa: F401  (restores flushed data)
from tests.factories import make_innovation

# Invalidation happens after commit, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def test_second_anonymous_visit_needs_no_query(client):
    build_catalogue(2)
    client.get("/innovations/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/innovations/")
    assert response.status_code == 200
    assert len(queries) == 0
    assert "no-cache" in response["Cache-Control"]


def test_publication_is_visible_at_once(client, curator):
    catalogue = build_catalogue(1)
    submitted = make_innovation(
        name="Repair Café Genk", status=Status.SUBMITTED, challenges=[catalogue["challenge"]]
    )
    assert "Repair Café Genk" not in client.get("/innovations/").content.decode()
    version = catalogue_version()
    services.content_publish(obj=submitted, by=curator)
    assert catalogue_version() > version
    assert "Repair Café Genk" in client.get("/innovations/").content.decode()
    assert (
        "Repair Café Genk" in client.get(catalogue["challenge"].get_absolute_url()).content.decode()
    )


def test_signed_in_people_get_a_fresh_page(client, owner):
    build_catalogue(1)
    client.force_login(owner)
    client.get("/innovations/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/innovations/")
    assert len(queries) > 0
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_waiting_message_is_shown_not_cached(client, rf):
    from django.contrib.messages import INFO
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    build_catalogue(1)
    client.get("/about/")  # now cached for anonymous visitors
    storage = CookieStorage(rf.get("/"))
    client.cookies["messages"] = storage._encode([Message(INFO, "Je bent afgemeld.")])
    response = client.get("/about/")
    assert "Je bent afgemeld." in response.content.decode()
    del client.cookies["messages"]
    assert "Je bent afgemeld." not in client.get("/about/").content.decode()


def count_cache_operations(monkeypatch) -> list[str]:
    """The cache operations from now on, outermost only (locmem's get_many calls get)."""
    from django.core.cache import caches

    backend, calls, depth = caches["default"], [], [0]
    names = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "has_key")
    originals = {name: getattr(backend, name) for name in names}
    for name in names:

        def counted(*args, _original=originals[name], _name=name, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


def test_a_cached_page_costs_one_cache_round_trip(client, curator, monkeypatch):
    catalogue = build_catalogue(2)
    url = "/innovations/?stage=insight"
    first = client.get(url)
    calls = count_cache_operations(monkeypatch)
    again = client.get(url)
    assert calls == ["get_many"]  # the catalogue version and the page, together
    assert again.content == first.content and again["Content-Type"] == first["Content-Type"]
    assert "no-cache" in again["Cache-Control"]
    # After a publication: a second read, under the new version, then one again.
    submitted = make_innovation(
        name="Repair Café Genk", status=Status.SUBMITTED, challenges=[catalogue["challenge"]]
    )
    services.content_publish(obj=submitted, by=curator)
    calls.clear()
    assert "Repair Café Genk" in client.get(url).content.decode()
    assert calls[:2] == ["get_many", "get"] and calls[-1] == "set"
    calls.clear()
    client.get(url)
    assert calls == ["get_many"]


def test_only_a_200_the_same_for_every_visitor_is_stored(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from hubsi.caching import cache_public_page

    served = []

    def view(request, status=200, cookie=False, vary=""):
        served.append(request.path)
        response = HttpResponse(f"page {len(served)}", status=status)
        if cookie:
            response.set_cookie("chosen", "1")
        if vary:
            response["Vary"] = vary
        return response

    page = cache_public_page(view)
    cases = [  # (the view's response, stored?)
        ({"status": 404}, False),
        ({"cookie": True}, False),
        ({"vary": "User-Agent"}, False),
        ({"vary": "Accept-Language"}, True),  # the language is part of the key
    ]
    for number, (kwargs, stored) in enumerate(cases):
        request = rf.get(f"/case-{number}/")
        request.user = AnonymousUser()
        first, second = page(request, **kwargs), page(request, **kwargs)
        assert (first.content == second.content) is stored, kwargs


def test_a_page_cached_yesterday_is_not_served_today(client):
    """Open calls and upcoming offers change at midnight without a publication."""
    build_catalogue(1)
    today = timezone.localdate()
    client.get("/funding/")
    tomorrow = today + datetime.timedelta(days=1)
    with (
        mock.patch("hubsi.caching.localdate", return_value=tomorrow),
        CaptureQueriesContext(connection) as queries,
    ):
        assert client.get("/funding/").status_code == 200
    assert len(queries) > 0  # rendered anew, not yesterday's copy
