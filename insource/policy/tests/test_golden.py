"""The golden table of POLICY.md §6, read from cases/*.yaml, and each case's explanation."""

import os

import pytest

from insource.testing.policy import CASES, GOLDEN, evaluate_case, load_case


def _codes(decision) -> set[str]:
    return {f["code"] for f in decision.flags}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_case(path):
    case = load_case(path)
    expect, decision = case["expect"], evaluate_case(case, path.name)
    assert (decision.outcome, decision.status) == (expect["outcome"], expect["status"])
    assert set(expect.get("flags", ())) <= _codes(decision)
    assert not set(expect.get("no_flags", ())) & _codes(decision)
    if "missing_evidence" in expect:
        assert decision.missing_evidence == sorted(expect["missing_evidence"])
    if "candidates" in expect:
        assert decision.candidates == expect["candidates"]
    for key in ("re_review_on", "term_cap_months"):
        if key in expect:
            assert decision.to_dict()[key] == expect[key]
    if "threshold" in expect:
        assert [o["value"] for o in decision.threshold["options"]] == [expect["threshold"]]
    for key, status in expect.get("standards", {}).items():
        assert decision.standards[key]["status"] == status, decision.standards[key]
    assert all(decision.standards[k]["mandatory"] for k in expect.get("mandatory", ()))
    for phrase in expect.get("explanation_mentions", ()):
        assert phrase in decision.explanation


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_explanation(path):
    """The plain-English explanation, as read and approved by a person, must not drift."""
    decision = evaluate_case(load_case(path), path.name)
    golden = GOLDEN / f"{path.stem}.txt"
    if os.environ.get("INSOURCE_UPDATE_GOLDEN"):
        golden.write_text(decision.explanation, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with INSOURCE_UPDATE_GOLDEN=1"
    assert decision.explanation == golden.read_text(encoding="utf-8")
