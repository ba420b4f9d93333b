"""The contract manager's payroll return page in Chromium: upload the shipped sample, see the
shortfalls and the gender pay measures beside the published ones; axe; a screenshot."""

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


def test_contract_manager_checks_a_payroll_return(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.factories import SupplierFactory
    from insource.testing.workflow import council, refuse_contract, team

    authority = council(code="PAY", name="Payshire County Council")
    manager = team(authority)[Role.CONTRACT_MANAGER]
    contract = refuse_contract(
        authority, suppliers=[SupplierFactory(name="3M UK PLC", company_number="01123045")]
    )
    sign_in_as(page, live_server, manager)
    page.goto(f"{live_server.url}/standards/PAY/contracts/{contract.pk}/payroll/")
    assert_accessible(page)
    page.get_by_label("Upload the payroll return").set_input_files(str(SAMPLE))
    page.locator("#upload").click()
    page.wait_for_url("**/standards/PAY/payroll/**")
    assert "W04" in page.locator("#shortfalls").inner_text()
    assert "2023 to 2024" in page.content()
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, "standards-01-payroll-return")
