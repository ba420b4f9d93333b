"""A service brought home, in Chromium: a contract manager marks the transition plan's go-live
done (the service starts on the transfer date), records a year of a KPI's ratings (one refused
and corrected) and the first service year's outturn and staff figures; then the public "Brought
home" page and the national list, with no sign-in. Axe on every page; screenshots."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
DECIDED_ON = date(2025, 6, 2)


def _decided_a_year_ago():
    """A council that adopted the policy in April 2025, and its refuse contract (ended 31
    December 2025) decided in house on 2 June 2025, through the real services; its transition
    plan is made at signing. Three KPIs with a year of ratings under the contract."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_sign
    from insource.reviews.services.editing import review_answer, review_submit
    from insource.reviews.services.opening import review_open
    from insource.reviews.workflow.questions import BY_SLUG
    from insource.testing.inhouse import kpi, rating
    from insource.testing.workflow import (
        DECIDED_FACTS,
        council,
        refuse_contract,
        team,
    )

    authority = council(code="BHM", name="Brought Home Borough Council")
    authority.policy_adopted_on = date(2025, 4, 1)
    authority.save()
    people = team(authority)
    contract = refuse_contract(
        authority,
        value_amount=Decimal("9600000"),
        start_on=date(2019, 1, 1),
        end_on=date(2025, 12, 31),
        max_end_on=date(2025, 12, 31),
    )
    officer, maker = people[Role.REVIEW_OFFICER], people[Role.DECISION_MAKER]
    at = __import__("datetime").datetime(2025, 6, 2, 10, tzinfo=__import__("datetime").UTC)
    review = review_open(contract=contract, on=DECIDED_ON, by=Actor.system("tests"), at=at)
    for slug, values in DECIDED_FACTS.items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=DECIDED_ON,
            by=Actor.for_user(officer),
            user=officer,
            at=at,
        )
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=maker,
        version=review.version,
        on=DECIDED_ON,
        by=Actor.for_user(officer),
        at=at,
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome=review.evaluation["result"]["outcome"],
        reason="",
        version=review.version,
        on=DECIDED_ON,
        by=Actor.for_user(maker),
        at=at,
    )
    names = ["Bins collected on the scheduled day", "Missed bins per 100,000", "Recycling rate"]
    targets = [("99", "higher"), ("60", "lower"), ("50", "higher")]
    values = [["97.8", "98.4", "96.9", "98.1"], ["75", "68", "81", "64"], ["44", "46", "45", "47"]]
    kpis = []
    for name, (target, direction), series in zip(names, targets, values, strict=True):
        k = kpi(authority, contract=contract, name=name, target=target, direction=direction)
        for i, value in enumerate(series):
            rating(k, date(2025, 1 + 3 * i, 1), value, on=date(2025, 12, 31))
        kpis.append(k)
    return authority, people, contract, decision, kpis


def test_a_service_brought_home_is_measured_and_published(page, live_server):
    from insource.authorities.models import Role
    from insource.transition.models import TransitionPlan

    authority, people, contract, decision, kpis = _decided_a_year_ago()
    plan = TransitionPlan.objects.get(decision=decision)
    assert plan.transfer_on == date(2025, 12, 31)
    sign_in_as(page, live_server, people[Role.CONTRACT_MANAGER])

    # The plan's go-live, marked done now: the service started on the transfer date.
    page.goto(f"{live_server.url}/transition/BHM/plans/{plan.pk}/")
    page.locator("#milestone-go-live a").first.click()
    page.get_by_label("Done").check()
    page.get_by_label("Evidence", exact=True).fill("Day one report to cabinet, 5 January 2026")
    assert page.get_by_label("Due date").input_value() == "2025-12-31"
    page.locator("#save").click()
    page.wait_for_url(f"**/transition/BHM/plans/{plan.pk}/")
    page.goto(f"{live_server.url}/inhouse/BHM/")
    assert_accessible(page)
    page.locator("#services a").first.click()
    page.wait_for_url("**/inhouse/BHM/services/*/")
    service_url = page.url
    assert "31 December 2025" in page.locator("#service-facts").inner_text()

    # A year of the first KPI, in house: one refused (a reason is missing), then all four.
    quarters = [("2026-01-01", "99.2"), ("2026-04-01", "99.6"), ("2026-07-01", "98.7")]
    quarters += [("2026-10-01", "93.0")]
    for i, (start, value) in enumerate(quarters):
        page.goto(service_url)
        page.locator(f"#rate-{kpis[0].pk}").click()
        page.get_by_label("First day of the period").fill(start)
        page.get_by_label("Measured value").fill(value)
        page.get_by_label("Evidence", exact=True).fill("In-cab round completion report")
        if i == 3:
            page.get_by_label("Rating", exact=True).select_option("approaching_target")
            page.locator("#save").click()
            assert (
                "Give the reason for a rating other than"
                in page.locator(".govuk-error-summary").inner_text()
            )
            assert page.get_by_label("Measured value").input_value() == "93.0"
            assert_accessible(page)
            screenshot(page, "brought-home-01-rating-refused")
            page.get_by_label("Reason for another rating").fill(
                "Depot flood in October: rounds cancelled"
            )
        page.locator("#save").click()
        page.wait_for_url(service_url)

    # The first service year: outturn and staff figures.
    page.locator("#record-year").click()
    page.get_by_label("Service year").fill("1")
    page.get_by_label("Cost outturn for the year, in pounds").fill("1310000")
    page.get_by_label("Headcount at the year's end").fill("42")
    page.get_by_label("Full-time equivalent").fill("40.5")
    page.get_by_label("Lowest hourly rate paid, in pounds").fill("13.60")
    page.get_by_label("Number paid below the fair wage").fill("0")
    page.get_by_label("Median pay change for transferred staff, in percent").fill("7.4")
    page.get_by_label("Number living in the authority's area").fill("31")
    page.get_by_label("Evidence", exact=True).fill("Month 11 outturn report; payroll extract")
    assert_accessible(page)
    page.locator("#save").click()
    page.wait_for_url(service_url)
    text = page.locator("#years-table").inner_text()
    assert "£1,310,000" in text and "100.0%" in text and "73.8%" in text
    assert "Good" in page.locator(f"#kpi-{kpis[0].pk}").inner_text()
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, "brought-home-02-service-officer")

    # The public page and the national list, signed out.
    service_id = service_url.rstrip("/").split("/")[-1]
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/public/brought-home/{service_id}/")
    assert "Brought home" in page.locator("h1").inner_text()
    assert page.locator("#cost-title").count() == 1
    assert page.locator("#ratings-desc").count() == 1
    assert "Depot flood" in page.locator(f"#kpi-{kpis[0].pk}").inner_text()
    assert page.locator("#record-year").count() == 0
    assert_accessible(page)
    screenshot(page, "brought-home-03-public-page")
    page.locator(".govuk-back-link").click()
    page.wait_for_url("**/public/brought-home/")
    row = page.locator(f"#service-{service_id}").inner_text()
    assert "£1,310,000" in row and "0/3 → 0/1" in row
    assert_accessible(page)
    screenshot(page, "brought-home-04-national-list")
    page.goto(f"{live_server.url}/public/authorities/bhm/")
    assert page.locator("#brought-home").count() == 1
