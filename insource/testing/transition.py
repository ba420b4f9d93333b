"""Builders for the transition tests: a council's refuse contract decided in house through the
real review services, which makes its plan."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest
from django.urls import reverse

from insource.core.audit import Actor
from insource.testing.workflow import (
    NOW,
    TODAY,
    DecisionFactory,
    council,
    decided_review,
    refuse_contract,
    team,
)
from insource.transition.models import TransitionPlan
from insource.transition.selectors import transition_plan_for_review
from insource.transition.services.workforce import liability_import

__all__ = ["LIABILITY_SAMPLE", "NOW", "TODAY", "decided_in_house", "url", "world"]


def decided_in_house(code: str = "TRN", **contract):
    """(authority, people, decision, plan): a refuse contract ending 30 September 2027,
    decided in house under the statutory presumption on 23 November 2026."""
    authority = council(code=code, name=f"{code} County Council")
    people = team(authority)
    decision = decided_review(authority, people, refuse_contract(authority, **contract))
    return authority, people, decision, transition_plan_for_review(decision.review)


LIABILITY_SAMPLE = (
    Path(__file__).resolve().parents[2] / "docs/samples/employee-liability-sample.csv"
)


@pytest.fixture
def world(db):
    authority, people, decision, plan = decided_in_house()
    liability_import(
        plan=plan,
        name=LIABILITY_SAMPLE.name,
        content=LIABILITY_SAMPLE.read_bytes(),
        by=Actor.system("t"),
        at=NOW,
    )
    return authority, people, decision, plan


def url(name, plan, **extra):
    return reverse(
        f"transition:{name}", kwargs={"code": plan.authority.code, "pk": plan.pk} | extra
    )


class TransitionPlanFactory(factory.django.DjangoModelFactory):
    """The transition plan an in-house decision makes when it is signed (by default a new
    decision's, through the services)."""

    class Meta:
        model = TransitionPlan

    decision = factory.SubFactory(DecisionFactory)

    @classmethod
    def _create(cls, model_class, *, decision):
        return transition_plan_for_review(decision.review)
