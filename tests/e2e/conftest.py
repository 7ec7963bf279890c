"""Browser tests: Playwright driving Debian's Chromium against a live server of the project.

`make test` runs them whenever Chromium is present. Under CI=true a missing browser or checker
is a failure, never a skip. Every test that checks accessibility uses `assert_accessible`
(axe-core), every test that checks HTML validity `assert_valid_html` (the Nu HTML Checker).
"""

import json
import os
import shutil
import subprocess
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as global_apps

# Playwright's sync API runs an event loop in the test thread; the ORM calls made there by the
# tests themselves are plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
IN_CI = os.environ.get("CI", "").lower() == "true"
# WCAG 2.1 A and AA, and axe-core's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def require(available: bool, what: str) -> None:
    """Skip on a developer's machine without the tool; fail in CI, where it must be there."""
    if available:
        return
    message = f"{what} is missing: run .ci/run or install it (see README, 'Browser tests')."
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"Chromium ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def is_page_error(msg) -> bool:
    """A console error of the page itself. Not one raised by axe-core's injected script (no
    URL): to read a stylesheet's `@import` (the admin's forms.css imports widgets.css) it
    copies the sheet into a <style> element, which the Content Security Policy refuses."""
    if msg.type != "error":
        return False
    return not (not msg.location.get("url") and "Applying inline style violates" in msg.text)


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; console errors (CSP violations among them) fail the test."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if is_page_error(msg) else None)
    yield page
    context.close()
    # 404 pages log a failed resource load by design; anything else is a defect.
    real_errors = [e for e in errors if "404" not in e]
    assert not real_errors, f"console errors: {real_errors}"


@pytest.fixture
def java_vnu():
    require(shutil.which("java") is not None, "Java (for the Nu HTML Checker)")
    require(VNU_JAR.exists(), "vnu-jar (npm install)")
    return ["java", "-Xss4m", "-jar", str(VNU_JAR)]


@pytest.fixture
def assert_valid_html(java_vnu, tmp_path):
    """`assert_valid_html({name: response or bytes})`: the W3C Nu HTML Checker finds no error.

    The checker refuses to fetch 127.0.0.1, so the pages (rendered by the test client) are
    given to it as files, all in one run: one JVM start.
    """

    def check(pages: dict) -> None:
        folder = tmp_path / "nu-html-checker"
        folder.mkdir(exist_ok=True)
        for name, page in pages.items():
            (folder / f"{name}.html").write_bytes(getattr(page, "content", page))
        result = subprocess.run(
            [*java_vnu, "--errors-only", "--format", "json", *map(str, sorted(folder.iterdir()))],
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

    return check


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """`assert_accessible(page, what="")`: axe-core finds no violation of AXE_TAGS on the page
    as the browser shows it now; `what` names the state in the report (the URL by default)."""

    def check(page, what: str = "") -> None:
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = [
            f"{violation['id']} ({violation['impact']}): {violation['help']}\n    "
            + "\n    ".join(
                node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5]
            )
            for violation in results.response["violations"]
        ]
        assert not violations, f"{what or page.url}: " + "\n".join(violations)

    return check


@pytest.fixture(autouse=True)
def _migration_data(transactional_db):
    """Browser tests use committed data (the live server runs in another thread), and the
    tables are flushed after each of them: put back what the data migrations created."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # its cached ids died with the flush

    create_terms = import_module("hubsi.migrations.0002_vocabulary_terms").create_terms
    create_curators = import_module("innovations.migrations.0002_curators_group").create_curators
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0)
    create_terms(global_apps, None)
    create_curators(global_apps, None)
    import_module("hubsi.migrations.0007_learning_vocabulary").create_terms(global_apps, None)
    import_module("learning.migrations.0002_curators").add_permissions(global_apps, None)
