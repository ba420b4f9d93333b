"""A contract manager monitors a continuing contract in Chromium: the standards matrix and
calendar, a payroll return that shows a breach, recording a KPI assessment, and the audit
committee's view; axe on each page; screenshots."""

from __future__ import annotations

from pathlib import Path

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
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "payroll-return-sample.csv"


def test_contract_manager_monitors_a_continuing_contract(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.monitoring import continuing

    authority, people, contract, _ = continuing()
    sign_in_as(page, live_server, people[Role.CONTRACT_MANAGER])
    page.get_by_role("link", name="Standards").first.click()
    page.wait_for_url("**/standards/MON/")
    assert "1 continuing contract" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=contract.title).click()
    page.wait_for_url(f"**/standards/MON/contracts/{contract.pk}/")
    assert "Needs a change in the law" in page.locator("#row-MS2").inner_text()
    page.locator("#payroll-link").click()
    page.get_by_label("Upload the payroll return").set_input_files(str(SAMPLE))
    page.locator("#upload").click()
    page.wait_for_url("**/standards/MON/payroll/**")
    page.goto(f"{live_server.url}/standards/MON/contracts/{contract.pk}/")
    assert "Not met" in page.locator("#row-MS1").inner_text()
    page.locator("#record-link").click()
    page.get_by_label("KPI performance assessment").check()
    page.get_by_label("KPIs assessed").fill("4")
    page.get_by_label("KPIs met").fill("3")
    page.get_by_label("Is the assessment published?").select_option("yes")
    page.get_by_label("Evidence", exact=True).fill(
        "Annual performance report, cabinet 12 November 2026"
    )
    assert_accessible(page)
    page.locator("#save").click()
    page.wait_for_url(f"**/standards/MON/contracts/{contract.pk}/")
    assert "Met" in page.locator("#row-MS9").inner_text()
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, "standards-02-matrix-and-calendar", full_page=True)
    page.goto(f"{live_server.url}/standards/MON/audit/")
    assert page.locator("#count-breaches").inner_text() == "1"
    breaches = page.locator("#breaches + ul").inner_text()
    assert "Fair wage" in breaches and "31 May 2026" in breaches, breaches
    assert_accessible(page)
    screenshot(page, "standards-03-audit-committee", full_page=True)
