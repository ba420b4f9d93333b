"""The independent audit committee (issue 19, ADR 0042), in headless Chromium against the live
server: an independent member (no officer role) opens the committee's view, records a
recommendation (every error shown at once first), publishes the quarter's report, and a resident
finds it on the authority's public page. Axe on every page (no serious or critical violation);
screenshots into var/screenshots/committee-NN-*.png."""

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


@pytest.fixture
def committee():
    from insource.authorities.models import Role
    from insource.testing.workflow import council, refuse_contract, team

    authority = council(code="AUD", name="Auditshire County Council", nice_name="Auditshire")
    people = team(authority)
    refuse_contract(authority)
    return authority, people[Role.AUDIT_COMMITTEE_MEMBER]


def check(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_the_committee_publishes_its_quarterly_report(page, live_server, committee):
    from insource.oversight.models import AuditReport

    authority, member = committee
    sign_in_as(page, live_server, member)
    page.goto(f"{live_server.url}/standards/AUD/audit/")
    check(page, "committee-01-view")

    page.locator("#recommendations-link").click()
    page.wait_for_url("**/standards/AUD/audit/recommendations/")
    page.get_by_role("button", name="Record the recommendation").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter the recommendation" in summary and "Enter who owns the recommendation" in summary
    check(page, "committee-02-errors")
    page.get_by_label("The recommendation").fill("Clear the overdue reviews by March")
    page.get_by_label("Who owns it").fill("Head of procurement")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Record the recommendation").click()
    page.wait_for_url("**/standards/AUD/audit/recommendations/")
    assert "Clear the overdue reviews by March" in page.locator("#recommendations").inner_text()
    check(page, "committee-03-recommendations")

    page.goto(f"{live_server.url}/standards/AUD/audit/")
    page.locator("#report-link").click()
    page.wait_for_url("**/standards/AUD/audit/reports/**")
    assert page.locator("#not-published").count() == 1
    check(page, "committee-04-report-draft")
    page.locator("#publish").click()
    page.wait_for_load_state()
    assert page.locator("#not-published").count() == 0 and page.locator("#publish").count() == 0
    report = AuditReport.objects.get(authority=authority)
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{live_server.url}/public/authorities/{authority.public_slug}/")
    reports = page.locator("#audit-reports")
    assert reports.count() == 1
    check(page, "committee-05-authority-page")
    page.get_by_role("link", name=f"Report for {report.quarter}").click()
    page.wait_for_url(f"**/public/audit-reports/{report.pk}/")
    assert (
        "Clear the overdue reviews by March" in page.locator("#report-recommendations").inner_text()
    )
    check(page, "committee-06-public-report")
