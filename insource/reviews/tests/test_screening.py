"""Screening the register: outcomes, idempotence, trace dedup, the class memo and the command."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from conftest import TEST_NOW
from insource.core.models import AuditEvent
from insource.policy import evaluate
from insource.policy.presets import get_preset
from insource.reviews.models import Screening, ScreeningTrace
from insource.reviews.selectors import screenings as selectors
from insource.reviews.services.screener import Screener
from insource.reviews.services.screening import contracts_screen
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    SupplierFactory,
    empty_register,
)

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 23)


@pytest.fixture
def register(db):
    """The test sees only the contracts it makes, whatever register the session loaded."""
    empty_register()


def screen(system_actor, **kwargs):
    return contracts_screen(on=ON, by=system_actor, at=TEST_NOW, **kwargs)


def outcome_of(contract) -> str:
    return selectors.screening_for(contract).outcome


def test_gateway_outcomes(register, system_actor):
    council = AuthorityFactory(name="Kent County Council")
    below = ContractFactory(main_cpv="90911000", value_inc_vat=Decimal("150000.00"))
    goods = ContractFactory(main_cpv="30192000", nature="goods", value_inc_vat=Decimal("4e5"))
    public = ContractFactory(main_cpv="79100000", value_inc_vat=Decimal("900000.00"))
    public.suppliers.set([SupplierFactory(name="KENT COUNTY COUNCIL")])
    refuse = ContractFactory(main_cpv="90511000", value_inc_vat=Decimal("12000000.00"))
    parking = ContractFactory(main_cpv="98351000", value_inc_vat=Decimal("2500000.00"))
    screen(system_actor)
    assert outcome_of(below) == "EXEMPT_BELOW_THRESHOLD"
    assert outcome_of(goods) == "EXEMPT_NOT_RELEVANT_CONTRACT"
    assert outcome_of(public) == "EXEMPT_PUBLIC_PUBLIC"
    assert outcome_of(refuse) == "INSOURCE_AT_RISK_GUIDANCE"
    found = selectors.screening_for(parking)
    assert (found.outcome, found.status) == ("INSOURCE_AT_RISK_GUIDANCE", "incomplete")
    assert found.is_provisional and not found.is_policy_adopted
    assert found.trace.trace["provisional_at_risk"][0]["limbs"] == ["coercive_powers"]
    assert council.pk


def test_a_grossed_up_estimate_keeps_its_marker(register, system_actor):
    contract = ContractFactory(
        value_amount=Decimal("180000"),
        value_vat_basis="unknown",
        value_inc_vat=Decimal("216000.00"),
        is_value_inc_vat_estimate=True,
    )
    screen(system_actor)
    found = selectors.screening_for(contract)
    assert found.is_value_estimate
    assert found.outcome == "INSOURCE_AT_RISK_GUIDANCE"


def test_second_run_creates_nothing_and_changed_facts_are_rewritten(register, system_actor):
    contracts = [ContractFactory() for _ in range(3)]
    first = screen(system_actor)
    assert (first.screened, first.created, first.unchanged) == (3, 3, 0)
    again = screen(system_actor)
    assert (again.created, again.updated, again.unchanged, again.traces_created) == (0, 0, 3, 0)
    assert Screening.objects.count() == 3
    contracts[0].value_inc_vat = Decimal("9000000.00")
    contracts[0].save()
    third = screen(system_actor)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 2)
    assert Screening.objects.count() == 3
    assert AuditEvent.objects.filter(action="reviews.screen").count() == 3


def test_identical_traces_are_stored_once(register, system_actor):
    authority = AuthorityFactory()
    values = ["300000.00", "450000.00", "12345678.90"]
    for value in values:
        ContractFactory(buyer=authority, main_cpv="90511000", value_inc_vat=Decimal(value))
    ContractFactory(buyer=authority, main_cpv="90511000", value_inc_vat=Decimal("1000.00"))
    summary = screen(system_actor)
    assert summary.traces_created == ScreeningTrace.objects.count() == 2
    text = json.dumps([t.trace for t in ScreeningTrace.objects.all()])
    assert not any(f"{Decimal(v):,}" in text or v in text for v in values + ["1000.00"])


def test_adoption_is_recorded_and_one_authority_can_be_screened(register, system_actor):
    adopter = AuthorityFactory(policy_preset="labour-2019-local", policy_adopted_on=ON)
    other = AuthorityFactory()
    ContractFactory(buyer=adopter)
    ContractFactory(buyer=other)
    summary = screen(system_actor, authority=adopter)
    assert (summary.screened, summary.adopted) == (1, 1)
    assert list(Screening.objects.values_list("is_policy_adopted", flat=True)) == [True]
    assert [s.authority for s in selectors.screenings_latest(authority=adopter, on=ON)] == [adopter]
    assert not selectors.screenings_latest(authority=adopter, on=date(2026, 1, 1)).exists()


def test_command_prints_a_json_summary(register, capsys):
    ContractFactory(main_cpv="90911000", value_inc_vat=Decimal("150000.00"))
    call_command("reviews", "screen", "--on", "2026-11-23", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["screened"] == data["created"] == 1
    assert data["by_outcome"] == {"EXEMPT_BELOW_THRESHOLD": 1}


@pytest.mark.parametrize("value", ["207719.99", "207720.00", "663540.00", "5193000.00", None])
@pytest.mark.parametrize("ends", ["2026-11-22", "2026-11-23", "2027-06-01", None])
def test_the_class_memo_gives_what_the_engine_gives(value, ends):
    """A class's shared result equals the engine's own decision for each of its members."""
    preset = get_preset(None)
    screener = Screener(ON, {preset.name: preset})
    screener.screen(_facts("1000.00", "2030-01-01"))
    for cpv in (["90911000"], ["85312000"], ["30192000"], []):
        facts = _facts(value, ends, cpv)
        shared, _ = screener.screen(_facts("1000.00", "2030-01-01", cpv))
        own = evaluate(facts, preset=preset)
        result, _ = screener.screen(facts)
        assert (result.outcome, result.status) == (own.outcome or "", own.status)
        assert result.flags == tuple(f["code"] for f in own.flags)
        assert shared.outcome or True


def _facts(value, ends, cpv=("90911000",)) -> dict:
    contract = {"cpv": list(cpv) or None, "value_inc_vat": value, "ends_on": ends}
    contract = {k: v for k, v in contract.items() if v is not None}
    return {"decision_on": ON.isoformat(), "preset": "labour-2019-local", "contract": contract}


def test_the_real_register(real_register, system_actor, django_assert_max_num_queries):
    """Every contract of the real demo register is screened; measured counts (2026-11-23):
    21,478 contracts, 13,096 below threshold, 8,080 at-risk insourcing (mostly precautionary:
    no CPV or service recorded), 190 not relevant, 112 public-public; 407 distinct traces."""
    from insource.register.models import Contract

    with django_assert_max_num_queries(200):
        summary = screen(system_actor)
    assert summary.screened == summary.created == Contract.objects.count() > 20_000
    counts = summary.by_outcome
    assert 0.55 < counts["EXEMPT_BELOW_THRESHOLD"] / summary.screened < 0.7
    assert 0.3 < counts["INSOURCE_AT_RISK_GUIDANCE"] / summary.screened < 0.45
    assert 100 < counts["EXEMPT_NOT_RELEVANT_CONTRACT"] < 400
    assert 50 < counts["EXEMPT_PUBLIC_PUBLIC"] < 300
    assert summary.traces_created < 2_000
    assert 0 < summary.adopted < 2_000
    assert screen(system_actor).created == 0


def test_pipeline_shows_screening_only_for_adopters(register, system_actor, client, officer_login):
    from django.contrib.auth import get_user_model

    adopter = AuthorityFactory(policy_preset="labour-2019-local", policy_adopted_on=ON)
    other = AuthorityFactory()
    soon = date(2027, 3, 31)
    ContractFactory(buyer=adopter, end_on=soon, max_end_on=soon)
    ContractFactory(buyer=other, end_on=soon, max_end_on=soon)
    screen(system_actor)
    rows = {
        c.reviewing_authority_id: c
        for c in selectors.pipeline_screened(on=ON, within_months=18).contracts
    }
    assert rows[adopter.pk].screening_adopted and rows[adopter.pk].screening_label
    assert not rows[other.pk].screening_adopted
    officer_login(client, get_user_model().objects.create_user("p-officer", password="x-pw-12345!"))
    page = client.get("/register/pipeline/").content.decode()
    assert "Provisional screening" in page and "Policy not adopted" in page
