"""Re-imports update in place with history; officer corrections survive them."""

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.register.models import Contract, ContractEvent, PlannedProcurement, Supplier
from insource.register.services.corrections import contract_correct
from insource.register.services.imports import register_import
from insource.testing.ocds_samples import package, release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def seeded(system_actor):
    from insource.authorities.services.authorities import authorities_seed

    authorities_seed(by=system_actor, at=TEST_NOW)


def load(tmp_path, name, system_actor, *releases):
    path = tmp_path / name
    path.write_text(package(*releases))
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded", summary.errors
    return summary


def test_fields_read_from_ocds(tmp_path, system_actor):
    load(tmp_path, "a.json", system_actor, release())
    contract = Contract.objects.get()
    assert contract.buyer.code == "BST" and contract.reviewing_authority.code == "BST"
    assert contract.title == "Household waste collection"
    assert contract.cpv_codes == ["90511000"] and contract.nature == "services"
    assert str(contract.value_amount) == "1200000.00" and contract.value_vat_basis == "unknown"
    assert str(contract.value_inc_vat) == "1440000.00" and contract.is_value_inc_vat_estimate
    supplier = Supplier.objects.get()
    assert supplier.name == "J&B Recycling Ltd" and supplier.company_number == "01234567"
    assert supplier.is_sme is True and supplier.is_vcse is False and supplier.postcode == "BS1 1AA"


def test_newer_release_updates_in_place_with_history(tmp_path, system_actor):
    load(tmp_path, "a.json", system_actor, release())
    newer = release(
        id="release-2", date="2025-03-01T00:00:00Z", **{"awards.0.value.amount": 1500000}
    )
    # newest first in the file: releases merge by date, not file order
    summary = load(tmp_path, "b.json", system_actor, newer, release())
    assert (summary.created, summary.updated) == (0, 1)
    contract = Contract.objects.get()
    assert str(contract.value_amount) == "1500000.00"
    event = contract.events.filter(kind=ContractEvent.Kind.UPDATED).get()
    assert event.changes["value_amount"] == ["1200000.00", "1500000.00"]
    assert contract.provenance_of("value_amount")["release"] == "release-2"
    assert contract.provenance_of("title")["release"] == "release-1"


def test_officer_correction_wins_over_reimport(tmp_path, system_actor):
    load(tmp_path, "a.json", system_actor, release())
    contract = Contract.objects.get()
    contract_correct(
        contract=contract,
        field="title",
        value="Waste collection (Bristol)",
        reason="title on the contract",
        by=system_actor,
        at=TEST_NOW,
    )
    changed = release(
        id="release-2",
        date="2025-03-01T00:00:00Z",
        **{"tender.title": "Household waste and recycling"},
    )
    load(tmp_path, "b.json", system_actor, changed)
    contract.refresh_from_db()
    assert contract.title == "Waste collection (Bristol)"
    assert contract.source_values["title"] == "Household waste and recycling"
    assert contract.overrides["title"]["reason"] == "title on the contract"


def test_tender_only_ocid_is_planned_not_a_contract(tmp_path, system_actor):
    tender = release(ocid="ocds-plan-1", id="p1", tag=["tender"], awards=[])
    tender["tender"]["tenderPeriod"] = {"endDate": "2025-05-01T12:00:00Z"}
    summary = load(tmp_path, "t.json", system_actor, tender)
    assert summary.planned == 1 and summary.created == 0
    assert PlannedProcurement.objects.get().stage == "tender"
    assert not Contract.objects.exists()


def test_jsonl_and_record_package(tmp_path, system_actor):
    import json

    lines = tmp_path / "r.jsonl"
    lines.write_text(json.dumps(release()) + "\n")
    register_import(path=lines, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    records = tmp_path / "records.json"
    records.write_text(
        json.dumps({"records": [{"ocid": "ocds-b5fd17-test-0001", "releases": [release()]}]})
    )
    again = register_import(path=records, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert (again.created, again.unchanged) == (0, 1)


def test_nature_disagreement_warns(tmp_path, system_actor):
    goods = release(**{"tender.mainProcurementCategory": "goods"})
    summary = load(tmp_path, "a.json", system_actor, goods)
    assert any(w.field == "nature" for w in summary.warnings)
    assert Contract.objects.get().nature == "goods"


def test_same_award_twice_in_a_file_warns_and_keeps_the_later(tmp_path, system_actor):
    import csv

    folder = tmp_path / "flat"
    folder.mkdir()
    awards = folder / "awards.csv"
    header = [
        "_link",
        "_link_release",
        "id",
        "title",
        "description",
        "status",
        "date",
        "value_amount",
        "value_currency",
        "contractPeriod_startDate",
        "contractPeriod_endDate",
        "datePublished",
    ]
    with open(awards, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for link, value in (("1.awards.0", "1000"), ("2.awards.0", "2000")):
            writer.writerow(
                [
                    link,
                    link[0],
                    "same-award",
                    "",
                    "",
                    "active",
                    "2024-01-01",
                    value,
                    "GBP",
                    "2024-02-01",
                    "2026-01-31",
                    "2024-01-05",
                ]
            )
    (folder / "buyer.csv").write_text(
        "_link,_link_release,name\n1,1,Bristol City Council\n2,2,Bristol City Council\n"
    )
    (folder / "suppliers.csv").write_text("_link,_link_release,_link_awards,name\n")
    summary = register_import(path=folder, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded" and summary.created == 1
    assert any("appears twice" in w.message for w in summary.warnings)
    assert str(Contract.objects.get(award_id="same-award").value_amount) == "2000.00"


def test_a_contract_retired_as_a_duplicate_stays_retired_after_a_reimport(tmp_path, system_actor):
    from insource.register.selectors.contracts import contract_list
    from insource.register.services.corrections import contract_retire

    load(tmp_path, "a.json", system_actor, release())
    contract = Contract.objects.get()
    original = Contract.objects.create(
        source_key="hand/1",
        ocid="ocds-hand-1",
        buyer=contract.buyer,
        reviewing_authority=contract.reviewing_authority,
        buyer_name=contract.buyer_name,
        title="Household waste collection",
        content_hash="x",
    )
    contract_retire(
        contract=contract, duplicate_of=original, reason="Twice", by=system_actor, at=TEST_NOW
    )
    changed = release(
        id="release-2",
        date="2025-03-01T00:00:00Z",
        **{"tender.title": "Household waste and recycling"},
    )
    summary = load(tmp_path, "b.json", system_actor, changed)
    assert (summary.created, summary.updated) == (0, 1)
    contract.refresh_from_db()
    assert contract.duplicate_of == original
    assert contract.title == "Household waste and recycling"
    assert list(contract_list()) == [original]
    kinds = set(contract.events.values_list("kind", flat=True))
    assert {ContractEvent.Kind.RETIRED, ContractEvent.Kind.UPDATED} <= kinds
