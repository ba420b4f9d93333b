"""The officer's register list in Chromium: the title column stays readable beside long buyer
and supplier names (it once wrapped letter by letter), and an officer of several authorities
gets one "Add a contract" link, then a question asking which authority; axe; screenshots."""

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

# Real-shaped rows: a Contracts Finder award has no title (its link is its source key), and
# buyer and supplier names as published are long.
LONG_BUYER = "The Council of the City of Westminster acting through its Procurement Services"
LONG_SUPPLIERS = "Veolia ES (UK) Limited; Biffa Municipal Limited; Serco Environmental Services"


def test_the_title_column_is_never_squeezed_to_letters(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.factories import ContractFactory, SupplierFactory
    from insource.testing.workflow import council, team

    authority = council(code="WID", name="Widthshire County Council")
    officer = team(authority)[Role.REVIEW_OFFICER]
    suppliers = [SupplierFactory(name=n.strip()) for n in LONG_SUPPLIERS.split(";")]
    ContractFactory(
        buyer=authority,
        buyer_name=LONG_BUYER,
        title="Household waste and recycling collection, street cleansing and winter gritting",
        suppliers=suppliers,
    )
    ContractFactory(
        buyer=authority,
        buyer_name=LONG_BUYER,
        title="",
        source_key="cf-flat:4d1b6c1e-7c36-4f4b-9f0e-2f4c2a0d5e11:award-0b7e6d2c9a8f",
        suppliers=suppliers,
    )
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/register/")
    for width in (1280, 1024, 820):
        page.set_viewport_size({"width": width, "height": 900})
        cells = page.locator("table.govuk-table tbody tr td:first-child")
        widths = cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
        screenshot(page, f"register-07-list-columns-{width}")
        assert len(widths) == 2 and min(widths) >= 120, (width, widths)
        spill = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert spill <= 0 or width < 1000, (width, spill)  # it still fits a desktop's page
    assert_accessible(page)
