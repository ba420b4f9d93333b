"""Issue 7's acceptance in headless Chromium, on the real demo register: an officer builds the
options appraisal of Staffordshire's refuse contract (Contract Countdown set, ending 31 March
2028) through its pages — a cost line typed with a range, a form error kept and explained, the
worked sample loaded, a run of 100,000 draws — sees the distribution with its P10/P50/P90 and
the probability that in-house costs less, and sees criterion T4 settle the recommendation. The
review is then decided and published through the services (the review workflow's own test walks
those pages), and the public finds the comparator, its charts and its CSV in the decision pack.

Every page is checked with axe; screenshots go to var/screenshots/appraisal-NN-*.png.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from conftest import TEST_NOW, TEST_TODAY
from insource.testing.browser import (  # noqa: F401 (fixture)
    REFUSE,
    banner,
    check,
    full_demo,
    open_review,
    sign_in,
)
from tests.browser.conftest import BROWSER_REQUIRED, CHROMIUM, NO_CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]
DEMO_USERS = ("officer", "decider", "legal")
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "appraisal-sample.json"


def answer_by_service(review_url: str, slug: str, values: dict) -> None:
    from insource.core.audit import Actor
    from insource.reviews.models import Review
    from insource.reviews.services.editing import review_answer
    from insource.reviews.workflow.questions import BY_SLUG

    review = Review.objects.get(pk=int(review_url.rstrip("/").rsplit("/", 1)[1]))
    officer = get_user_model().objects.get(username="officer")
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


def fill_range(page, legend: str, low: str, mode: str, high: str) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Minimum").fill(low)
    group.get_by_label("Most likely").fill(mode)
    group.get_by_label("Maximum").fill(high)


def add_line(page, option_link: str, label: str, category: str, amounts, source: str) -> None:
    page.locator(option_link).click()
    page.wait_for_url("**/lines/add/**")
    page.get_by_label("What is the cost?").fill(label)
    page.get_by_label("Category").select_option(label=category)
    fill_range(page, "Amount (£)", *amounts)
    page.get_by_label("Source of the figure").fill(source)
    page.locator("#save-line").click()


def run(page, draws: str = "100000") -> None:
    page.get_by_label("Number of draws").fill(draws)
    page.locator("#run").click()
    page.wait_for_url(re.compile(r"/appraisal/STS/\d+/$"))
    assert "the review now uses its figures" in banner(page)


def decide_and_publish(review_url: str):
    from insource.core.audit import Actor
    from insource.reviews.decisions.pack import pack_render
    from insource.reviews.models import Review
    from insource.reviews.services.decisions import decision_publish, decision_sign
    from insource.reviews.services.editing import review_submit

    review = Review.objects.get(pk=int(review_url.rstrip("/").rsplit("/", 1)[1]))
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERS)}
    review_submit(
        review=review,
        decision_maker=users["decider"],
        version=review.version,
        on=TEST_TODAY,
        by=Actor.for_user(users["officer"]),
        at=TEST_NOW,
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=users["decider"],
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=TEST_TODAY,
        by=Actor.for_user(users["decider"]),
        at=TEST_NOW,
    )
    html, pdf = pack_render(decision, publisher_name="Lee Legal", published_on=TEST_TODAY)
    decision_publish(
        decision=decision,
        user=users["legal"],
        redaction_note="None needed",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=TEST_TODAY,
        by=Actor.for_user(users["legal"]),
        at=TEST_NOW,
    )
    return decision


@pytest.mark.usefixtures("full_demo")
def test_officer_builds_the_refuse_appraisal_and_finds_it_in_the_pack(page, live_server):
    sign_in(page, live_server, "officer")
    review_url = open_review(page, live_server, "STS", REFUSE)
    for slug, values in {
        "at-risk": {
            "at_risk.significant_contact": False,
            "at_risk.coercive_powers": False,
            "at_risk.rights_risk": False,
        },
        "contract": {"contract.counterparty": "private"},
        "prerequisites": {
            "consultation_done": True,
            "equality_impact_assessment_done": True,
            "is_key_decision": False,
        },
        "public-interest-test": {"public_interest_test.claimed": True}
        | {f"public_interest_test.T{n}": True for n in range(1, 11) if n != 4},
    }.items():
        answer_by_service(review_url, slug, values)
    page.goto(review_url)
    assert page.locator("#recommendation-status").get_attribute("data-status") == "incomplete"

    page.locator("#appraisal-link").click()
    page.wait_for_url("**/appraisal/STS/**")
    check(page, "appraisal-01-start")
    page.locator("#start-appraisal").click()
    page.wait_for_url(re.compile(r"/appraisal/STS/\d+/$"))

    # A cost line typed with its range; a second with a mistake, kept and explained.
    add_line(
        page,
        "#add-inhouse",
        "Crew pay: 90 FTE",
        "Staff pay",
        ("2250000", "2385000", "2550000"),
        "TUPE employee liability information",
    )
    assert "Cost line saved" in banner(page)
    add_line(
        page,
        "#add-outsourced",
        "Contract price",
        "Supplier price or cost base",
        ("6100000", "5600000", "6400000"),
        "",
    )
    assert page.title().startswith("Error:")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The minimum must be no more than the most likely" in summary
    assert "Enter where the figure comes from" in summary
    assert page.get_by_label("What is the cost?").input_value() == "Contract price"
    check(page, "appraisal-02-line-error")
    fill_range(page, "Amount (£)", "5300000", "5600000", "6400000")
    page.get_by_label("Source of the figure").fill("Current contract price, 2026-27")
    page.locator("#save-line").click()
    assert "Cost line saved" in banner(page)
    run(page, "20000")
    assert page.locator("#probability").is_visible()

    # The worked sample replaces the lines; 100,000 draws.
    page.locator("details:has(#load-form) summary").click()
    page.locator("#id_file").set_input_files(str(SAMPLE))
    page.locator("#load").click()
    assert "46 cost lines loaded" in banner(page)
    run(page)
    probability = page.locator("#probability h3").inner_text()
    assert re.fullmatch(r"\d+\.\d% probability that in-house costs less", probability)
    chart = page.locator("#distribution svg")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("rect").count() >= 40
    markers = chart.locator("text").all_text_contents()
    assert any(m.startswith("P10 £") for m in markers) and any(
        m.startswith("P90 £") for m in markers
    )
    assert probability.split()[0] in page.locator("#distribution figcaption").inner_text()
    assert page.locator("#tornado svg rect").count() == 10
    assert page.locator("#tornado-table tbody tr").count() == 10
    outcome = page.locator("#recommendation-outcome").get_attribute("data-outcome")
    assert outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert page.locator("#recommendation-status").get_attribute("data-status") == "decided"
    check(page, "appraisal-03-results")

    decision = decide_and_publish(review_url)
    page.goto(f"{live_server.url}/public/decisions/{decision.pk}/")
    pack = page.locator("#decision-pack")
    assert "The in-house comparator: options appraisal" in pack.inner_text()
    assert probability in pack.inner_text()
    assert page.locator("#pack-distribution svg").count() == 1
    page.locator("#pack-appraisal").scroll_into_view_if_needed()
    check(page, "appraisal-04-published-pack")
    href = page.locator("#pack-appraisal-csv").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    assert response.body().startswith(b"\xef\xbb\xbf")  # Excel reads £ and é (ADR 0010)
    rows = list(csv.reader(io.StringIO(response.body().decode("utf-8-sig"))))
    assert rows[0][:3] == ["section", "option", "item"]
    assert any(r[2] == "probability that in-house costs less" for r in rows)
