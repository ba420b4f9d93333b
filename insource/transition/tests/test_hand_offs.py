"""A decision signed makes its transition plan by signal (ADR 0027), in the signing
transaction, so a failure in transition rolls the signing back."""

import pytest

from insource.core.models import AuditEvent
from insource.reviews.models import Decision, Review, ReviewState
from insource.reviews.signals import decision_signed
from insource.testing.transition import decided_in_house
from insource.transition import receivers
from insource.transition.models import TransitionPlan

pytestmark = pytest.mark.django_db


def _fail(**kwargs):
    raise RuntimeError("the plan failed")


def test_transition_listens_to_signings():
    assert decision_signed.has_listeners()


def test_a_decision_signed_makes_its_plan_and_a_failing_plan_rolls_the_signing_back(
    monkeypatch,
):
    _authority, _people, decision, plan = decided_in_house()
    assert plan.decision == decision
    monkeypatch.setattr(receivers, "transition_plan_open", _fail)
    with pytest.raises(RuntimeError, match="the plan failed"):
        decided_in_house(code="TRF")
    review = Review.objects.get(authority__code="TRF")
    assert review.state == ReviewState.AWAITING_DECISION and not review.is_signed
    assert not Decision.objects.filter(review=review).exists()
    assert not TransitionPlan.objects.filter(review=review).exists()
    assert AuditEvent.objects.filter(action="reviews.decision_sign").count() == 1
