"""The open-data page (ADR 0047) in headless Chromium: each download with its size and when it
was built, or that it is being prepared; axe finds nothing serious; at 375 px nothing scrolls
sideways; the built file downloads. Screenshot var/screenshots/open-data-narrow.png."""

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


def test_the_open_data_page_says_when_each_file_was_built(browser, live_server):
    from datetime import UTC, datetime

    from insource.testing.open_data import build_world
    from insource.transparency.exports.files import export_path, export_write

    build_world()
    export_write("contracts", now=datetime(2026, 12, 1, 15, 42, tzinfo=UTC))
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, locale="en-GB", accept_downloads=True
    )
    page = context.new_page()
    page.goto(live_server.url + "/public/open-data/")
    rows = page.locator("#downloads .govuk-summary-list__row")
    assert rows.count() == 4
    assert "Built at 3:42pm on 1 December 2026" in rows.nth(0).inner_text()
    assert "Being prepared" in rows.nth(1).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "open-data-narrow")
    assert_accessible(page)
    with page.expect_download() as download:
        rows.nth(0).locator("a").click()
    assert download.value.path().read_bytes() == export_path("contracts").read_bytes()
    context.close()
