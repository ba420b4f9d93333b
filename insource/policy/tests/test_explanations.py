"""Explanations come from the rule that decided (issue 15): every reason in an explanation is
the reason of a rule the trace shows established it, with that rule's label and citation."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insource.policy import evaluate
from insource.policy.outcomes import OUTCOMES
from insource.policy.presets import preset_from_dict
from insource.policy.reasons import (
    BECAUSE,
    decided_sentence,
    entry_of,
    ground_sentences,
    outcome_sentence,
)
from insource.testing.policy import NOT_AT_RISK, base_facts
from insource.testing.policy_strategies import facts_documents

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LABOUR_OUTCOMES = sorted(set(OUTCOMES) - {"CONSIDER_INSOURCING", "NOT_IN_SCOPE"})
CONDITIONS = st.sampled_from(
    [
        {"fact": "contract.cpv", "starts_with": "90"},
        {"fact": "contract.cpv", "starts_with": "55524"},
        {"fact": "contract.counterparty", "is": "private"},
        {"fact": "contract.value_inc_vat", "gt": "500000"},
        {"fact": "at_risk.significant_contact", "is": True},
        {"not": {"fact": "contract.is_light_touch", "is": True}},
        {
            "any": [
                {"fact": "contract.nature", "is": "services"},
                {"fact": "public_interest_test.claimed", "is": True},
            ]
        },
    ]
)


@st.composite
def custom_rules(draw):
    """An authority's rule set: a few declarative rules at any step and priority."""
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        {
            "id": f"custom.rule_{n}",
            "label": f"Council rule {n}",
            "since": draw(st.sampled_from(["2019-07-01", "2026-01-01"])),
            "citation": f"Cabinet minute 2026/{n}",
            "condition": draw(CONDITIONS),
            "outcome": draw(st.sampled_from(LABOUR_OUTCOMES)),
            "step": draw(st.sampled_from(["0", "1", "3a", "3b"])),
            "priority": draw(st.integers(min_value=1, max_value=5)),
        }
        for n in range(count)
    ]


def _custom(rules):
    doc = {"name": "custom", "base": "labour-2019-local", "rules": rules}
    return preset_from_dict(doc, "generated")


def _established(decision) -> set[str]:
    return {e["id"] for e in decision.trace if e["result"] == "holds"}


def check_reasons_are_established(decision) -> None:
    """No sentence gives a rule's reason unless the trace shows that rule established it, and
    every rule that sets the outcome is named with its label and citation."""
    text, held = decision.explanation, _established(decision)
    for rule_id, reason in BECAUSE.items():
        if f"because {reason}" in text:
            assert rule_id in held, (rule_id, text)
    if "public interest test" in text.split("\n")[0]:
        assert "track.public_interest_test" in held or "(the public interest test route)" in text
    data = decision.to_dict()
    if decision.outcome and decision.grounds:
        first = entry_of(decision.trace, decision.grounds[0]["rule"])
        assert first["result"] == "holds"
        assert f"{first['label']} ({first['citation']})" in text
        assert text.startswith(f"Outcome: {outcome_sentence(data)}")
        if first["id"] not in BECAUSE:
            assert first["citation"] in outcome_sentence(data)
    for ground, sentence in zip(decision.grounds, ground_sentences(data), strict=True):
        if re.search(r"\bbecause\b", sentence):
            assert entry_of(decision.trace, ground["rule"])["result"] == "holds"


@FAST
@given(facts_documents(), custom_rules())
def test_explanations_come_from_the_rule_that_decided(doc, rules):
    doc = doc | {"preset": "custom"}
    check_reasons_are_established(evaluate(doc, preset=_custom(rules)))


@FAST
@given(facts_documents())
def test_shipped_preset_explanations_come_from_the_rule_that_decided(doc):
    check_reasons_are_established(evaluate(doc))


def test_a_custom_rule_never_claims_the_public_interest_test():
    """The reported case: a council's rule gives OUTSOURCE_PUBLIC_INTEREST_TEST_MET with no
    public interest test claimed; the explanation names the council's rule, not the test."""
    rule = {
        "id": "custom.leisure_stays_out",
        "label": "Leisure stays with the trust",
        "since": "2026-01-01",
        "citation": "Cabinet decision 2026/3",
        "condition": {"fact": "contract.cpv", "starts_with": "92"},
        "outcome": "OUTSOURCE_PUBLIC_INTEREST_TEST_MET",
        "step": "3b",
        "priority": 1,
    }
    facts = base_facts(cpv=["92610000"], nature="services", value_inc_vat="900000")
    facts["at_risk"] = NOT_AT_RISK
    decision = evaluate(facts | {"preset": "custom"}, preset=_custom([rule]))
    assert decision.outcome == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    assert "passed every part of the public interest test" not in decision.explanation
    assert decision.explanation.startswith(
        "Outcome: The service may stay outsourced (the public interest test route), because of "
        "the authority's own rule “Leisure stays with the trust” (Cabinet decision 2026/3)."
    )
    assert "- Leisure stays with the trust (Cabinet decision 2026/3):" in decision.explanation
    assert ground_sentences(decision.to_dict())[0].endswith("(Cabinet decision 2026/3).")


def test_the_built_in_public_interest_test_still_says_so():
    facts = base_facts(cpv=["92610000"], nature="services", value_inc_vat="900000")
    facts["at_risk"] = NOT_AT_RISK
    facts["public_interest_test"] = {f"T{n}": True for n in range(1, 11)}
    decision = evaluate(facts)
    assert outcome_sentence(decision.to_dict()) == (
        "The service may stay outsourced, because it passed every part of the public interest test."
    )


def test_no_reason_is_given_without_an_established_rule():
    data = {"outcome": "OUTSOURCE_PUBLIC_INTEREST_TEST_MET", "grounds": [], "trace": []}
    assert outcome_sentence(data) == OUTCOMES["OUTSOURCE_PUBLIC_INTEREST_TEST_MET"]
    assert "because" not in outcome_sentence(data)
    tampered = {
        "outcome": "OUTSOURCE_PUBLIC_INTEREST_TEST_MET",
        "grounds": [{"ground": "OUTSOURCE_PUBLIC_INTEREST_TEST_MET", "rule": "x"}],
        "trace": [{"id": "x", "result": "unknown", "label": "X", "citation": "c"}],
    }
    assert "because" not in outcome_sentence(tampered)


def test_a_departure_is_described_without_the_engine_s_reason():
    facts = base_facts(cpv=["92610000"], nature="services", value_inc_vat="900000")
    facts["at_risk"] = NOT_AT_RISK
    result = evaluate(facts).to_dict()
    assert decided_sentence("INSOURCE_STATUTORY_PRESUMPTION", result) == (
        "The service should be brought in house, because of the presumption of in-house delivery."
    )
    departed = decided_sentence("OUTSOURCE_GOOD_REASON_CAPACITY", result)
    assert departed == OUTCOMES["OUTSOURCE_GOOD_REASON_CAPACITY"]
    assert "because" not in departed
