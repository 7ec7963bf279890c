"""The W3C Nu HTML Checker on every registered HTML page type: zero errors.

The checker refuses to fetch 127.0.0.1, so the pages are rendered by the test client and given
to it as files, all in one run (one JVM start).
"""

import json
import subprocess

import pytest

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_every_page_type_is_valid_html(client, java_vnu, tmp_path):
    catalogue = build_catalogue(2)
    for page_type in PUBLIC_PAGES:
        response = client.get(page_type.url(catalogue))
        assert response.status_code == page_type.status, page_type.name
        path = tmp_path / f"{page_type.name}.html"
        path.write_bytes(response.content)
    result = subprocess.run(
        [
            *java_vnu,
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    report = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()}"
        for m in messages
    ]
    assert not report, "\n".join(report)
