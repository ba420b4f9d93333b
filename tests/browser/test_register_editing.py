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


def test_officer_adds_a_contract_no_feed_published(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.workflow import council, team

    authority = council(code="ADD", name="Addshire County Council")
    officer = team(authority)[Role.CONTRACT_MANAGER]
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/register/")
    page.locator("a[href='/register/ADD/contracts/add/']").click()
    page.wait_for_url("**/register/ADD/contracts/add/")
    assert_accessible(page)
    page.get_by_label("Title of the contract").fill("Grounds maintenance of the civic centre")
    page.get_by_label("Supplier's name").fill("Green Spaces Ltd")
    page.get_by_label("Companies House number").check()
    page.get_by_label("Supplier's number (optional)").fill("01234567")
    page.get_by_label("Total value of the contract").fill("250000")
    page.locator("input[name=value_includes_vat][value=no]").check()
    page.locator("input[name=start_on_0]").fill("1")
    page.locator("input[name=start_on_1]").fill("4")
    page.locator("input[name=start_on_2]").fill("2025")
    page.locator("input[name=end_on_0]").fill("31")
    page.locator("input[name=end_on_1]").fill("3")
    page.locator("input[name=end_on_2]").fill("2027")
    page.get_by_label("CPV code").fill("77314000")
    page.get_by_label("Services").check()
    page.locator("input[name=is_framework][value=no]").check()
    look(page, "register-04-add-form")
    page.locator("#continue").click()
    page.wait_for_url("**/register/ADD/contracts/add/check/")
    answers = page.locator("#answers").inner_text()
    assert "77314000 Grounds maintenance services" in answers
    assert "£250,000.00" in answers
    look(page, "register-05-add-check")
    page.locator("#add").click()
    page.wait_for_url(f"{live_server.url}/register/contracts/*/")
    assert "Grounds maintenance of the civic centre" in page.locator("h1").inner_text()
    assert "Added by an officer" in page.locator("body").inner_text()
    look(page, "register-06-added")


def test_officer_terminates_a_contract_then_undoes_it(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.workflow import council, refuse_contract, team

    authority = council(code="TRM", name="Termshire County Council")
    officer = team(authority)[Role.REVIEW_OFFICER]
    contract = refuse_contract(authority)
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/register/TRM/contracts/{contract.pk}/correct/status/")
    page.get_by_label("Terminated: ended early").check()
    look(page, "register-07-status-form")
    page.get_by_label("Why are you correcting it?").fill("Ended early by agreement")
    with page.expect_navigation():
        page.locator("#save").click()
    assert (
        "Enter the date the contract was terminated"
        in page.locator(".govuk-error-summary").inner_text()
    )
    page.locator("input[name=ended_on_0]").fill("30")
    page.locator("input[name=ended_on_1]").fill("9")
    page.locator("input[name=ended_on_2]").fill("2026")
    page.locator("#save").click()
    page.wait_for_url(f"**/register/contracts/{contract.pk}/#field-status")
    row = page.locator("#field-status").inner_text()
    assert "Terminated on 30 September 2026" in row and "Differs from source" in row
    look(page, "register-08-terminated")

    page.locator("#field-status a", has_text="Undo the correction").click()
    page.wait_for_url("**/correct/status/undo/")
    look(page, "register-09-undo")
    page.get_by_label("Why are you undoing the correction?").fill("Wrong contract")
    page.locator("#undo").click()
    page.wait_for_url(f"**/register/contracts/{contract.pk}/#field-status")
    assert "Differs from source" not in page.locator("#field-status").inner_text()
    assert "Correction undone by an officer" in page.locator("body").inner_text()
