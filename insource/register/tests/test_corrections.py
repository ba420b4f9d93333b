"""Correcting the value, the status and the CPV codes, undoing a correction and returning a
retired contract (issue 17, officers' hands; ADR 0033): through the pages, and kept over a
real re-import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import TEST_NOW, TEST_TODAY
from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.register.models import Contract, ContractEvent
from insource.register.services.corrections import contract_correct, contract_retire
from insource.register.services.imports import register_import
from insource.testing.factories import AuthorityFactory, MembershipFactory, empty_register
from insource.testing.ocds_samples import package, release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def seeded(system_actor):
    from insource.authorities.services.authorities import authorities_seed

    empty_register()
    authorities_seed(by=system_actor, at=TEST_NOW)


def load(tmp_path, name, system_actor, *releases):
    path = tmp_path / name
    path.write_text(package(*releases))
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded", summary.errors
    return summary


@pytest.fixture
def contract(tmp_path, system_actor) -> Contract:
    """Bristol's household waste contract, imported: £1,200,000 with no VAT basis, CPV
    90511000, active, ending 31 March 2028."""
    load(tmp_path, "a.json", system_actor, release())
    return Contract.objects.get()


def sign_in(client, officer_login, authority, role=Role.REVIEW_OFFICER):
    membership = MembershipFactory(authority=authority, role=role)
    officer_login(client, membership.user)
    return membership.user


def url(name, contract, *args, code=None):
    code = code or contract.reviewing_authority.code
    return reverse(f"register:{name}", args=[code, contract.pk, *args])


def detail(client, contract):
    return client.get(reverse("register:contract-detail", args=[contract.pk]))


def row_of(page, name):
    return next(r for r in page.context["rows"] if r.name == name)


# The value ----------------------------------------------------------------------------------


def test_correcting_the_published_value_derives_the_value_including_vat(
    client, officer_login, contract
):
    user = sign_in(client, officer_login, contract.reviewing_authority)
    link = url("contract-correct", contract, "value_amount")
    assert link.encode() in detail(client, contract).content
    bad = client.post(link, {"value": "lots", "reason": ""})
    assert bad.status_code == 400
    text = bad.content.decode()
    for message in (
        "Enter an amount in pounds, like 125000",
        "Select whether the amount includes VAT",
        "Enter the reason for the correction",
    ):
        assert message in text
    assert 'value="lots"' in text
    response = client.post(
        link, {"value": "£1,000,000", "vat_basis": "exc", "reason": "The signed contract"}
    )
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.value_amount == Decimal("1000000.00") and contract.value_vat_basis == "exc"
    assert contract.value_inc_vat == Decimal("1200000.00") and contract.is_value_inc_vat_estimate
    assert contract.source_values["value_amount"] == "1200000.00"
    assert contract.source_values["value_vat_basis"] == "unknown"
    page = detail(client, contract)
    row = row_of(page, "value_amount")
    assert row.differs and row.value == "1,000,000.00 GBP (Excluding VAT)"
    assert row.source_value == "1,200,000.00 GBP (VAT basis not stated)"
    assert row.correction["by"] == user.get_username()
    assert url("contract-correction-undo", contract, "value_amount").encode() in page.content
    audit = AuditEvent.objects.get(action="register.contract_correct")
    assert audit.after["value_inc_vat"] == "1200000.00"
    assert audit.before["value_inc_vat"] == "1440000.00"


def test_a_corrected_value_survives_a_reimport_and_undo_brings_the_new_source_back(
    client, officer_login, contract, tmp_path, system_actor
):
    sign_in(client, officer_login, contract.reviewing_authority)
    client.post(
        url("contract-correct", contract, "value_amount"),
        {"value": "900000", "vat_basis": "inc", "reason": "Contract sum incl. VAT"},
    )
    newer = release(
        id="release-2", date="2025-03-01T00:00:00Z", **{"awards.0.value.amount": 1500000}
    )
    assert load(tmp_path, "b.json", system_actor, newer).updated == 1
    contract.refresh_from_db()
    assert contract.value_amount == Decimal("900000.00") and contract.value_vat_basis == "inc"
    assert contract.value_inc_vat == Decimal("900000.00")
    assert not contract.is_value_inc_vat_estimate
    assert contract.source_values["value_amount"] == "1500000.00"
    assert contract.source_values["value_inc_vat"] == "1800000.00"

    undo = url("contract-correction-undo", contract, "value_inc_vat")
    assert b"Undo the correction" in client.get(undo).content
    refused = client.post(undo, {"reason": ""})
    assert refused.status_code == 400
    assert "Enter the reason for undoing the correction" in refused.content.decode()
    response = client.post(undo, {"reason": "The feed has the right sum now"})
    assert response.status_code == 302
    contract.refresh_from_db()
    # Every field the correction set goes back to what the source publishes now.
    assert contract.value_amount == Decimal("1500000.00")
    assert contract.value_vat_basis == "unknown"
    assert contract.value_inc_vat == Decimal("1800000.00") and contract.is_value_inc_vat_estimate
    assert contract.overrides == {} and contract.source_values == {}
    event = contract.events.get(kind=ContractEvent.Kind.UNDONE)
    assert event.changes["value_amount"] == ["900000.00", "1500000.00"]
    assert event.reason == "The feed has the right sum now"
    audit = AuditEvent.objects.get(action="register.contract_correction_undo")
    assert audit.reason == "The feed has the right sum now"
    assert not row_of(detail(client, contract), "value_amount").differs
    # A later import updates the fields again.
    latest = release(
        id="release-3", date="2025-04-01T00:00:00Z", **{"awards.0.value.amount": 1600000}
    )
    load(tmp_path, "c.json", system_actor, latest)
    contract.refresh_from_db()
    assert contract.value_amount == Decimal("1600000.00")


def test_undo_of_a_value_not_corrected_goes_back_to_the_contract(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority)
    response = client.post(url("contract-correction-undo", contract, "end_on"), {"reason": "x"})
    assert response.status_code == 302
    assert not ContractEvent.objects.filter(kind=ContractEvent.Kind.UNDONE).exists()


# The status ---------------------------------------------------------------------------------


def test_terminated_asks_the_date_and_other_statuses_clear_it(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority, Role.CONTRACT_MANAGER)
    link = url("contract-correct", contract, "status")
    form = client.get(link).content.decode()
    assert "If it was terminated, when?" in form
    missing = client.post(link, {"value": "terminated", "reason": "Ended early"})
    assert missing.status_code == 400
    assert "Enter the date the contract was terminated" in missing.content.decode()
    unreal = {"ended_on_0": "31", "ended_on_1": "2", "ended_on_2": "2026"}
    response = client.post(link, {"value": "terminated", "reason": "Ended early", **unreal})
    assert "Enter a real date" in response.content.decode()
    future = {"ended_on_0": "1", "ended_on_1": "1", "ended_on_2": "2099"}
    response = client.post(link, {"value": "terminated", "reason": "Ended early", **future})
    assert "must be today or in the past" in response.content.decode()
    nothing = client.post(link, {"reason": "x"})
    assert "Select the contract&#x27;s status" in nothing.content.decode()

    ended = {"ended_on_0": "30", "ended_on_1": "9", "ended_on_2": "2026"}
    response = client.post(link, {"value": "terminated", "reason": "Ended early", **ended})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == "terminated" and contract.is_terminated
    assert contract.terminated_on == date(2026, 9, 30)
    page = detail(client, contract)
    assert row_of(page, "status").value == "Terminated on 30 September 2026"
    assert row_of(page, "status").source_value == "Active"
    assert row_of(page, "is_terminated").differs

    again = client.post(link, {"value": "active", "reason": "It was not", **ended})
    assert again.status_code == 302
    contract.refresh_from_db()
    assert (contract.status, contract.is_terminated, contract.terminated_on) == (
        "active",
        False,
        None,
    )
    assert contract.source_values["status"] == "active"


def test_a_corrected_status_survives_a_reimport(contract, tmp_path, system_actor):
    contract_correct(
        contract=contract,
        field="status",
        value={"status": "cancelled", "terminated_on": None},
        reason="Never went ahead",
        by=system_actor,
        at=TEST_NOW,
    )
    newer = release(
        id="release-2", date="2025-03-01T00:00:00Z", **{"awards.0.value.amount": 1500000}
    )
    load(tmp_path, "b.json", system_actor, newer)
    contract.refresh_from_db()
    assert contract.status == "cancelled" and contract.value_amount == Decimal("1500000.00")


# The CPV codes ------------------------------------------------------------------------------


def test_cpv_codes_are_checked_against_cpv_2008_main_code_first(
    client, officer_login, contract, tmp_path, system_actor
):
    sign_in(client, officer_login, contract.reviewing_authority)
    link = url("contract-correct", contract, "cpv_codes")
    assert 'value="90511000"' in client.get(link).content.decode()
    bad = client.post(link, {"value": "12345678, 90511000, hats", "reason": ""})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "12345678, hats: enter CPV codes of 8 digits from CPV 2008, like 90511000" in text
    assert "Enter the reason for the correction" in text
    empty = client.post(link, {"value": " ", "reason": "x"})
    assert "Enter at least one CPV code" in empty.content.decode()
    response = client.post(link, {"value": "85311000-2; 90511000", "reason": "Care, not waste"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.cpv_codes == ["85311000", "90511000"] and contract.main_cpv == "85311000"
    assert row_of(detail(client, contract), "cpv_codes").source_value == (
        "90511000 Refuse collection services"
    )
    newer = release(
        id="release-2",
        date="2025-03-01T00:00:00Z",
        **{"tender.classification": {"scheme": "CPV", "id": "90512000"}},
    )
    load(tmp_path, "b.json", system_actor, newer)
    contract.refresh_from_db()
    assert contract.main_cpv == "85311000"
    assert contract.source_values["main_cpv"] == "90512000"


def test_the_award_date_and_dates_against_each_other(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority)
    link = url("contract-correct", contract, "awarded_on")
    bad = client.post(
        link, {"value_0": "30", "value_1": "2", "value_2": "2025", "reason": "Award letter"}
    )
    assert "Enter a real date" in bad.content.decode()
    ok = client.post(
        link, {"value_0": "3", "value_1": "2", "value_2": "2025", "reason": "Award letter"}
    )
    assert ok.status_code == 302
    contract.refresh_from_db()
    assert contract.awarded_on == date(2025, 2, 3)
    before = client.post(
        url("contract-correct", contract, "end_on"),
        {"value_0": "1", "value_1": "1", "value_2": "2020", "reason": "x"},
    )
    assert "The end date must be the same as or after the start date" in before.content.decode()


# Another authority's officer, other roles -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("contract-correct", ["status"], {"value": "cancelled", "reason": "x"}),
        ("contract-correct", ["cpv_codes"], {"value": "85311000", "reason": "x"}),
        ("contract-correct", ["value_amount"], {"value": "1", "vat_basis": "inc", "reason": "x"}),
        ("contract-correction-undo", ["title"], {"reason": "x"}),
        ("contract-unretire", [], {"reason": "x"}),
    ],
)
def test_other_roles_and_authorities_are_refused(
    client, officer_login, contract, system_actor, name, args, data
):
    twin = Contract.objects.create(
        source_key="twin",
        buyer=contract.buyer,
        reviewing_authority=contract.reviewing_authority,
        buyer_name="Bristol",
        content_hash="x",
    )
    contract_correct(
        contract=contract, field="title", value="Mine", reason="x", by=system_actor, at=TEST_NOW
    )
    contract_retire(contract=contract, duplicate_of=twin, reason="x", by=system_actor, at=TEST_NOW)
    contract.refresh_from_db()
    before = (contract.title, contract.status, contract.cpv_codes, contract.duplicate_of_id)
    sign_in(client, officer_login, contract.reviewing_authority, Role.AUDITOR)
    assert client.get(url(name, contract, *args)).status_code == 403
    assert client.post(url(name, contract, *args), data).status_code == 403
    other = AuthorityFactory()
    sign_in(client, officer_login, other, Role.AUTHORITY_ADMIN)
    assert client.post(url(name, contract, *args, code=other.code), data).status_code == 404
    assert client.post(url(name, contract, *args), data).status_code == 404
    contract.refresh_from_db()
    assert (contract.title, contract.status, contract.cpv_codes, contract.duplicate_of_id) == before


# Returning a retired contract ---------------------------------------------------------------


def test_a_retired_contract_returns_to_the_register(client, officer_login, contract, system_actor):
    from insource.register.selectors.contracts import contract_list

    twin = Contract.objects.create(
        source_key="twin",
        buyer=contract.buyer,
        reviewing_authority=contract.reviewing_authority,
        buyer_name="Bristol",
        content_hash="x",
    )
    contract_retire(
        contract=contract, duplicate_of=twin, reason="Twice", by=system_actor, at=TEST_NOW
    )
    user = sign_in(client, officer_login, contract.reviewing_authority)
    link = url("contract-unretire", contract)
    assert link.encode() in detail(client, contract).content
    assert b"Return the contract to the register" in client.get(link).content
    refused = client.post(link, {"reason": " "})
    assert refused.status_code == 400
    assert "Enter the reason for returning the contract" in refused.content.decode()
    assert client.post(link, {"reason": "Two lots, two contracts"}).status_code == 302
    contract.refresh_from_db()
    assert contract.duplicate_of is None and contract in contract_list()
    event = contract.events.get(kind=ContractEvent.Kind.UNRETIRED)
    assert event.changes == {"duplicate_of": [twin.pk, None]} and event.by == user.get_username()
    audit = AuditEvent.objects.get(action="register.contract_unretire")
    assert audit.actor_user == user and audit.reason == "Two lots, two contracts"
    page = detail(client, contract)
    assert b"Returned to the register by an officer" in page.content
    assert url("contract-retire", contract).encode() in page.content
    # Not retired: the page sends the officer back to the contract.
    assert client.post(link, {"reason": "again"}).status_code == 302
    assert contract.events.filter(kind=ContractEvent.Kind.UNRETIRED).count() == 1


def test_a_returned_and_corrected_contract_exports_as_ocds(contract, system_actor):
    from insource.register.exporters.queries import contracts_for_export
    from insource.register.services.corrections import contract_unretire
    from insource.testing.ocds_export import build, errors_of

    twin = Contract.objects.create(
        source_key="twin",
        buyer=contract.buyer,
        reviewing_authority=contract.reviewing_authority,
        buyer_name="Bristol",
        content_hash="x",
    )
    contract_retire(contract=contract, duplicate_of=twin, reason="x", by=system_actor, at=TEST_NOW)
    contract_unretire(contract=contract, reason="x", by=system_actor, at=TEST_NOW)
    ended = {"status": "terminated", "terminated_on": date(2026, 9, 30)}
    contract_correct(
        contract=contract, field="status", value=ended, reason="x", by=system_actor, at=TEST_NOW
    )
    package = build("release", contracts_for_export().filter(pk=contract.pk))
    assert errors_of("release", package) == []
    assert package["releases"][-1]["contracts"][0]["status"] == "terminated"
