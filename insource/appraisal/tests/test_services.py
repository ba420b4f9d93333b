"""The appraisal's services: audited writes, immutable runs, and the figures flowing into
criterion T4 of the review's evaluation."""

import pytest

from insource.appraisal.engine import AppraisalInputError
from insource.appraisal.models import AppraisalRun, ImmutableError
from insource.appraisal.selectors import appraisal_answers, run_for_decision
from insource.appraisal.services import (
    AppraisalRefused,
    appraisal_line_remove,
    appraisal_line_save,
    run_hash,
)
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.testing import appraisal as b
from insource.testing.workflow import NOW, TODAY

pytestmark = pytest.mark.django_db


def _result(review):
    review.refresh_from_db()
    return review.evaluation["result"]


def _t4(result):
    (entry,) = [e for e in result["trace"] if e["id"] == "track.public_interest_test"]
    return entry


def test_a_run_is_stored_whole_and_audited():
    _authority, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    assert appraisal.lines.count() == 46
    run = b.run(appraisal, officer, draws=10_000, seed=42)
    assert (run.number, run.seed, run.draws) == (1, 42, 10_000)
    assert run.document["appraisal_on"] == TODAY.isoformat()
    assert run.sha256 == run_hash(run.document, 42, 10_000, run.results)
    actions = set(
        AuditEvent.objects.filter(action__startswith="appraisal.").values_list("action", flat=True)
    )
    assert actions == {"appraisal.start", "appraisal.load", "appraisal.run"}
    assert b.run(appraisal, officer, draws=10_000, seed=42).number == 2


def test_runs_are_immutable():
    _a, people, review = b.reviewed()
    run = b.run(b.appraisal_with_sample(review, b.officer_of(people)), b.officer_of(people))
    with pytest.raises(ImmutableError):
        run.save()
    with pytest.raises(ImmutableError):
        AppraisalRun.objects.filter(pk=run.pk).update(seed=1)
    with pytest.raises(ImmutableError):
        run.delete()


def test_the_appraisal_decides_t4_and_its_figures_reach_the_trace():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    b.answer(review, "public-interest-test", b.PIT_CLAIMED, officer)
    before = _t4(_result(review))
    assert before["result"] == "unknown" and any("T4" in u for u in before["unknown"])
    appraisal = b.appraisal_with_sample(review, officer)
    run = b.run(appraisal, officer)
    result = _result(review)
    assert result["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    (failed,) = _t4(result)["failed"]
    inhouse = f"£{run.results['options']['inhouse']:,.0f}"
    assert "the options appraisal gives in-house " + inhouse in failed
    facts = review.evaluation["facts"]["public_interest_test"]["appraisal"]
    assert facts["run_id"] == run.pk and facts["run_sha256"] == run.sha256
    assert facts["p_inhouse_cheaper"] == f"{run.results['p_inhouse_cheaper']:.4f}"


def test_a_cheaper_outsourced_price_passes_t4_and_changes_the_outcome():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    b.answer(review, "public-interest-test", b.PIT_CLAIMED, officer)
    doc = b.sample()
    doc["options"]["outsourced"]["lines"][0]["amount_gbp"] = {
        "min": 3_600_000,
        "most_likely": 3_800_000,
        "max": 4_000_000,
    }
    b.run(b.appraisal_with_sample(review, officer, doc), officer)
    result = _result(review)
    assert result["outcome"] == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    assert "probability that in-house costs less" in _t4(result)["held"][0]


def test_the_latest_run_replaces_a_typed_probability():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    b.answer(
        review,
        "public-interest-test",
        b.PIT_CLAIMED | {"public_interest_test.appraisal.p_inhouse_cheaper": "0.1000"},
        officer,
    )
    assert _result(review)["outcome"] == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    b.run(b.appraisal_with_sample(review, officer), officer)
    assert _result(review)["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"


def test_a_run_bumps_the_review_version_so_a_stale_signature_is_refused():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    review.refresh_from_db()
    version = review.version
    b.run(appraisal, officer)
    review.refresh_from_db()
    assert review.version == version + 1


def test_a_stale_appraisal_version_is_refused():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    line = appraisal.lines.get(option="inhouse", key="fuel")
    with pytest.raises(AppraisalRefused, match="Someone else changed"):
        appraisal_line_save(
            appraisal=appraisal,
            option="inhouse",
            spec=line.spec,
            version=1,
            on=TODAY,
            by=Actor.for_user(officer),
            at=NOW,
            line=line,
        )


def test_a_line_that_breaks_the_appraisal_is_refused_and_nothing_changes():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    bad = {
        "id": "x",
        "category": "pension",
        "label": "X",
        "source": "s",
        "percent_of": ["nobody"],
        "rate_pct": 5,
    }
    with pytest.raises(AppraisalInputError, match="no line 'nobody'"):
        appraisal_line_save(
            appraisal=appraisal,
            option="inhouse",
            spec=bad,
            version=appraisal.version,
            on=TODAY,
            by=Actor.for_user(officer),
            at=NOW,
        )
    assert not appraisal.lines.filter(key="x").exists()


def test_a_line_others_are_a_percentage_of_cannot_be_removed():
    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    pay = appraisal.lines.get(option="inhouse", key="crew-pay")
    with pytest.raises(AppraisalRefused, match="is a percentage of this line"):
        appraisal_line_remove(
            appraisal=appraisal,
            line=pay,
            version=appraisal.version,
            on=TODAY,
            by=Actor.for_user(officer),
            at=NOW,
        )


def test_without_a_run_there_are_no_appraisal_facts():
    _a, _people, review = b.reviewed()
    assert appraisal_answers(review) == []


def test_a_signed_decision_names_the_run_and_closes_the_appraisal():
    from insource.reviews.services.decisions import decision_sign
    from insource.reviews.services.editing import review_submit

    _a, people, review = b.reviewed()
    officer = b.officer_of(people)
    appraisal = b.appraisal_with_sample(review, officer)
    run = b.run(appraisal, officer)
    review.refresh_from_db()
    maker = people["decision-maker"]
    review_submit(
        review=review,
        decision_maker=maker,
        version=review.version,
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW,
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
    assert decision.facts["public_interest_test"]["appraisal"]["run_id"] == run.pk
    assert run_for_decision(decision) == run
    with pytest.raises(AppraisalRefused, match="signed decision"):
        b.run(appraisal, officer)
