"""The outcomes the engine can reach (POLICY.md §2 names), and how to read them.

`OUTCOMES` says what an outcome *means* and names its route, and never why it was reached: the
why belongs to the rule that established it (`insource.policy.reasons`), so a sentence that
claims a test was met can only come from the rule the trace shows established it.
"""

EFFECTS = {
    "INSOURCE_LEGAL_REQUIREMENT": "The service must be brought in house",
    "EXEMPT_NOT_RELEVANT_CONTRACT": "The review does not apply",
    "EXEMPT_PUBLIC_PUBLIC": "The review does not apply",
    "EXEMPT_BELOW_THRESHOLD": "The review does not apply",
    "INSOURCE_AT_RISK_GUIDANCE": "The service should be brought in house",
    "INSOURCE_STATUTORY_PRESUMPTION": "The service should be brought in house",
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": "The service may stay outsourced",
    "OUTSOURCE_GOOD_REASON_CAPACITY": "The service may stay outsourced for a limited time",
    "OUTSOURCE_GOOD_REASON_SEPARATION": "The service may stay outsourced",
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": "The service may stay outsourced",
    "OUTSIDE_PRESUMPTION_SPECIALIST_CARE": "The presumption of in-house delivery does not apply",
    "CONSIDER_INSOURCING": "The buyer should consider bringing the service in house (advisory)",
    "NOT_IN_SCOPE": "Insourcing need not be considered",
}
ROUTES = {
    "INSOURCE_LEGAL_REQUIREMENT": "the legal requirement",
    "EXEMPT_NOT_RELEVANT_CONTRACT": "the exemption for contracts the policy does not cover",
    "EXEMPT_PUBLIC_PUBLIC": "the public-public exemption",
    "EXEMPT_BELOW_THRESHOLD": "the below-threshold exemption",
    "INSOURCE_AT_RISK_GUIDANCE": "the at-risk guidance",
    "INSOURCE_STATUTORY_PRESUMPTION": "the presumption of in-house delivery",
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": "the risk mitigation good reason",
    "OUTSOURCE_GOOD_REASON_CAPACITY": "the capacity good reason",
    "OUTSOURCE_GOOD_REASON_SEPARATION": "the separation good reason",
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": "the public interest test route",
    "OUTSIDE_PRESUMPTION_SPECIALIST_CARE": "the specialist social care carve-out",
    "CONSIDER_INSOURCING": "PPN 024",
    "NOT_IN_SCOPE": "outside the scope of PPN 024",
}
OUTCOMES = {code: f"{EFFECTS[code]} ({ROUTES[code]})." for code in EFFECTS}


def is_outsourcing(outcome: str | None) -> bool:
    return bool(outcome) and outcome.startswith(("OUTSOURCE_", "OUTSIDE_PRESUMPTION_"))
