"""Issue 4 end to end, in headless Chromium against the live server and the real demo register.

1. An officer takes Staffordshire's refuse contract (Contract Countdown set) from the pipeline
   through the review's question pages to a complete recommendation (the statutory presumption),
   attaches a real PDF and sends the review to the decision-maker; the decision-maker signs; the
   legal officer confirms the redaction and publishes; the public reads the pack and its PDF.
2. An officer reviews Warwickshire's day opportunities contract (2025 OCDS set), corrects its
   value and reaches INSOURCE_AT_RISK_GUIDANCE.

Every page visited is checked with axe (no serious or critical violation) and the steps are
photographed into var/screenshots/review-NN-*.png. The test computes no date from the wall
clock; the server's pages use timezone.localdate(), which only the pipeline's window depends on
here (the refuse contract ends on 31 March 2028, inside a 24-month window from late 2026).
"""

from __future__ import annotations

import re

import pytest

from insource.testing.browser import (
    REFUSE,
    banner,
    check,
    error_summary,
    load_demo,
    open_review,
    sign_in,
    submit_refused,
)
from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]

DAY_OPPORTUNITIES = "WCC - Day Opportunities (with and without personal care) for Older People"
AT_RISK_GROUP = "adults with care and support needs or at risk of abuse"
PRESUMPTION = "INSOURCE_STATUTORY_PRESUMPTION"
AT_RISK = "INSOURCE_AT_RISK_GUIDANCE"
OCDS_AND_COUNTDOWN = ("contracts-finder-ocds", "contract-countdown")


@pytest.fixture
def demo(settings, tmp_path):
    """The 2025 OCDS and Contract Countdown sets: enough for Warwickshire's review."""
    return load_demo(settings, tmp_path, OCDS_AND_COUNTDOWN)


@pytest.fixture
def evidence_pdf(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "consultation-summary.pdf"
    HTML(
        string="<h1>Trade union consultation</h1><p>UNISON and GMB were consulted on bringing "
        "the waste and recycling collection service in house, 2 to 30 November 2026.</p>"
    ).write_pdf(path)
    return path


# --- What a person does ---------------------------------------------------------------------


def sign_in_link(page):
    return page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in")


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    assert sign_in_link(page).is_visible()


def open_topic(page, title: str) -> None:
    page.locator("#task-list").get_by_role("link", name=title, exact=True).click()
    page.wait_for_url("**/topics/**")
    assert page.locator("h1").inner_text() == title


def choose(page, question: str, answer: str) -> None:
    """A radio answer, within the fieldset whose legend is the question."""
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def enter_date(page, question: str, day: int, month: int, year: int) -> None:
    group = page.get_by_role("group", name=question, exact=True)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def save_topic(page, review_url: str, title: str) -> None:
    page.locator("#save").click()
    page.wait_for_url(review_url)
    assert f"{title} saved" in banner(page)


def recommendation(page) -> tuple[str | None, str | None]:
    """(outcome, status) of the side panel; (None, None) when it shows an error instead."""
    if not page.locator("#recommendation-outcome").count():
        return None, None
    outcome = page.locator("#recommendation-outcome").get_attribute("data-outcome")
    status = page.locator("#recommendation-status").get_attribute("data-status")
    return outcome, status


def panel(page) -> str:
    return page.locator("#recommendation").inner_text()


def add_evidence(page, slug: str, answer: str, title: str, path) -> None:
    form = page.locator("#evidence-form")
    form.get_by_label("Which answer does it support?").select_option(label=answer)
    form.get_by_label("Title").fill(title)
    form.get_by_label("Upload a file").set_input_files(str(path))
    page.locator("#add-evidence").click()
    page.wait_for_url(f"**/topics/{slug}/")
    assert "Evidence added" in banner(page)


# --- 1. Refuse, Staffordshire: to a signed, published decision -----------------------------


def test_refuse_contract_to_a_published_decision(full_demo, evidence_pdf, page, live_server):
    sign_in(page, live_server, "officer", check_pages=True)
    check(page, "workflow-00-officer-home")  # signing in lands on the officer's own work
    page.goto(f"{live_server.url}/register/")

    # The pipeline, Staffordshire's contracts reaching their decision point within 24 months
    # of the server's today (the wall clock: the session date is TEST_TODAY).
    page.get_by_role("link", name="Pipeline").click()
    page.wait_for_url("**/register/pipeline/**")
    page.get_by_label("Ending in the next").select_option("24")
    page.get_by_label("Authority").fill("la:STS")  # the autocomplete: a key is read too
    page.get_by_role("button", name="Show pipeline").click()
    page.wait_for_url(re.compile(r"within=24.*authority=la%3ASTS"))
    row = page.locator("#pipeline-table tbody tr").filter(has_text=REFUSE)
    assert row.count() == 1, "the refuse contract is not in Staffordshire's 24-month pipeline"
    assert "31 Mar 2028" in row.inner_text()
    assert "£168,000,000" in row.inner_text()
    check(page, "review-01-pipeline")
    row.get_by_role("link", name=re.compile(re.escape(REFUSE))).click()
    page.wait_for_url("**/register/contracts/**")
    assert page.locator("#contract-reviews li").count() == 1, "the contract has no open review"
    assert_accessible(page)

    # Its review, found among Staffordshire's by its title.
    review_url = open_review(page, live_server, "STS", REFUSE)
    assert page.locator("#review-state").get_attribute("data-state") == "open"
    # Ten topics the engine reads, and the subsidiarity and openness test (recorded, published).
    assert page.locator("#task-list li").count() == 11
    assert "Subsidiarity and openness" in page.locator("#task-list").inner_text()
    check(page, "review-02-task-list")

    # People at risk: none of the three limbs.
    open_topic(page, "People at risk")
    choose(page, "Does the service involve significant contact with people at risk?", "No")
    choose(page, "Does the service exercise coercive powers?", "No")
    choose(page, "Could outsourcing put people's rights at risk?", "No")
    check(page, "review-03-topic")
    save_topic(page, review_url, "People at risk")

    # Contract facts: the counterparty is a private company.
    open_topic(page, "Contract facts")
    choose(page, "Who is the counterparty?", "A private company")
    assert_accessible(page)
    save_topic(page, review_url, "Contract facts")

    # Consultation and the decision: every prerequisite done.
    open_topic(page, "Consultation and the decision")
    enter_date(page, "Planned decision date", 20, 12, 2026)
    choose(page, "Has consultation been done?", "Yes")
    choose(page, "Has an equality impact assessment been done?", "Yes")
    choose(page, "Is this a key decision?", "Yes")
    enter_date(page, "Key-decision notice published on", 1, 10, 2026)
    assert_accessible(page)
    save_topic(page, review_url, "Consultation and the decision")

    # The recommendation: the statutory presumption, complete.
    assert recommendation(page) == (PRESUMPTION, "decided"), panel(page)
    assert page.locator("#recommendation-status").inner_text() == "Recommendation complete"
    assert PRESUMPTION in panel(page)
    # All that is left before signing is a named decision-maker: sending for decision names one.
    assert page.locator("#prerequisites li").all_inner_texts() == ["A named decision-maker"]
    check(page, "review-04-recommendation")

    # Evidence: the trade union consultation summary, a real PDF, on the workforce topic.
    # (Not on "Has consultation been done?": evidence on a yes/no answer breaks the evaluation;
    # see test_evidence_on_a_yes_no_answer_keeps_the_recommendation.)
    open_topic(page, "Workforce")
    title = "Trade union consultation summary, November 2026"
    add_evidence(page, "workforce", "Trade unions consulted on", title, evidence_pdf)
    link = page.get_by_role("link", name=title)
    assert link.is_visible()
    assert recommendation(page) == (PRESUMPTION, "decided"), panel(page)
    check(page, "review-05-evidence")
    download = page.request.get(live_server.url + link.get_attribute("href"))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body() == evidence_pdf.read_bytes()

    # Send for decision to Dana Decider.
    page.get_by_role("link", name="Back to the review").click()
    page.wait_for_url(review_url)
    assert page.locator("#evidence-list").get_by_role("link", name=title).is_visible()
    page.locator("#submit-link").click()
    page.wait_for_url("**/submit/")
    page.get_by_label("Dana Decider").check()
    check(page, "review-06-send")
    page.locator("#send").click()
    page.wait_for_url(review_url)
    assert "Sent to Dana Decider for signature" in banner(page)
    assert page.locator("#review-state").get_attribute("data-state") == "awaiting-decision"
    assert recommendation(page) == (PRESUMPTION, "decided"), panel(page)
    assert page.locator("#prerequisites").count() == 0, panel(page)
    assert_accessible(page)
    sign_out(page)

    # The decision-maker accepts the recommendation and signs.
    sign_in(page, live_server, "decider")
    page.goto(review_url)
    page.locator("#sign-link").click()
    page.wait_for_url("**/sign/")
    accept = page.get_by_label(re.compile(r"^Accept the recommendation: .*presumption"))
    assert accept.is_checked()
    check(page, "review-07-sign")
    submit_refused(page, "#sign")  # without the confirmation: refused, and says why
    assert "Confirm that you take this decision" in error_summary(page)
    assert_accessible(page)
    page.get_by_label(re.compile(r"^I have read the recommendation")).check()
    page.locator("#sign").click()
    page.wait_for_url(review_url)
    assert "Decision signed" in banner(page)
    assert page.locator("#review-state").get_attribute("data-state") == "decided"
    decision = page.locator("#decision").inner_text()
    assert PRESUMPTION in decision and "Dana Decider" in decision
    assert "Departs from the recommendation" not in decision
    assert_accessible(page)
    sign_out(page)

    # The legal officer confirms the redaction and publishes.
    sign_in(page, live_server, "legal")
    page.goto(review_url)
    page.locator("#publish-link").click()
    page.wait_for_url("**/publish/")
    page.get_by_label("What was redacted, and why").fill(
        "Names of individual staff in the consultation summary (personal data)."
    )
    check(page, "review-08-publish")
    submit_refused(page, "#publish")  # without the confirmation: refused, and says why
    assert "Confirm the redaction before publishing" in error_summary(page)
    page.get_by_label(re.compile(r"^I confirm that personal data")).check()
    page.locator("#publish").click()
    page.wait_for_url(review_url)
    assert "Decision pack published" in banner(page)
    public_path = page.locator("#published-link").get_attribute("href")
    assert re.fullmatch(r"/public/decisions/\d+/", public_path), public_path
    assert_accessible(page)
    sign_out(page)

    # The public, signed out: the pack, and its PDF.
    page.goto(live_server.url + public_path)
    assert sign_in_link(page).is_visible()
    assert "presumption of in-house delivery" in page.locator("#pack-outcome").inner_text()
    pack = page.locator("#decision-pack").inner_text()
    assert REFUSE in pack
    assert "Dana Decider" in pack and "Lee Legal" in pack
    assert title in pack
    check(page, "review-09-public-pack")
    pdf = page.request.get(live_server.url + page.locator("#pack-pdf").get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-") and b"%%EOF" in pdf.body()[-1024:]


# --- 2. Day opportunities, Warwickshire: people at risk -------------------------------------


def test_day_opportunities_contract_is_at_risk(demo, page, live_server):
    sign_in(page, live_server, "officer")
    review_url = open_review(page, live_server, "WAR", DAY_OPPORTUNITIES)
    assert page.locator("#review-state").get_attribute("data-state") == "open"

    # The value is published as 0: the officer corrects it, and names the counterparty.
    open_topic(page, "Contract facts")
    value = page.get_by_role("spinbutton", name="Value of the next term, including VAT")
    assert value.input_value() in ("0", "0.00"), value.input_value()
    value.fill("2400000")
    choose(page, "Does the value include VAT?", "Includes VAT")
    choose(page, "Who is the counterparty?", "A private company")
    check(page, "review-10-value-corrected")
    save_topic(page, review_url, "Contract facts")

    # Significant contact with adults at risk; no coercive powers, no risk to rights.
    open_topic(page, "People at risk")
    choose(page, "Does the service involve significant contact with people at risk?", "Yes")
    choose(page, "Does the service exercise coercive powers?", "No")
    choose(page, "Could outsourcing put people's rights at risk?", "No")
    page.get_by_role("textbox", name="Groups affected").fill(AT_RISK_GROUP)
    assert_accessible(page)
    save_topic(page, review_url, "People at risk")

    assert recommendation(page) == (AT_RISK, "decided"), panel(page)
    assert (
        "because it affects people at risk" in page.locator("#recommendation-outcome").inner_text()
    )
    check(page, "review-11-at-risk")

    # With the procedure not done it cannot be sent for decision, and the page says why: the
    # same check as the panel's list and the signature's (one function).
    panel_items = page.locator("#prerequisites li").all_inner_texts()
    assert any("key-decision notice" in i for i in panel_items), panel_items
    page.locator("#submit-link").click()
    page.wait_for_url("**/submit/")
    page.get_by_label("Dana Decider").check()
    submit_refused(page, "#send")
    refusal = error_summary(page)
    assert "The decision cannot be taken on" in refusal, refusal
    assert "consultation (Local Government Act" in refusal, refusal
    assert "key-decision notice" in refusal, refusal
    assert_accessible(page)
    check(page, "review-12-send-refused")


# --- A defect found on the way ----------------------------------------------------------------


def test_evidence_on_a_yes_no_answer_keeps_the_recommendation(
    demo, evidence_pdf, page, live_server
):
    sign_in(page, live_server, "officer")
    open_review(page, live_server, "WAR", DAY_OPPORTUNITIES)
    open_topic(page, "Consultation and the decision")
    add_evidence(
        page, "prerequisites", "Has consultation been done?", "Consultation summary", evidence_pdf
    )
    assert recommendation(page) != (None, None), (
        f"attaching a PDF to 'Has consultation been done?' broke the evaluation: {panel(page)!r}"
    )
