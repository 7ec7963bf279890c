"""With a shared Redis cache, a publication invalidates the pages of every process.

CI starts a real redis-server and sets REDIS_URL; the second "process" is a separate Python
interpreter that reads the catalogue version from the same Redis.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import _migration_data  # noqa: F401  (restores flushed data)

REDIS_URL = os.environ.get("REDIS_URL", "")
BASE_DIR = Path(__file__).resolve().parents[1]

if not REDIS_URL and os.environ.get("CI", "").lower() == "true":
    pytest.fail("CI must set REDIS_URL (see .ci/run)", pytrace=False)

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL (a redis-server)")


def version_seen_by_another_process() -> int:
    code = (
        "import django; django.setup();"
        "from hubsi.caching import catalogue_version; print(catalogue_version())"
    )
    env = {**os.environ, "CACHE_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "hubsi.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def redis_cache(settings):
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "hubsi.cache.RedisCache", "LOCATION": REDIS_URL}}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_a_version_bump_is_seen_by_another_process_at_once(redis_cache):
    from hubsi.caching import bump_catalogue_version, catalogue_version

    before = catalogue_version()
    assert version_seen_by_another_process() == before
    bump_catalogue_version()
    assert version_seen_by_another_process() == before + 1


@pytest.mark.django_db(transaction=True)
def test_publishing_invalidates_the_cached_list_for_every_process(redis_cache, client, curator):
    from hubsi import services
    from hubsi.models import Status
    from tests.conftest import build_catalogue
    from tests.factories import make_innovation

    catalogue = build_catalogue(1)
    submitted = make_innovation(
        name="Repair Café Genk", status=Status.SUBMITTED, challenges=[catalogue["challenge"]]
    )
    assert "Repair Café Genk" not in client.get("/innovations/").content.decode()  # now cached
    seen_before = version_seen_by_another_process()
    services.content_publish(obj=submitted, by=curator)
    assert version_seen_by_another_process() > seen_before
    assert "Repair Café Genk" in client.get("/innovations/").content.decode()
