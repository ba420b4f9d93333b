"""An officer's correction of what screening reads re-screens the contract, moves its open review
to the new decision point and re-evaluates it; a correction that terminates a contract opens
its review at once, as a published termination does (register signals, reviews receivers)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from conftest import TEST_NOW
from insource.core.models import AuditEvent
from insource.reviews.models import Review, Screening
from insource.reviews.selectors.screenings import screening_for
from insource.reviews.services.opening import review_open
from insource.reviews.services.screening import contracts_screen
from insource.testing.factories import AuthorityFactory, ContractFactory, empty_register

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 23)
AT = TEST_NOW


@pytest.fixture(autouse=True)
def register(db):
    empty_register()


@pytest.fixture
def adopter():
    return AuthorityFactory(policy_preset="labour-2019-local", policy_adopted_on=date(2026, 4, 1))


def correct(contract, field, value, actor, at=AT):
    from insource.register.services.corrections import contract_correct

    return contract_correct(
        contract=contract, field=field, value=value, reason="Checked", by=actor, at=at, on=ON
    )


def test_correcting_the_value_or_cpv_screens_the_contract_again(adopter, system_actor):
    contract = ContractFactory(buyer=adopter, main_cpv="90511000", value_inc_vat=Decimal("150000"))
    other = ContractFactory(buyer=adopter, main_cpv="90511000", value_inc_vat=Decimal("150000"))
    contracts_screen(on=ON, by=system_actor, at=AT)
    assert screening_for(contract).outcome == "EXEMPT_BELOW_THRESHOLD"
    untouched = screening_for(other).pk

    correct(contract, "value_amount", {"amount": "12000000", "vat_basis": "inc"}, system_actor)
    assert screening_for(contract).outcome == "INSOURCE_AT_RISK_GUIDANCE"
    assert Screening.objects.filter(contract=contract, screened_on=ON).count() == 1
    audit = AuditEvent.objects.filter(action="reviews.screen").latest("id")
    assert audit.after["contract"] == contract.pk and audit.after["screened"] == 1

    correct(contract, "cpv_codes", "30192000", system_actor)  # office supplies: goods
    contract.refresh_from_db()
    correct(contract, "nature", "goods", system_actor)
    assert screening_for(contract).outcome == "EXEMPT_NOT_RELEVANT_CONTRACT"
    assert screening_for(other).pk == untouched


def test_a_title_correction_does_not_screen(adopter, system_actor):
    contract = ContractFactory(buyer=adopter)
    correct(contract, "title", "Another name", system_actor)
    assert not Screening.objects.filter(contract=contract).exists()


def test_a_new_end_date_moves_the_open_review_and_evaluates_it_again(adopter, system_actor):
    contract = ContractFactory(buyer=adopter, end_on=date(2027, 3, 31), max_end_on=None)
    review = review_open(contract=contract, on=ON, by=system_actor, at=AT)
    assert review.decision_point_on == date(2027, 3, 31)
    version = review.version
    later = AT + timedelta(hours=1)
    correct(contract, "end_on", date(2028, 9, 30), system_actor, at=later)
    review.refresh_from_db()
    assert review.decision_point_on == date(2028, 9, 30) and review.trigger == "expiry"
    assert review.version == version + 1 and review.evaluated_at == later
    assert review.evaluation["facts"]["contract"]["ends_on"] == "2028-09-30"
    audit = AuditEvent.objects.get(action="reviews.reschedule")
    assert audit.before["decision_point_on"] == "2027-03-31"
    assert audit.after == {"decision_point_on": "2028-09-30", "trigger": "expiry"}
    # An extension option: the end date is the next decision point.
    correct(contract, "max_end_on", date(2030, 9, 30), system_actor)
    review.refresh_from_db()
    assert (review.decision_point_on, review.trigger) == (date(2028, 9, 30), "extension-option")


def test_a_signed_review_stays_where_it_was(adopter, system_actor):
    contract = ContractFactory(buyer=adopter, end_on=date(2027, 3, 31))
    review = review_open(contract=contract, on=ON, by=system_actor, at=AT)
    Review.objects.filter(pk=review.pk).update(is_signed=True)
    correct(contract, "end_on", date(2028, 9, 30), system_actor)
    review.refresh_from_db()
    assert review.decision_point_on == date(2027, 3, 31)


def test_terminating_by_correction_opens_the_review_at_once(adopter, system_actor):
    contract = ContractFactory(buyer=adopter, end_on=date(2029, 3, 31))
    ended = {"status": "terminated", "terminated_on": date(2026, 10, 31)}
    correct(contract, "status", ended, system_actor)
    review = Review.objects.get(contract=contract)
    assert review.trigger == "termination" and review.decision_point_on == ON


def test_no_review_for_an_authority_that_has_not_adopted(system_actor):
    contract = ContractFactory(end_on=date(2029, 3, 31))
    ended = {"status": "terminated", "terminated_on": date(2026, 10, 31)}
    correct(contract, "status", ended, system_actor)
    assert not Review.objects.filter(contract=contract).exists()


def test_undoing_a_correction_and_returning_a_contract_screen_it_again(adopter, system_actor):
    from insource.register.services.corrections import (
        contract_correction_undo,
        contract_retire,
        contract_unretire,
    )

    contract = ContractFactory(buyer=adopter, main_cpv="90511000", value_inc_vat=Decimal("150000"))
    correct(contract, "value_inc_vat", "12000000", system_actor)
    assert screening_for(contract).outcome == "INSOURCE_AT_RISK_GUIDANCE"
    contract_correction_undo(
        contract=contract, field="value_inc_vat", reason="x", by=system_actor, at=AT, on=ON
    )
    assert screening_for(contract).outcome == "EXEMPT_BELOW_THRESHOLD"

    twin = ContractFactory(buyer=adopter)
    contract_retire(contract=contract, duplicate_of=twin, reason="x", by=system_actor, at=AT)
    Screening.objects.filter(contract=contract).delete()
    contract_unretire(contract=contract, reason="Not a twin", by=system_actor, at=AT, on=ON)
    assert screening_for(contract).outcome == "EXEMPT_BELOW_THRESHOLD"
