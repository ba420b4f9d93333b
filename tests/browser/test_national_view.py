"""The national view of refuse collection (CPV 90500000, refuse and waste) in Chromium, with no
sign-in: the counts, the pictures with their tables, the CSV link; then "Councils like us" on an
authority's page. Axe on every page, reflow at 375 px; screenshots."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


def test_refuse_collection_across_the_country(page, live_server):
    from insource.testing.national import refuse_world

    refuse_world()
    page.goto(f"{live_server.url}/public/services/")
    assert_accessible(page)
    page.get_by_role("link", name="Refuse and waste related services").click()
    assert page.locator("h1").inner_text() == "Refuse and waste related services"
    assert page.locator("#open-count").inner_text() == "2"
    assert page.locator("#late-count").inner_text() == "1"
    assert page.locator("#outcomes-title").text_content() == "Published decisions by outcome"
    assert "Run in house" in page.locator("#outcomes-table").inner_text()
    assert "per household" in page.locator("#unit").inner_text()
    assert "Aaa County Council" in page.locator("#costs-table").inner_text()
    assert_accessible(page)
    screenshot(page, "national-01-refuse-collection")
    page.set_viewport_size({"width": 375, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(page, "national-02-refuse-collection-narrow")
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"{live_server.url}/public/authorities/aaa/")
    panel = page.locator("#like-table")
    assert "Bbb County Council" in panel.inner_text()
    assert_accessible(page)
    page.locator("#councils-like-us").scroll_into_view_if_needed()
    screenshot(page, "national-03-councils-like-us", full_page=False)
