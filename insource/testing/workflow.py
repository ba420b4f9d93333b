"""Builders for review-workflow tests: an adopting council, its people by role, a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Decision, Review
from insource.reviews.services.decisions import decision_sign
from insource.reviews.services.editing import (
    evidence_add,
    review_answer,
    review_submit,
)
from insource.reviews.services.opening import review_open, reviews_open_due
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing import TEST_NOW, TEST_TODAY
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    MembershipFactory,
    UserFactory,
)

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
        MembershipFactory(user=user, authority=authority, role=role)
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


# An outsourcing decision (the model contract's tests): POLICY.md golden scenario 2, capacity.
COMPLIANT_TERMS = {
    "proposed_terms.fair_wage_rate_gbp": "13.45",
    "proposed_terms.has_best_value_justification": True,
    "proposed_terms.gender_pay_audit": True,
    "proposed_terms.max_term_months": 30,
    "proposed_terms.has_no_fault_break": True,
    "proposed_terms.foi_clause": True,
    "proposed_terms.hra_clause": True,
    "proposed_terms.num_kpis": 3,
    "proposed_terms.prompt_payment_days": 30,
    "proposed_terms.provider_excluded": False,
    "proposed_terms.union_recognition_clause": False,
}
CAPACITY_FACTS = {
    "good_reasons.capacity.claimed": True,
    "good_reasons.capacity.insufficient_after_support": True,
    "good_reasons.capacity.support_measures_considered": True,
    "good_reasons.capacity.capacity_plan": True,
    "good_reasons.capacity.re_review_on": "2028-09-30",
}


def outsourcing_decision(authority, people, contract, *, on=None, at=None, **options):
    """Golden scenario 2 taken through the services: not at risk, capacity established
    (re-review 2028-09-30, evidence linked), compliant proposed terms (`terms` overrides some;
    `is_london` sets where the work is done); signed OUTSOURCE_GOOD_REASON_CAPACITY on `on`."""
    on, at, system = on or TODAY, at or NOW, Actor.system("tests")
    officer, maker = people[Role.REVIEW_OFFICER], people[Role.DECISION_MAKER]
    london = options.get("is_london", False)
    terms = COMPLIANT_TERMS | {"proposed_terms.fair_wage_rate_gbp": "14.80" if london else "13.45"}
    answers = DECIDED_FACTS | {
        "contract": {"contract.counterparty": "private", "contract.is_london": london},
        "capacity": CAPACITY_FACTS,
        "proposed-terms": terms | options.get("terms", {}),
    }
    review_open(contract=contract, on=on, by=system, at=at)
    review = Review.objects.get(contract=contract)
    for slug, values in answers.items():
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=values,
            disputed={},
            version=review.version,
            on=on,
            by=system,
            user=officer,
            at=at,
        )
    review.refresh_from_db()
    evidence_add(
        review=review,
        topic=BY_SLUG["capacity"],
        path="good_reasons.capacity.evidence",
        title="Depot and fleet survey",
        version=review.version,
        on=on,
        by=system,
        user=officer,
        at=at,
        url="https://example.org/depot-survey",
    )
    review.refresh_from_db()
    review_submit(
        review=review, decision_maker=maker, version=review.version, on=on, by=system, at=at
    )
    review.refresh_from_db()
    return decision_sign(
        review=review,
        signer=maker,
        outcome="OUTSOURCE_GOOD_REASON_CAPACITY",
        reason="",
        version=review.version,
        on=on,
        by=Actor.for_user(maker),
        at=at,
    )


NOT_AT_RISK = {
    "at_risk.significant_contact": False,
    "at_risk.coercive_powers": False,
    "at_risk.rights_risk": False,
    "at_risk.groups": None,
    "at_risk.powers": None,
    "at_risk.rights": None,
}


PREREQUISITES = {
    "decision_on": "2026-12-20",
    "procurement_start_on": None,
    "consultation_done": True,
    "equality_impact_assessment_done": True,
    "is_key_decision": True,
    "key_decision_notice_on": "2026-10-01",
}


def answer(review, slug, values, user, disputed=None):
    review.refresh_from_db()
    return review_answer(
        review=review,
        topic=BY_SLUG[slug],
        values=values,
        disputed=disputed or {},
        version=review.version,
        on=TODAY,
        by=Actor.for_user(user),
        user=user,
        at=NOW,
    )


def _refuse_contract_of_a_new_council():
    return refuse_contract(council())


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review opened by the system through `review_open` (on `opened_on`, at `opened_at`): by
    default of a refuse contract of a new council that adopted the policy."""

    class Meta:
        model = Review

    contract = factory.LazyFunction(_refuse_contract_of_a_new_council)
    opened_on = TODAY
    opened_at = NOW

    @classmethod
    def _create(cls, model_class, *, contract, opened_on, opened_at):
        return review_open(contract=contract, on=opened_on, by=Actor.system("tests"), at=opened_at)


class DecisionFactory(factory.django.DjangoModelFactory):
    """A decision signed through the services (`decided_review`): by default a refuse contract
    of a new council, its team (`people`) answering `facts` (by default DECIDED_FACTS) and its
    decision-maker signing `outcome`, the statutory presumption (a transition plan follows)."""

    class Meta:
        model = Decision

    contract = factory.LazyFunction(_refuse_contract_of_a_new_council)
    outcome = "INSOURCE_STATUTORY_PRESUMPTION"
    facts = None
    people = None

    @classmethod
    def _create(cls, model_class, *, contract, outcome, facts, people):
        authority = contract.reviewing_authority
        people = people or team(authority)
        return decided_review(authority, people, contract, facts=facts, outcome=outcome)
