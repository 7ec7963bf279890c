"""`make screenshots`: full-page screenshots of every registered page type at 320 and 1280 px.

Not part of the suite (the file name does not start with test_); run it explicitly with pytest,
which the make target does. The pictures go to screenshots/, which git ignores.
"""

from pathlib import Path

import pytest

from tests.conftest import build_catalogue
from tests.pages import PUBLIC_PAGES

OUTPUT = Path(__file__).resolve().parents[2] / "screenshots"


def test_screenshots(page):
    catalogue = build_catalogue(4)
    OUTPUT.mkdir(exist_ok=True)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for page_type in PUBLIC_PAGES:
            page.goto(page_type.url(catalogue))
            page.screenshot(path=OUTPUT / f"{page_type.name}-{width}.png", full_page=True)
    written = sorted(OUTPUT.glob("*.png"))
    print(f"\n{len(written)} screenshots in {OUTPUT}")
    assert len(written) >= 2 * len(PUBLIC_PAGES)


pytestmark = pytest.mark.e2e
