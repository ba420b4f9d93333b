"""Community wealth in Chromium: the authority's page with its two pictures, the local area
setting (a bad list refused with the entry named), a contract's figures, the review panel and
the public authority page; axe on each; screenshots (wealth-*.png)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
    sign_in_as,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


def _blur(page):
    page.evaluate("document.activeElement && document.activeElement.blur()")


def test_an_administrator_reads_the_figures_and_keeps_the_local_area(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.wealth import wealthshire
    from insource.testing.workflow import team

    authority, contracts = wealthshire()
    admin = team(authority)[Role.AUTHORITY_ADMIN]
    sign_in_as(page, live_server, admin)
    page.get_by_role("link", name="Community wealth").click()
    page.wait_for_url("**/wealth/WLT/")
    assert page.locator("#shares-picture svg[role=img]").count() == 1
    assert page.locator("#services-picture svg[role=img]").count() == 1
    assert "64%" in page.locator("#shares-table").inner_text()
    assert_accessible(page)
    _blur(page)
    screenshot(page, "wealth-01-authority")

    page.locator("#local-area-link").click()
    page.get_by_label("Postcode districts and areas in the authority's area").fill("ST16 XY1 ST17")
    page.get_by_label("Reason for the change").fill("adding Stone")
    page.locator("#save").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "“XY1”: XY is not a UK postcode area" in summary
    assert page.get_by_label(
        "Postcode districts and areas in the authority's area"
    ).input_value() == ("ST16 XY1 ST17")
    assert_accessible(page)
    _blur(page)
    screenshot(page, "wealth-02-local-area-error")
    page.get_by_label("Postcode districts and areas in the authority's area").fill(
        "ST15 ST16 ST17 WS"
    )
    page.locator("#save").click()
    page.wait_for_url("**/wealth/WLT/local-area/")
    assert "ST15" in page.locator("#history").inner_text()
    assert_accessible(page)
    _blur(page)
    screenshot(page, "wealth-03-local-area-history")


def test_an_officer_records_a_contracts_figures_from_the_review(page, live_server):
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.models import Review
    from insource.reviews.services.opening import reviews_open_due
    from insource.testing.wealth import wealthshire
    from insource.testing.workflow import NOW, TODAY, team

    authority, contracts = wealthshire()
    officer = team(authority)[Role.REVIEW_OFFICER]
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contracts["care"])
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/reviews/WLT/{review.pk}/")
    panel = page.locator("#wealth-panel")
    assert "Stafford Home Care CIC" in panel.inner_text() and "In the area" in panel.inner_text()
    assert_accessible(page)
    panel.scroll_into_view_if_needed()
    _blur(page)
    screenshot(page, "wealth-04-review-panel", full_page=False)
    page.locator("#wealth-contract-link").click()
    page.get_by_label("Jobs on the contract (optional)").fill("24")
    page.get_by_label("Of those, jobs held by people living in the area (optional)").fill("19")
    page.locator("#id_supplier_local_share").fill("68")
    page.get_by_label("Where the figures come from").fill("Supplier survey, March 2027")
    page.locator("#save").click()
    page.wait_for_url(f"**/wealth/WLT/contracts/{contracts['care'].pk}/")
    assert "19 of 24 jobs" in page.locator("#wealth-recorded").inner_text()
    assert "SURVEY" in page.locator("#contract-lm3-assumptions").inner_text()
    assert_accessible(page)
    _blur(page)
    screenshot(page, "wealth-05-contract")


def test_the_public_authority_page_shows_the_pictures(page, live_server):
    from insource.testing.wealth import wealthshire

    wealthshire()
    page.goto(f"{live_server.url}/public/authorities/wlt/")
    section = page.locator("#community-wealth")
    assert section.locator("svg[role=img]").count() == 2
    assert "64%" in section.inner_text()
    assert_accessible(page)
    section.scroll_into_view_if_needed()
    screenshot(page, "wealth-06-public-authority")
