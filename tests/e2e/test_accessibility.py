"""axe-core on every registered page type, in Dutch and in English: zero violations."""

import pytest

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("page_type", PUBLIC_PAGES, ids=lambda p: p.name)
def test_no_accessibility_violations(page, page_type, assert_accessible):
    catalogue = build_catalogue(2)
    response = page.goto(page_type.url(catalogue))
    assert response.status == page_type.status
    assert_accessible(page, page_type.name)
