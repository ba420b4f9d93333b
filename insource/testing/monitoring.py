"""Builders for the monitoring tests: a refuse contract kept outsourced by a signed decision
(the public interest test met, proposed terms compliant except `provider_excluded`, which is
left for award), made through the real review services."""

from __future__ import annotations

from insource.testing.workflow import DECIDED_FACTS, council, decided_review, refuse_contract, team

PIT = {"public_interest_test.claimed": True} | {
    f"public_interest_test.T{n}": True for n in range(1, 11)
}
TERMS = {
    "proposed_terms.fair_wage_rate_gbp": "13.45",
    "proposed_terms.has_best_value_justification": True,
    "proposed_terms.gender_pay_audit": True,
    "proposed_terms.max_term_months": 48,
    "proposed_terms.has_no_fault_break": True,
    "proposed_terms.foi_clause": True,
    "proposed_terms.hra_clause": True,
    "proposed_terms.num_kpis": 3,
    "proposed_terms.prompt_payment_days": 30,
    "proposed_terms.union_recognition_clause": False,
    "proposed_terms.social_value_plan": True,
    "proposed_terms.two_tier_clause": True,
    "proposed_terms.exit_plan": True,
    "proposed_terms.uses_model_contract": True,
}
CONTINUING_FACTS = DECIDED_FACTS | {"public-interest-test": PIT, "proposed-terms": TERMS}


def continuing(terms: dict | None = None):
    """(authority, people, contract, decision): a decision that keeps the contract outsourced."""
    authority = council(code="MON", name="Monitoring County Council")
    people = team(authority)
    contract = refuse_contract(authority)
    facts = CONTINUING_FACTS | {"proposed-terms": TERMS | (terms or {})}
    decision = decided_review(
        authority, people, contract, facts=facts, outcome="OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    )
    return authority, people, contract, decision
