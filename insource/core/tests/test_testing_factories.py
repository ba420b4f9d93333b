"""The factories of `insource/testing/` build what they say: plain rows for people, authorities,
roles and the register; the rows a service makes, through that service."""

from __future__ import annotations

import pytest

from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.reviews.models import Review, ReviewState
from insource.testing import factories as f
from insource.testing.appraisal import AppraisalFactory
from insource.testing.information_requests import InformationRequestFactory
from insource.testing.inhouse import InhouseServiceFactory
from insource.testing.transition import TransitionPlanFactory
from insource.testing.workflow import (
    TODAY,
    DecisionFactory,
    ReviewFactory,
    council,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db


def test_plain_rows():
    membership = f.MembershipFactory(role=Role.DECISION_MAKER)
    assert membership.user.check_password(f.PASSWORD)
    assert membership.authority.memberships.get().role == Role.DECISION_MAKER
    supplier = f.SupplierFactory()
    contract = f.ContractFactory(suppliers=[supplier])
    assert contract.supplier_names == supplier.name
    assert contract.reviewing_authority == contract.buyer
    assert f.ContractEventFactory(contract=contract).contract == contract
    assert f.PlannedProcurementFactory().buyer_name
    assert f.ImportRunFactory().status == "succeeded"


def test_a_review_is_opened_through_the_service():
    review = ReviewFactory()
    assert review.state == ReviewState.OPEN and review.opened_on == TODAY
    assert review.authority == review.contract.reviewing_authority
    assert AuditEvent.objects.filter(object_id=str(review.pk)).exists()


def test_a_decision_and_what_follows_are_made_through_the_services():
    decision = DecisionFactory()
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert Review.objects.get(pk=decision.review_id).is_signed
    plan = TransitionPlanFactory(decision=decision)
    assert plan.review == decision.review
    service = InhouseServiceFactory(decision=decision)
    assert service.contract == decision.contract


def test_a_decision_for_a_team_already_made():
    authority = council()
    people = team(authority)
    decision = DecisionFactory(contract=refuse_contract(authority), people=people)
    assert decision.signer == people[Role.DECISION_MAKER]


def test_an_appraisal_and_a_request():
    appraisal = AppraisalFactory(term_years=7)
    assert appraisal.term_years == 7 and appraisal.review.appraisal == appraisal
    request = InformationRequestFactory(title="Bin rounds")
    assert request.title == "Bin rounds" and request.state == "awaiting-response"
