"""The staff transfer and consultation timeline checks (TUPE reg. 11: 28 days)."""

from datetime import date

from insource.reviews.workflow.checks import workflow_warnings

ON = date(2026, 11, 23)
TRANSFER = "2027-10-01"


def test_nothing_recorded_nothing_to_say():
    assert workflow_warnings({}, on=ON) == []


def test_eli_exactly_28_days_before_is_enough():
    answers = {
        "workflow.workforce.transfer_on": TRANSFER,
        "workflow.workforce.eli_on": "2027-09-03",
        "workflow.workforce.unions_consulted_on": "2027-06-01",
    }
    assert workflow_warnings(answers, on=ON) == []


def test_eli_27_days_before_is_late():
    answers = {
        "workflow.workforce.transfer_on": TRANSFER,
        "workflow.workforce.eli_on": "2027-09-04",
        "workflow.workforce.unions_consulted_on": "2027-06-01",
    }
    (warning,) = workflow_warnings(answers, on=ON)
    assert "27 days" in warning and "at least 28" in warning


def test_missing_eli_and_unions_are_named():
    warnings = workflow_warnings({"workflow.workforce.transfer_on": TRANSFER}, on=ON)
    assert len(warnings) == 2
    assert "not been received" in warnings[0] and "trade unions" in warnings[1]


def test_past_re_review_date():
    answers = {"good_reasons.capacity.re_review_on": "2026-01-01"}
    assert workflow_warnings(answers, on=ON) == ["The capacity re-review date has passed"]
