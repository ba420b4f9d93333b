"""The steps and strict priority order of POLICY.md §2, as data: one rule base, two programmes.

Each step lists (priority, rule id, outcome); a track step also has its default. The first
priority level with an established rule sets the outcome (Catala-style default logic).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    name: str
    slots: tuple[tuple[int, str, str], ...]
    default: tuple[str, str] | None = None


LEGAL = Step("0", ((1, "legal.cannot_contract_out", "INSOURCE_LEGAL_REQUIREMENT"),))

LABOUR = {
    "pre": (
        LEGAL,
        Step(
            "1",
            (
                (1, "gateway.not_relevant_contract", "EXEMPT_NOT_RELEVANT_CONTRACT"),
                (2, "gateway.public_public", "EXEMPT_PUBLIC_PUBLIC"),
                (3, "gateway.below_threshold", "EXEMPT_BELOW_THRESHOLD"),
            ),
        ),
    ),
    "3a": Step(
        "3a",
        (
            (1, "track.risk_mitigation", "OUTSOURCE_GOOD_REASON_RISK_MITIGATION"),
            (2, "track.capacity", "OUTSOURCE_GOOD_REASON_CAPACITY"),
        ),
        ("track.at_risk_default", "INSOURCE_AT_RISK_GUIDANCE"),
    ),
    "3b": Step(
        "3b",
        (
            (1, "track.specialist_care", "OUTSIDE_PRESUMPTION_SPECIALIST_CARE"),
            (2, "track.public_interest_test", "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"),
            (3, "track.capacity", "OUTSOURCE_GOOD_REASON_CAPACITY"),
            (4, "track.separation", "OUTSOURCE_GOOD_REASON_SEPARATION"),
        ),
        ("track.statutory_presumption", "INSOURCE_STATUTORY_PRESUMPTION"),
    ),
}

PPN_024 = {
    "pre": (
        LEGAL,
        Step(
            "1",
            (
                (1, "gateway.not_relevant_contract", "NOT_IN_SCOPE"),
                (2, "gateway.public_public", "NOT_IN_SCOPE"),
                (3, "ppn024.at_or_below_threshold", "NOT_IN_SCOPE"),
                (4, "ppn024.excluded", "NOT_IN_SCOPE"),
            ),
        ),
    ),
    "3": Step("3", (), ("ppn024.consider", "CONSIDER_INSOURCING")),
}

PROGRAMMES = {"labour-2019": LABOUR, "ppn-024": PPN_024}

GOOD_REASONS = {
    "track.risk_mitigation": "good_reasons.risk_mitigation.claimed",
    "track.capacity": "good_reasons.capacity.claimed",
    "track.separation": "good_reasons.separation.claimed",
}
