"""Boundaries and every row of the threshold table (POLICY.md §3, §6 "Also test")."""

import pytest

from insource.policy import evaluate
from insource.testing.policy import NOT_AT_RISK, base_facts

EXEMPT = "EXEMPT_BELOW_THRESHOLD"


def decide(value, start="2026-05-01", category="sub-central", **contract):
    facts = base_facts(cpv=["90910000"], value_inc_vat=value, **contract)
    facts["procurement_start_on"] = start
    facts["authority"]["procurement_category"] = category
    facts["at_risk"] = NOT_AT_RISK
    return evaluate(facts)


@pytest.mark.parametrize(
    ("value", "outcome"),
    [
        ("207719.99", EXEMPT),
        ("207720.00", "INSOURCE_STATUTORY_PRESUMPTION"),
    ],
)
def test_value_boundary(value, outcome):
    assert decide(value).outcome == outcome


@pytest.mark.parametrize(
    ("start", "threshold"),
    [
        ("2025-12-31", "214904"),
        ("2026-01-01", "207720"),
    ],
)
def test_procurement_start_boundary(start, threshold):
    decision = decide("210000", start=start)
    assert decision.threshold["options"][0]["value"] == threshold
    assert decision.outcome == (
        EXEMPT if threshold == "214904" else "INSOURCE_STATUTORY_PRESUMPTION"
    )


ROWS = [  # category, contract facts, value before 2026, value from 2026
    ("sub-central", {"nature": "services"}, "214904", "207720"),
    ("central", {"nature": "services"}, "139688", "135018"),
    ("utility", {"nature": "services"}, "429809", "415440"),
    ("sub-central", {"nature": "works", "is_repair_or_maintenance": True}, "5372609", "5193000"),
    ("central", {"nature": "works", "is_repair_or_maintenance": True}, "5372609", "5193000"),
    ("sub-central", {"nature": "services", "is_light_touch": True}, "663540", "663540"),
    ("central", {"nature": "services", "is_light_touch": True}, "663540", "663540"),
    ("sub-central", {"nature": "concession"}, "5372609", "5193000"),
    ("sub-central", {"nature": "concession", "is_light_touch": True}, "5372609", "5372609"),
]


@pytest.mark.parametrize(("category", "contract", "before", "after"), ROWS)
def test_threshold_row(category, contract, before, after):
    for start, expected in (("2025-12-31", before), ("2026-01-01", after)):
        decision = decide("1", start=start, category=category, **contract)
        assert decision.threshold["options"][0]["value"] == expected
        assert decision.threshold["options"][0]["citation"]
        below = str(int(expected) - 1)
        assert decide(below, start=start, category=category, **contract).outcome == EXEMPT
        assert decide(expected, start=start, category=category, **contract).outcome != EXEMPT


def test_threshold_uses_decision_date_without_procurement_start():
    facts = base_facts(cpv=["90910000"], value_inc_vat="210000")
    del facts["procurement_start_on"]
    facts["decision_on"] = "2025-12-31"
    assert evaluate(facts).threshold["on"] == "2025-12-31"
    assert evaluate(facts).outcome == EXEMPT


def test_net_value_is_grossed_up_and_marked_estimate():
    decision = decide("180000", value_vat_basis="exc")
    assert decision.value == {
        "value_inc_vat": "216000.00",
        "stated": "180000",
        "estimate": True,
        "basis": "exc",
    }
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"


def test_unknown_vat_basis_near_threshold_is_incomplete():
    decision = decide("180000", value_vat_basis="unknown")
    assert decision.status == "incomplete"
    assert "contract.value_vat_basis" in decision.missing_evidence


def test_unknown_value_is_missing_evidence():
    decision = decide(None)
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.missing_evidence == ["contract.value_inc_vat"]


def test_recheck_threshold_when_change_falls_before_end():
    facts = base_facts(cpv=["90910000"], value_inc_vat="5000000", ends_on="2026-03-31")
    facts.update(decision_on="2025-11-01", procurement_start_on="2025-12-01", at_risk=NOT_AT_RISK)
    assert "RECHECK_THRESHOLD" in {f["code"] for f in evaluate(facts).flags}
