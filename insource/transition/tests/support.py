"""Builders for the transition tests: a council's refuse contract decided in house through the
real review services, which makes its plan."""

from __future__ import annotations

from insource.reviews.tests.workflow_support import (
    NOW,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)

__all__ = ["NOW", "TODAY", "decided_in_house"]


def decided_in_house(code: str = "TRN", **contract):
    """(authority, people, decision, plan): a refuse contract ending 30 September 2027,
    decided in house under the statutory presumption on 23 November 2026."""
    from insource.transition.selectors import transition_plan_for_review

    authority = council(code=code, name=f"{code} County Council")
    people = team(authority)
    decision = decided_review(authority, people, refuse_contract(authority, **contract))
    return authority, people, decision, transition_plan_for_review(decision.review)
