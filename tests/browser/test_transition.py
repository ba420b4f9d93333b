"""Bringing a service home in Chromium: the decision-maker signs an in-house decision and
finds its transition plan with the dates counted back from the contract's end; the HR officer
enters the council's grades, imports the sample employee liability file and sees the pay
comparison; milestones are marked done; the transfer date moves earlier, a milestone goes late,
its owner is emailed by the alerts run and the audit committee sees it; a union
representative sees only aggregates. axe on every page; screenshots."""

from __future__ import annotations

import re
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
SAMPLE = Path(__file__).resolve().parents[2] / "docs/samples/employee-liability-sample.csv"


def _awaiting_decision():
    """A refuse contract (ending 30 September 2027) whose review awaits the decision-maker,
    made through the review services."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.models import Review
    from insource.reviews.services.editing import review_answer, review_submit
    from insource.reviews.services.opening import reviews_open_due
    from insource.reviews.workflow.questions import BY_SLUG
    from insource.testing.workflow import (
        DECIDED_FACTS,
        NOW,
        TODAY,
        council,
        refuse_contract,
        team,
    )

    authority = council(code="BRH", name="Brought Home County Council")
    people = team(authority)
    for role, user in people.items():
        user.first_name, user.last_name = str(Role(role).label).split()[0], "Tester"
        user.save()
    contract = refuse_contract(authority)
    system, officer = Actor.system("tests"), people[Role.REVIEW_OFFICER]
    reviews_open_due(on=TODAY, by=system, at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    for slug, values in DECIDED_FACTS.items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=TODAY,
            by=system,
            user=officer,
            at=NOW,
        )
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=people[Role.DECISION_MAKER],
        version=review.version,
        on=TODAY,
        by=system,
        at=NOW,
    )
    return authority, people, review


def _switch(page, live_server, user):
    page.context.clear_cookies()
    sign_in_as(page, live_server, user)


def _mark_done(page, key: str, evidence: str):
    page.locator(f"#milestone-{key}").get_by_role("link").first.click()
    page.get_by_label("Done").check()
    page.get_by_label("Evidence").fill(evidence)
    page.locator("#save").click()
    page.wait_for_url(re.compile(r".*/plans/\d+/$"))


def test_bringing_a_service_home(page, live_server):
    from django.core import mail
    from django.core.management import call_command

    from insource.authorities.models import Role

    authority, people, review = _awaiting_decision()
    review_url = f"{live_server.url}/reviews/BRH/{review.pk}/"

    # The decision-maker signs the in-house recommendation: the plan is made.
    _switch(page, live_server, people[Role.DECISION_MAKER])
    page.goto(review_url)
    page.locator("#sign-link").click()
    page.get_by_label(re.compile(r"^I have read the recommendation")).check()
    page.locator("#sign").click()
    page.wait_for_url(review_url)
    page.locator("#transition-plan-link").click()
    page.wait_for_url(re.compile(r".*/transition/BRH/plans/\d+/$"))
    plan_url = page.url
    assert "30 September 2027" in page.locator("#transfer-on").inner_text()
    eli = page.locator("#milestone-employee-liability-information").inner_text()
    assert "2 Sept 2027" in eli or "2 Sep 2027" in eli  # 28 days before the transfer
    assert "3 Jan 2027" in page.locator("#milestone-notice-to-incumbent").inner_text()
    assert page.locator("#timeline").get_attribute("role") == "img"
    assert_accessible(page)
    screenshot(page, "transition-01-plan")

    # The HR officer enters the grades, imports the liability file, sees the comparison.
    _switch(page, live_server, people[Role.HR_OFFICER])
    page.goto(f"{plan_url}workforce/")
    page.get_by_label("Employee liability information").set_input_files(str(SAMPLE))
    page.locator("#import").click()
    page.wait_for_url(f"{plan_url}workforce/")
    assert page.locator("#headcount").inner_text() == "20"
    page.get_by_role("link", name="Enter or change the authority's grades").click()
    page.get_by_label("Grade", exact=True).fill("Grade 3")
    page.get_by_label("Transferring roles on this grade").fill(
        "Refuse loader\nRecycling centre operative"
    )
    page.get_by_label("Lowest hourly pay (£)").fill("13.45")
    page.get_by_label("Highest hourly pay (£)").fill("abc")
    page.locator("#save-grade").click()
    assert "Enter an amount, like 12.60" in page.locator(".govuk-error-summary").inner_text()
    assert (
        page.get_by_label("Transferring roles on this grade")
        .input_value()
        .startswith("Refuse loader")
    )
    assert_accessible(page)
    page.get_by_label("Highest hourly pay (£)").fill("13.95")
    page.locator("#save-grade").click()
    page.wait_for_url(f"{plan_url}workforce/")
    comparison = page.locator("#comparison").inner_text()
    assert "Grade 3" in comparison and "outside the grade" in comparison
    assert page.locator("#rows").is_visible()
    assert_accessible(page)
    screenshot(page, "transition-02-workforce-hr")

    # Milestones done; then the transfer date moves earlier and the notice is late.
    page.goto(plan_url)
    _mark_done(page, "union-consultation-start", "Meeting with GMB and UNISON, 2 December")
    _mark_done(page, "budget-approved", "Cabinet minute 14/2026")
    page.get_by_role("link", name=re.compile("^Move")).click()
    page.get_by_label("New transfer date").fill("2027-05-01")
    page.get_by_label("Why the date moves").fill("The contractor asked to leave early")
    page.locator("#save").click()
    page.wait_for_url(plan_url)
    assert "Give the contractor notice" in page.locator("#late-list").inner_text()
    assert page.locator("#plan-status").inner_text() == "Late"
    eli = page.locator("#milestone-employee-liability-information").inner_text()
    assert "3 Apr 2027" in eli  # still 28 days before the new date
    assert "Done" in page.locator("#milestone-budget-approved").inner_text()
    assert_accessible(page)
    screenshot(page, "transition-03-plan-late")

    # The alerts run emails the late milestone's owner (the contract manager), once.
    call_command("transition", "alerts", "--authority", "BRH")
    call_command("transition", "alerts", "--authority", "BRH")
    manager = people[Role.CONTRACT_MANAGER].email
    late = [m for m in mail.outbox if m.to == [manager] and "Give the contractor" in m.subject]
    assert len(late) == 1 and "/transition/BRH/plans/" in late[0].body

    # The audit committee sees it; the union representative sees aggregates only.
    _switch(page, live_server, people[Role.AUDITOR])
    page.goto(f"{live_server.url}/standards/BRH/audit/")
    assert "Give the contractor notice" in page.locator("#late-milestones + ul").inner_text()
    assert_accessible(page)
    screenshot(page, "transition-04-audit")
    _switch(page, live_server, people[Role.UNION_REPRESENTATIVE])
    page.goto(f"{plan_url}workforce/")
    assert page.locator("#rows").count() == 0 and page.locator("#rows-hidden").is_visible()
    assert page.locator("#headcount").inner_text() == "20"
    assert_accessible(page)
    screenshot(page, "transition-05-workforce-union")
    page.goto(f"{plan_url}consultation/")
    page.get_by_label("Issue raised").check()
    page.get_by_label("What was said or decided").fill("Will loaders keep their shift allowance?")
    page.locator("#add-entry").click()
    page.wait_for_url(f"{plan_url}consultation/")
    assert "shift allowance" in page.content()
    assert_accessible(page)
    screenshot(page, "transition-06-consultation")


def test_an_authority_changes_its_milestone_template(page, live_server):
    from insource.authorities.models import Role
    from insource.testing.transition import decided_in_house

    authority, people, _d, _plan = decided_in_house(code="TPL")
    sign_in_as(page, live_server, people[Role.CONTRACT_MANAGER])
    page.goto(f"{live_server.url}/transition/TPL/")
    page.get_by_role("link", name="Milestone templates for the authority's services").click()
    page.get_by_role("link", name="Change Refuse and recycling collection").click()
    assert_accessible(page)
    eli = page.locator("#item-employee-liability-information")
    eli.get_by_label("Days before the transfer").fill("21")
    page.get_by_label("Why the template changes").fill("Our own timetable")
    page.locator("#save-template").click()
    assert "at least 28 days" in page.locator("#template-errors").inner_text()
    assert page.get_by_label("Why the template changes").input_value() == "Our own timetable"
    assert_accessible(page)
    screenshot(page, "transition-07-template-refused")
    eli.get_by_label("Days before the transfer").fill("42")
    page.get_by_label("New milestone (optional)").fill("Depot lease signed")
    page.get_by_label("Its days before the transfer").fill("200")
    page.locator("#save-template").click()
    page.wait_for_url("**/transition/TPL/templates/")
    assert "Version 1" in page.locator("#templates").inner_text()
    assert_accessible(page)
