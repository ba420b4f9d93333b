"""Builders for review-workflow tests: an adopting council, its people by role, a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from conftest import TEST_NOW, TEST_TODAY
from insource.authorities.models import Membership, Role
from insource.register.tests.factories import AuthorityFactory, ContractFactory, UserFactory

ADOPTED_ON = date(2026, 4, 1)


def council(**kwargs):
    """A county council that adopted labour-2019-local on 1 April 2026."""
    fields = {
        "policy_preset": "labour-2019-local",
        "policy_adopted_on": ADOPTED_ON,
        "kind": "local-authority",
        "nation": "England",
    }
    return AuthorityFactory(**(fields | kwargs))


def person(authority, *roles, username=None, **kwargs):
    user = UserFactory(
        **({"username": username} if username else {}),
        email=f"{username or 'someone'}@example.org",
        **kwargs,
    )
    for role in roles:
        Membership.objects.create(user=user, authority=authority, role=role)
    return user


def team(authority) -> dict:
    """One person for every role of the authority, keyed by role."""
    return {
        role: person(authority, role, username=f"{authority.code.lower()}-{role}") for role in Role
    }


def refuse_contract(authority, **kwargs):
    """A refuse collection contract ending within the lead time."""
    fields = {
        "title": "Refuse and recycling collection",
        "main_cpv": "90511000",
        "value_amount": Decimal("12000000.00"),
        "start_on": date(2020, 4, 1),
        "end_on": date(2027, 9, 30),
        "max_end_on": date(2027, 9, 30),
    }
    return ContractFactory(buyer=authority, **(fields | kwargs))


NOW, TODAY = TEST_NOW, TEST_TODAY


# Facts that make a refuse contract's review complete: not at risk, a private counterparty,
# consultation and equality impact assessment done, not a key decision.
DECIDED_FACTS = {
    "at-risk": {
        "at_risk.significant_contact": False,
        "at_risk.coercive_powers": False,
        "at_risk.rights_risk": False,
    },
    "contract": {"contract.counterparty": "private"},
    "prerequisites": {
        "consultation_done": True,
        "equality_impact_assessment_done": True,
        "is_key_decision": False,
    },
}


def decided_review(
    authority, people, contract, *, facts=None, outcome="INSOURCE_STATUTORY_PRESUMPTION"
):
    """Open the contract's review, answer `facts` as its review officer, send it to its
    decision-maker and sign `outcome` (the recommendation: by default the statutory
    presumption); the Decision."""
    from insource.core.audit import Actor
    from insource.reviews.models import Review
    from insource.reviews.questions import BY_SLUG
    from insource.reviews.services.decisions import decision_sign
    from insource.reviews.services.editing import review_answer, review_submit
    from insource.reviews.services.opening import reviews_open_due

    system, officer, maker = (
        Actor.system("tests"),
        people[Role.REVIEW_OFFICER],
        people[Role.DECISION_MAKER],
    )
    reviews_open_due(on=TODAY, by=system, at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    for slug, values in (facts or DECIDED_FACTS).items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=TODAY,
            by=Actor.for_user(officer),
            user=officer,
            at=NOW,
        )
    review.refresh_from_db()
    review_submit(
        review=review, decision_maker=maker, version=review.version, on=TODAY, by=system, at=NOW
    )
    review.refresh_from_db()
    return decision_sign(
        review=review,
        signer=maker,
        outcome=outcome,
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
