"""The outcomes the engine can reach (POLICY.md §2 names), and how to read them."""

OUTCOMES = {
    "INSOURCE_LEGAL_REQUIREMENT": "The service must be brought in house: it cannot lawfully be "
    "contracted out.",
    "EXEMPT_NOT_RELEVANT_CONTRACT": "The review does not apply: this is not a contract the policy "
    "covers.",
    "EXEMPT_PUBLIC_PUBLIC": "The review does not apply: the service is already provided by the "
    "public sector.",
    "EXEMPT_BELOW_THRESHOLD": "The review does not apply: the contract is worth less than the "
    "threshold.",
    "INSOURCE_AT_RISK_GUIDANCE": "The service should be brought in house, because it affects "
    "people at risk.",
    "INSOURCE_STATUTORY_PRESUMPTION": "The service should be brought in house, under the "
    "presumption of in-house delivery.",
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": "The service may stay outsourced, because the risks "
    "to people are best managed that way.",
    "OUTSOURCE_GOOD_REASON_CAPACITY": "The service may stay outsourced for a limited time, because "
    "the council cannot yet run it even with support.",
    "OUTSOURCE_GOOD_REASON_SEPARATION": "The service may stay outsourced, because it needs to be "
    "separate from the council.",
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": "The service may stay outsourced, because it passed "
    "every part of the public interest test.",
    "OUTSIDE_PRESUMPTION_SPECIALIST_CARE": "The presumption does not apply: this is specialist "
    "social care.",
    "CONSIDER_INSOURCING": "The buyer should consider bringing the service in house (advisory).",
    "NOT_IN_SCOPE": "Insourcing need not be considered: the contract is outside the scope of "
    "PPN 024.",
}


def is_outsourcing(outcome: str | None) -> bool:
    return bool(outcome) and outcome.startswith(("OUTSOURCE_", "OUTSIDE_PRESUMPTION_"))
