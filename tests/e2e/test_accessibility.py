"""axe-core on every registered page type, in Dutch and in English: zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.e2e

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
axe = Axe()


def axe_violations(page) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n    "
        + "\n    ".join(
            node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5]
        )
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("page_type", PUBLIC_PAGES, ids=lambda p: p.name)
def test_no_accessibility_violations(page, page_type):
    catalogue = build_catalogue(2)
    response = page.goto(page_type.url(catalogue))
    assert response.status == page_type.status
    violations = axe_violations(page)
    assert not violations, f"{page_type.name}: " + "\n".join(violations)
