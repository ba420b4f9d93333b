"""The officer pages in a real browser: sign in, register, contract, pipeline, home; axe finds
no serious or critical accessibility violation; screenshots go to var/screenshots/."""

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


def test_home(page, live_server, register_rows):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Bring public services back in house"
    assert page.locator("#demo-notice").is_visible()
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert_accessible(page)
    screenshot(page, "home")


def test_sign_in_error_summary(page, live_server, officer):
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page)


def test_register_filters_and_paginates(register_rows, signed_in, live_server):
    page = signed_in
    page.goto(live_server.url + "/register/")
    assert "67 contracts" in page.locator("#result-count").inner_text()
    page.get_by_label("Title or supplier contains").fill("veolia")
    page.get_by_role("button", name="Apply filters").click()
    assert "2 contracts" in page.locator("#result-count").inner_text()
    assert "q=veolia" in page.url
    page.get_by_role("link", name="Clear filters").click()
    page.get_by_role("link", name="Next page").click()
    assert "page=2" in page.url
    page.goto(live_server.url + "/register/?sort=-value")
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 1400})
    screenshot(page, "register", full_page=False)


def test_register_bad_filter_shows_error_summary(register_rows, signed_in, live_server):
    page = signed_in
    page.goto(live_server.url + "/register/?value_min=lots&end_after=31/2/2027")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter an amount in pounds" in summary.inner_text()
    assert_accessible(page)
    screenshot(page, "register-error")


def test_contract_page(register_rows, signed_in, live_server):
    page = signed_in
    page.goto(live_server.url + "/register/")
    page.get_by_role("link", name="Household waste and recycling collection").click()
    assert page.locator("h1").inner_text() == "Household waste and recycling collection"
    assert page.get_by_text("Differs from source").is_visible()
    assert page.get_by_text("One-year extension agreed by cabinet").is_visible()
    assert_accessible(page)
    screenshot(page, "contract")


def test_pipeline(register_rows, signed_in, live_server):
    page = signed_in
    page.goto(live_server.url + "/register/")
    page.get_by_role("link", name="Pipeline").click()
    assert page.locator("svg.app-timeline[role=img]").is_visible()
    first = page.locator("#pipeline-table tbody tr").first.inner_text()
    assert "Household waste and recycling collection" in first
    page.get_by_label("Ending in the next").select_option("36")
    page.get_by_role("button", name="Show pipeline").click()
    assert "within=36" in page.url
    assert_accessible(page)
    screenshot(page, "pipeline")
