"""Hypothesis strategies for facts documents, and completion domains for unknown facts."""

from __future__ import annotations

from hypothesis import strategies as st

from insource.policy.facts_fields import FIELDS

B3 = st.sampled_from([True, False, None])
CPVS = [
    ["90511000"],
    ["90910000"],
    ["30192000"],
    ["45210000"],
    ["45453000"],
    ["85311000"],
    ["79100000"],
    ["55524000"],
    None,
]
VALUES = ["100000", "207719.99", "207720", "663540", "900000", "1000000", "6000000", None]

# Facts that never count as unknown: defaults by rule (the CPV decides the nature; the decision
# date stands in for the procurement start; no appraisal means T4 is read directly), MS11 which
# is due at award by definition, and descriptive text.
NOT_UNKNOWN = {
    "version",
    "id",
    "decision_on",
    "procurement_start_on",
    "preset",
    "disputed",
    "proposed_terms.provider_excluded",
    "public_interest_test.appraisal.p_inhouse_cheaper",
    "public_interest_test.appraisal.inhouse_cost_gbp",
    "public_interest_test.appraisal.outsourced_cost_gbp",
}
DOMAINS = {
    "bool": [True, False],
    "evidence": [["evidence.pdf"]],
    "cpv": [c for c in CPVS if c],
    "int": [12, 30, 48, 70],
    "decimal": ["50", "90"],
    "date": ["2026-01-01", "2027-06-30", "2029-06-01", "2030-01-01"],
}
SPECIAL = {
    "contract.value_inc_vat": ["100000", "6000000"],
    "proposed_terms.fair_wage_rate_gbp": ["10.00", "20.00"],
    "proposed_terms.num_kpis": [1, 5],
    "proposed_terms.prompt_payment_days": [20, 60],
}


def domain(path: str) -> list:
    field = next(f for f in FIELDS if f.path == path)
    if path in SPECIAL:
        return SPECIAL[path]
    return list(field.choices) or DOMAINS.get(field.kind, [])


def _terms():
    return st.fixed_dictionaries(
        {},
        optional={
            "fair_wage_rate_gbp": st.sampled_from(["12.00", "13.45", "15.00", None]),
            "has_best_value_justification": B3,
            "gender_pay_audit": B3,
            "max_term_months": st.sampled_from([24, 36, 48, 72, None]),
            "has_no_fault_break": B3,
            "foi_clause": B3,
            "hra_clause": B3,
            "num_kpis": st.sampled_from([2, 3, None]),
            "prompt_payment_days": st.sampled_from([30, 45, None]),
            "provider_excluded": B3,
            "union_recognition_clause": B3,
        },
    )


def _good_reasons():
    evidence = st.sampled_from([["e.pdf"], None])
    return st.fixed_dictionaries(
        {
            "risk_mitigation": st.fixed_dictionaries(
                {"claimed": st.booleans(), "comparative_risk_assessment": B3, "evidence": evidence}
            ),
            "capacity": st.fixed_dictionaries(
                {
                    "claimed": st.booleans(),
                    "insufficient_after_support": B3,
                    "support_measures_considered": B3,
                    "capacity_plan": B3,
                    "evidence": evidence,
                    "re_review_on": st.sampled_from(["2028-09-30", "2029-06-02", None]),
                }
            ),
            "separation": st.fixed_dictionaries({"claimed": st.booleans(), "evidence": evidence}),
        }
    )


def _contract():
    return st.fixed_dictionaries(
        {
            "cpv": st.sampled_from(CPVS),
            "value_inc_vat": st.sampled_from(VALUES),
            "nature": st.sampled_from(
                ["services", "works", "goods", "concession", "framework", None]
            ),
            "counterparty": st.sampled_from(
                ["private", "vcse", "public-authority", "authority-controlled", None]
            ),
        },
        optional={
            "is_repair_or_maintenance": B3,
            "is_light_touch": st.booleans(),
            "delivers_authority_function": st.booleans(),
            "is_vertical_control": B3,
            "controller_activity_share_pct": st.sampled_from(["50", "90", None]),
            "value_vat_basis": st.sampled_from(["inc", "exc", "unknown"]),
            "is_specialist_social_care": st.booleans(),
            "can_be_contracted_out": st.booleans(),
            "has_assigned_workforce": B3,
            "right_to_challenge_eoi": B3,
            "ends_on": st.sampled_from(["2026-03-31", "2027-03-31", None]),
            "is_direct_award": B3,
            "is_health_psr": B3,
            "is_delivered_outside_uk": B3,
        },
    )


def facts_documents():
    """Facts documents as a council might send them, with many facts left unknown."""
    return st.fixed_dictionaries(
        {
            "decision_on": st.sampled_from(["2026-06-01", "2025-12-01"]),
            "procurement_start_on": st.sampled_from(["2025-12-15", "2026-05-01", None]),
            "preset": st.sampled_from(
                ["labour-2019-local", "labour-2019-local", "ppn-024-consider"]
            ),
            "contract": _contract(),
        }
    ).flatmap(lambda head: _rest(head))


def _rest(head):
    tests = st.fixed_dictionaries(
        {f"T{n}": st.sampled_from([True, True, True, False, None]) for n in range(1, 11)}
    )
    if head["preset"] == "ppn-024-consider":
        head = head | {"decision_on": "2026-06-01"}
    return st.fixed_dictionaries(
        {k: st.just(v) for k, v in head.items()}
        | {
            "at_risk": st.fixed_dictionaries(
                {k: B3 for k in ("significant_contact", "coercive_powers", "rights_risk")}
            ),
            "public_interest_test": st.one_of(
                st.just({}), tests.map(lambda t: t | {"claimed": True})
            ),
            "good_reasons": _good_reasons(),
            "proposed_terms": _terms(),
        }
    )
