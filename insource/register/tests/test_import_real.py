"""Importers on the real shipped files: counts match the sources; a second run creates nothing."""

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.authorities.models import Authority, AuthorityKind
from insource.demo.services import DEMO_SOURCES
from insource.register.models import Contract, ContractEvent, PlannedProcurement, Supplier
from insource.register.services.imports import register_import

pytestmark = pytest.mark.django_db
SOURCES = {name: (path, mapping) for name, path, mapping in DEMO_SOURCES}


def test_flattened_awards_all_imported(real_register):
    summary = real_register["contracts-finder-flattened"]
    assert summary.status == "succeeded"
    assert summary.created == 20_778  # one contract per row of awards.csv
    assert Contract.objects.filter(source_key__startswith="cf-flat:").count() == 20_778
    assert summary.errors == []


def test_ocds_releases_merged_per_ocid(real_register):
    summary = real_register["contracts-finder-ocds"]
    # 190 ocids: 141 with awards (143 awards), 49 tender- or planning-only.
    assert summary.created == 143
    assert summary.planned == 49
    assert PlannedProcurement.objects.count() == 49
    ocids = Contract.objects.filter(source_key__startswith="ocds:").values("ocid").distinct()
    assert ocids.count() == 141


def test_ocds_warnings_name_release_and_path(real_register):
    warnings = real_register["contracts-finder-ocds"].warnings
    uri = [w for w in warnings if "is not a 'uri'" in w.message]
    assert len(uri) == 2 and all(w.where.startswith("release ") for w in uri)
    assert uri[0].field.endswith("/url")
    duplicate = [w for w in warnings if "Multiple objects have the `id`" in w.message]
    assert {w.field for w in duplicate} == {"parties", "awards.suppliers"}


def test_contract_countdown_rows_grouped_into_contracts(real_register):
    summary = real_register["contract-countdown"]
    assert summary.created == 557  # 683 rows: one per contract and CPV code
    multi = Contract.objects.get(source_key="tabular:contract-countdown:454733")
    assert multi.cpv_codes and multi.title.startswith("Invitation to Tender for the Collection")


@pytest.mark.parametrize("name", list(SOURCES))
def test_second_import_creates_nothing(real_register, name, system_actor):
    path, mapping = SOURCES[name]
    before = Contract.objects.count(), Supplier.objects.count(), Authority.objects.count()
    again = register_import(path=path, mapping=mapping, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert again.status == "succeeded"
    assert (again.created, again.updated, again.planned) == (0, 0, 0)
    assert again.unchanged == real_register[name].created
    assert (Contract.objects.count(), Supplier.objects.count(), Authority.objects.count()) == before


def test_every_contract_has_a_buyer_and_reviewer(real_register):
    assert not Contract.objects.filter(buyer__isnull=True).exists()
    others = Authority.objects.exclude(kind=AuthorityKind.LOCAL_AUTHORITY)
    assert others.filter(kind=AuthorityKind.NHS).exists()
    assert Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY).count() == 470


def test_values_are_decimal_and_grossed_up(real_register):
    contract = Contract.objects.filter(
        value_amount__isnull=False, value_vat_basis="unknown"
    ).first()
    assert contract.is_value_inc_vat_estimate
    assert contract.value_inc_vat == (contract.value_amount * 120 / 100).quantize(
        contract.value_amount
    )


def test_html_entities_unescaped(real_register):
    assert not Supplier.objects.filter(name__contains="&amp;").exists()
    assert not Contract.objects.filter(supplier_names__contains="&amp;").exists()


def test_quality_flags_and_queue(real_register):
    no_value = Contract.objects.filter(value_amount__isnull=True, source_key__startswith="cf-flat:")
    assert no_value.count() == 390
    low = Contract.objects.filter(value_amount__lt=1000).first()
    assert any(f["code"] == "VALUE_UNDER_1000" for f in low.quality_flags) and low.needs_officer


def test_each_import_records_history(real_register):
    contract = Contract.objects.filter(source_key__startswith="ocds:").first()
    event = contract.events.get()
    assert event.kind == ContractEvent.Kind.IMPORTED and event.release_id
    assert contract.provenance_of("title")["import"] == contract.last_import_id
