"""Issue 19 in Chromium: a contract manager refers a dispute to legal support from the
contract's page (the form's errors first), the referral goes late and shows on the audit
committee's page; an officer forwards part of an information request to the contractor from
the request's page and, past the contractor's due date, the request page flags it late. axe on
each page; screenshots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

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


def _yesterday():
    return timezone.localdate() - timedelta(days=1)


def test_a_referral_to_legal_support_goes_late(browser, page, live_server, settings, tmp_path):
    from insource.authorities.models import Role
    from insource.legal.models import Referral
    from insource.testing.monitoring import continuing

    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    authority, people, contract, _ = continuing()
    sign_in_as(page, live_server, people[Role.CONTRACT_MANAGER])
    page.goto(f"{live_server.url}/register/contracts/{contract.pk}/")
    page.locator("#refer-to-legal").click()
    page.locator("#refer").click()
    assert "Choose what the referral is about" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Dispute with the contractor").check()
    page.get_by_label("Your question for legal support").fill(
        "May the council deduct payment for 40 missed collections in October?"
    )
    page.locator("#refer").click()
    page.wait_for_url("**/legal/MON/*/")
    assert "Referred" in page.locator("#referral-status").inner_text()
    assert_accessible(page)
    Referral.objects.update(target_on=_yesterday())
    page.reload()
    assert page.locator("#referral-late").is_visible()
    screenshot(page, "legal-referral-late")
    auditor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    audit_page = auditor.new_page()
    sign_in_as(audit_page, live_server, people[Role.AUDITOR])
    audit_page.goto(f"{live_server.url}/standards/MON/audit/")
    assert audit_page.locator("#count-late-referrals").inner_text() == "1"
    assert "Dispute with the contractor" in audit_page.locator("#late-referral-list").inner_text()
    assert_accessible(audit_page)
    screenshot(audit_page, "audit-late-referral")
    auditor.close()


def test_a_forwarded_contractor_request_goes_late(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.contractors import continuing_request
    from insource.transparency.models import ContractorRequest

    authority, people, contract, request = continuing_request()
    sign_in_as(page, live_server, people[Role.REVIEW_OFFICER])
    page.goto(f"{live_server.url}/requests/MON/{request.reference}/")
    page.locator("#action-forward").click()
    page.get_by_label("The contractor's email address").fill("not-an-address")
    page.locator("#save").click()
    assert "correct format" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Clean Streets Ltd").check()
    page.get_by_label("The contractor's email address").fill("foi@cleanstreets.example")
    page.get_by_label("What the contractor must provide (not published)").fill(
        "The monthly KPI reports for 2025"
    )
    page.locator("#save").click()
    page.wait_for_url(f"**/requests/MON/{request.reference}/")
    assert "Awaiting the contractor" in page.locator("#contractor-status-1").inner_text()
    ContractorRequest.objects.update(due_on=_yesterday())
    page.reload()
    assert page.locator("#contractor-status-1").inner_text() == "Late"
    assert_accessible(page)
    screenshot(page, "contractor-request-late")
