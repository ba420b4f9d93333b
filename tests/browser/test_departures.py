"""Issue 15's departure in headless Chromium: on a review where the engine recommends bringing the
refuse collection in house, the decision-maker switches to OUTSOURCE_GOOD_REASON_CAPACITY with
one sentence and is refused with the list of conditions to answer; answered in full (a reason on
each condition and a re-review date) it signs, and is blocked until the minimum standards are
met; the legal officer cannot publish it until the monitoring officer's advice is recorded; then
the pack, the authority's public page and the audit committee view all show the departure.

Every page is checked with axe; screenshots go to var/screenshots/departure-NN-*.png.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from conftest import TEST_NOW, TEST_TODAY
from insource.testing.browser import banner, check, error_summary, submit_refused
from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    sign_in_as,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]
CAPACITY = "OUTSOURCE_GOOD_REASON_CAPACITY"
ONE_SENTENCE = "We cannot run the collection in house yet."
ADVICE = (
    "The reasons engage with each condition, but the proposed terms are not yet known: the "
    "contract must not be awarded until the mandatory standards are met."
)


@pytest.fixture
def sent_review():
    """A council's refuse collection review, complete (the statutory presumption), sent to its
    decision-maker through the services."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.models import Review
    from insource.reviews.services.editing import review_answer, review_submit
    from insource.reviews.services.opening import reviews_open_due
    from insource.reviews.workflow.questions import BY_SLUG
    from insource.testing.workflow import NOT_AT_RISK, PREREQUISITES, council, refuse_contract, team

    authority = council(nice_name="Wealdshire")
    people = team(authority)
    refuse_contract(authority)
    reviews_open_due(on=TEST_TODAY, by=Actor.system("tests"), at=TEST_NOW, authority=authority)
    review = Review.objects.get(authority=authority)
    officer = people[Role.REVIEW_OFFICER]
    answers = {
        "at-risk": NOT_AT_RISK,
        "contract": {"contract.counterparty": "private"},
        "prerequisites": PREREQUISITES,
    }
    for slug, values in answers.items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=TEST_TODAY,
            by=Actor.for_user(officer),
            user=officer,
            at=TEST_NOW,
        )
    review.refresh_from_db()
    assert review.evaluation["result"]["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    review_submit(
        review=review,
        decision_maker=people[Role.DECISION_MAKER],
        version=review.version,
        on=TEST_TODAY,
        by=Actor.for_user(officer),
        at=TEST_NOW,
    )
    return authority, people, review


def capacity_block(page):
    return page.locator(f"details[data-outcome='{CAPACITY}']")


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))


def test_a_capacity_departure_from_one_sentence_to_publication(page, live_server, sent_review):
    from insource.authorities.models import Role

    authority, people, review = sent_review
    review_url = live_server.url + reverse(
        "reviews:review", kwargs={"code": authority.code, "pk": review.pk}
    )

    # The decision-maker switches to capacity with one sentence: refused, conditions listed.
    sign_in_as(page, live_server, people[Role.DECISION_MAKER])
    page.goto(review_url)
    page.locator("#sign-link").click()
    page.wait_for_url("**/sign/")
    page.get_by_label(re.compile(r"^The service may stay outsourced for a limited time")).check()
    assert capacity_block(page).get_attribute("open") is None  # closed until opened
    page.locator("#id_reason").fill(ONE_SENTENCE)
    page.get_by_label(re.compile(r"^I have read the recommendation")).check()
    check(page, "departure-01-one-sentence")
    submit_refused(page, "#sign")
    summary = error_summary(page)
    conditions = capacity_block(page).locator("textarea")
    assert conditions.count() == 5, summary
    assert summary.count("Give your reason on this condition") == 5, summary
    assert "capacity is insufficient even after the support measures" in summary, summary
    assert "Enter the re-review date" in summary, summary
    assert page.locator("#id_reason").input_value() == ONE_SENTENCE  # kept
    assert capacity_block(page).get_attribute("open") is not None  # the chosen one is open
    check(page, "departure-02-refused-with-conditions")

    # Answered in full: a reason on each condition and a re-review date. It signs, blocked.
    for n in range(conditions.count()):
        conditions.nth(n).fill(f"Reason {n + 1}: the depot lease and the fleet order (see plan).")
    block = capacity_block(page)
    block.get_by_label("Day", exact=True).fill("30")
    block.get_by_label("Month", exact=True).fill("9")
    block.get_by_label("Year", exact=True).fill("2028")
    page.get_by_label(re.compile(r"^I have read the recommendation")).check()
    check(page, "departure-03-answered-in-full")
    page.locator("#sign").click()
    page.wait_for_url(review_url)
    assert "Decision signed" in banner(page)
    departure = page.locator("#departure")
    assert departure.get_attribute("data-kind") == "towards-outsourcing"
    assert "The decision-maker departed from the policy" in departure.inner_text()
    status = page.locator("#departure-status")
    assert status.get_attribute("data-status") == "blocked_until_standards_met"
    blocked = status.inner_text()
    assert "Blocked until the standards are met" in blocked and "Fair wage" in blocked, blocked
    assert "MS1" not in blocked  # the standard's name, never its code
    assert "30 September 2028" in page.locator("#departure-re-review").inner_text()
    check(page, "departure-04-signed-blocked")
    sign_out(page)

    # The legal officer cannot publish before the monitoring officer's advice is recorded.
    sign_in_as(page, live_server, people[Role.LEGAL_OFFICER])
    page.goto(review_url)
    assert page.locator("#publish-link").count() == 0
    assert page.locator("#publish-needs-advice").is_visible()
    page.locator("#advice-link").click()
    page.wait_for_url("**/advice/")
    submit_refused(page, "#record-advice")
    assert "Enter the monitoring officer's advice" in error_summary(page)
    assert_accessible(page)
    page.locator("#id_advice").fill(ADVICE)
    check(page, "departure-05-advice")
    page.locator("#record-advice").click()
    page.wait_for_url(review_url)
    assert "Advice recorded" in banner(page)
    page.locator("#publish-link").click()
    page.wait_for_url("**/publish/")
    page.locator("#id_redaction_note").fill("No personal data in the reasons")
    page.locator("#id_confirm").check()
    page.locator("#publish").click()
    page.wait_for_url(review_url)
    assert "Decision pack published" in banner(page)
    pack_url = page.locator("#published-link").get_attribute("href")
    sign_out(page)

    # The public pack: the departure as what it is, both sets of reasons, the advice.
    page.goto(live_server.url + pack_url)
    pack = page.locator("#departure").inner_text()
    assert "The decision-maker departed from the policy" in pack
    assert "presumption of in-house delivery" in pack  # what the policy recommended
    assert ONE_SENTENCE in pack and "Reason 5: the depot lease" in pack and ADVICE in pack
    check(page, "departure-06-pack")

    # The authority's public page counts it.
    page.goto(live_server.url + reverse("portal:authority", args=[authority.public_slug]))
    count = page.locator("#departure-count").inner_text()
    assert count.startswith("1") and "1 towards outsourcing" in count, count
    check(page, "departure-07-authority-page")

    # The audit committee view counts and lists it.
    sign_in_as(page, live_server, people[Role.AUDITOR])
    page.goto(live_server.url + reverse("oversight:audit", args=[authority.code]))
    assert page.locator("#count-departures").inner_text() == "1"
    listed = page.locator("#departure-list").inner_text()
    assert "monitoring officer's advice recorded" in listed, listed
    check(page, "departure-08-audit-view")
