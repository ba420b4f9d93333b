"""A place made of Staffordshire's areas in Chromium (issue 20): a review officer of the county
council makes the place (a county and its districts), a resident reads its page — every public
body and why, by service, shared suppliers, contracts ending together with the window changed,
the savings estimate marked as one — at full width and at 375 px; axe on each; screenshots
(places-*.png)."""

from __future__ import annotations

import pytest

from insource.testing.browser import check
from tests.browser.conftest import BROWSER_REQUIRED, CHROMIUM, NO_CHROMIUM, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


def test_a_place_made_of_staffordshire_s_areas(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.places import staffordshire
    from insource.testing.workflow import team

    world = staffordshire()
    officer = team(world["bodies"]["sts"])[Role.REVIEW_OFFICER]
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/places/STS/")
    page.locator("#new-place").click()
    page.locator("#save").click()
    assert "Enter a name for the place" in page.locator(".govuk-error-summary").inner_text()
    check(page, "places-01-errors")

    page.get_by_label("Name of the place").fill("Staffordshire")
    page.get_by_label("A county and its district councils").check()
    page.get_by_label("County", exact=True).select_option("STS")
    page.locator("#save").click()
    page.wait_for_url("**/public/places/staffordshire/")

    page.context.clear_cookies()  # a resident with the link
    page.reload()
    bodies = page.locator("#bodies").inner_text()
    assert "Staffordshire Police" in bodies and "Tamworth Borough Council" in bodies
    assert "Derbyshire Constabulary" not in bodies
    assert "Biffa Municipal Ltd" in page.locator("#suppliers").inner_text()
    assert (
        "Between £24,545 and £100,488 over 5 years" in page.locator("#estimate-range").inner_text()
    )
    assert page.locator(".govuk-tag", has_text="Estimate").count() == 2
    assert page.locator("#groups tbody tr").count() == 1
    check(page, "places-02-staffordshire")

    page.locator("#window").select_option("24")
    page.locator("#window-show").click()
    page.wait_for_url("**window=24**")
    assert "Household waste collection" in page.locator("#groups").inner_text()

    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    check(page, "places-03-narrow")
