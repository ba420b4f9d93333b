"""An officer's own hands on the register in Chromium (issue 17): correct a contract's end date
from its page, see every error at once, then "differs from source" with who, when and why; axe
on each page; screenshots."""

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


def look(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_officer_corrects_an_end_date(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.workflow import council, refuse_contract, team

    authority = council(code="COR", name="Correctshire County Council")
    officer = team(authority)[Role.REVIEW_OFFICER]
    contract = refuse_contract(authority)
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/register/contracts/{contract.pk}/")
    assert_accessible(page)
    page.locator(f"a[href='/register/COR/contracts/{contract.pk}/correct/end_on/']").click()
    page.wait_for_url("**/correct/end_on/")
    look(page, "register-01-correct-form")

    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2029")
    with page.expect_navigation():
        page.locator("#save").click()
    assert page.title().startswith("Error:")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter a real date" in summary
    assert "Enter the reason for the correction" in summary
    assert page.get_by_label("Day").input_value() == "31"
    look(page, "register-02-correct-errors")

    page.get_by_label("Day").fill("28")
    page.get_by_label("Why are you correcting it?").fill("The signed variation extends it")
    page.locator("#save").click()
    page.wait_for_url(f"**/register/contracts/{contract.pk}/#field-end_on")
    row = page.locator("#field-end_on").inner_text()
    assert "28 February 2029" in row
    assert "Differs from source" in row
    assert "Reason: The signed variation extends it" in row
    assert officer.username in row
    assert "Corrected by an officer" in page.locator("body").inner_text()
    look(page, "register-03-corrected")
