"""Engine consistency found by an independent reading of POLICY.md (issue 15): a preset applies
as a whole from its date, and the legal pre-check with the counterparty open."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insource.policy import evaluate
from insource.policy.errors import PresetError
from insource.testing.policy import NOT_AT_RISK, base_facts
from insource.testing.policy_strategies import facts_documents

PPN_ERROR = "the ppn-024-consider preset applies to decisions from 2026-06-01"


def _ppn(on: str, **contract) -> dict:
    facts = base_facts(**contract) | {"preset": "ppn-024-consider", "decision_on": on}
    facts["procurement_start_on"] = on
    return facts


@pytest.mark.parametrize(
    "contract",
    [
        {"cpv": ["90511000"], "value_inc_vat": "6000000"},  # in scope
        {"cpv": ["90511000"], "value_inc_vat": "100000"},  # at or below PPN 024's threshold
        {"cpv": ["30192000"], "nature": "goods"},  # not a relevant contract
        {"cpv": ["79100000"], "counterparty": "public-authority"},  # public-public
        {"cpv": ["79100000"], "can_be_contracted_out": False},  # legal requirement
    ],
)
def test_ppn_preset_before_its_date_is_refused_whatever_the_facts(contract):
    with pytest.raises(PresetError, match=PPN_ERROR):
        evaluate(_ppn("2026-05-31", **contract))
    assert evaluate(_ppn("2026-06-01", **contract)).outcome


def test_the_old_rule_set_reproduces_the_old_refusal_only_without_exemption():
    exempt = _ppn("2026-05-31", cpv=["30192000"], nature="goods")
    assert evaluate(exempt, ruleset="2026.1").outcome == "NOT_IN_SCOPE"
    with pytest.raises(PresetError, match=PPN_ERROR):
        evaluate(_ppn("2026-05-31", cpv=["90511000"], value_inc_vat="6000000"), ruleset="2026.1")


@settings(max_examples=40, deadline=None)
@given(facts_documents(), st.sampled_from(["2026-05-31", "2025-12-01", "2019-07-01"]))
def test_every_ppn_document_before_the_date_gets_the_same_error(doc, on):
    doc = doc | {"preset": "ppn-024-consider", "decision_on": on}
    with pytest.raises(PresetError) as caught:
        evaluate(doc)
    assert str(caught.value) == PPN_ERROR + ": choose another preset or date"


def _legal(counterparty, disputed=(), **contract):
    facts = base_facts(
        cpv=["90511000"],
        value_inc_vat="100000",  # below the threshold: a gateway exemption would hold
        can_be_contracted_out=False,
        counterparty=counterparty,
        **contract,
    )
    facts["at_risk"] = NOT_AT_RISK | {"significant_contact": True}
    facts["disputed"] = list(disputed)
    return facts


@pytest.mark.parametrize(
    ("counterparty", "disputed", "missing"),
    [
        (None, (), ["contract.counterparty"]),
        ("private", ["contract.counterparty"], ["contract.counterparty"]),
        (
            "authority-controlled",
            (),
            ["contract.controller_activity_share_pct", "contract.is_vertical_control"],
        ),
    ],
)
def test_legal_pre_check_with_the_counterparty_open(counterparty, disputed, missing):
    decision = evaluate(_legal(counterparty, disputed))
    assert (decision.outcome, decision.status) == ("INSOURCE_LEGAL_REQUIREMENT", "incomplete")
    assert decision.missing_evidence == missing
    assert decision.grounds == []
    assert "EXEMPT_BELOW_THRESHOLD" not in decision.explanation
    assert "unless" in decision.explanation.lower()
    ran = {e["id"] for e in decision.trace}
    assert "gateway.below_threshold" not in ran and "track.statutory_presumption" not in ran


def test_legal_pre_check_open_counterparty_resolves_either_way():
    known = evaluate(_legal("private"))
    assert (known.outcome, known.status) == ("INSOURCE_LEGAL_REQUIREMENT", "decided")
    public = evaluate(_legal("public-authority"))
    assert public.outcome == "EXEMPT_PUBLIC_PUBLIC"


def test_the_old_rule_set_went_on_to_a_threshold_exemption():
    assert evaluate(_legal(None), ruleset="2026.1").outcome == "EXEMPT_BELOW_THRESHOLD"


def test_unknown_rule_set_version_is_refused_clearly():
    with pytest.raises(PresetError, match="no rule-set version '1999.1'"):
        evaluate(_legal("private"), ruleset="1999.1")


@settings(max_examples=60, deadline=None)
@given(facts_documents())
def test_open_counterparty_and_no_contracting_out_only_gives_the_legal_outcomes(doc):
    doc["contract"] = doc["contract"] | {"can_be_contracted_out": False, "counterparty": None}
    if doc["preset"] == "ppn-024-consider":
        doc["decision_on"] = "2026-06-01"
    decision = evaluate(doc)
    assert decision.outcome == "INSOURCE_LEGAL_REQUIREMENT"
    assert decision.status == "incomplete"
    assert "contract.counterparty" in decision.missing_evidence
