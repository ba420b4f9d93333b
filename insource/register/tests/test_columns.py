"""A contract's columns are defined once (`register/columns.py`, ADR 0024): the public API's
contract fields, the register CSV's header and the contract page's headings all derive from
that definition, in the order they always had; officer-only columns stay out of the public."""

from __future__ import annotations

import pytest

from insource.api.public.serializers import ContractSerializer
from insource.register import columns
from insource.register.exporters import csv as csv_export
from insource.register.exporters.queries import OFFICER_COLUMNS
from insource.register.models import Contract
from insource.register.presenters import summary_rows
from insource.register.services.writer import TRACKED

API_FIELDS = (
    "id url ocid award_id title description buyer_name buyer reviewing_authority suppliers "
    "main_cpv cpv_codes nature value_amount value_currency value_vat_basis value_inc_vat "
    "is_value_inc_vat_estimate awarded_on start_on end_on max_end_on status is_framework "
    "is_terminated decisions"
).split()
CSV_HEADER = (
    "id,ocid,award_id,title,description,buyer_name,buyer_authority,reviewing_authority,"
    "reviewing_authority_name,supplier_names,supplier_ids,main_cpv,cpv_codes,nature,value_amount,"
    "value_currency,value_vat_basis,value_inc_vat,is_value_inc_vat_estimate,awarded_on,start_on,"
    "end_on,max_end_on,status,is_framework,is_terminated\r\n"
)
PAGE_HEADINGS = [
    "Title",
    "Buyer as published",
    "Open contracting ID",
    "Award ID",
    "Description",
    "Nature",
    "CPV codes",
    "Value as published",
    "Value including VAT",
    "Awarded",
    "Start date",
    "End date",
    "Latest end date with extensions",
    "Status",
    "Framework",
    "Terminated",
]


def test_the_public_api_contract_fields_are_the_columns_in_order():
    assert ContractSerializer.Meta.fields == columns.api_fields() == API_FIELDS
    assert list(ContractSerializer().fields) == API_FIELDS


def test_the_register_csv_header_is_the_columns_in_order():
    assert list(csv_export.REGISTER_COLUMNS) == list(columns.csv_columns())
    assert next(csv_export.register_csv([])) == CSV_HEADER


@pytest.mark.django_db
def test_the_contract_page_headings_are_the_columns_labels_in_order():
    from insource.testing.factories import ContractFactory

    rows = summary_rows(ContractFactory())
    assert [r.name for r in rows] == list(columns.PAGE)
    assert [r.key for r in rows] == [str(columns.LABELS[k]) for k in columns.PAGE]
    assert [r.key for r in rows] == PAGE_HEADINGS


def test_officer_columns_are_deferred_by_the_exports_and_never_public():
    officer = set(columns.officer_fields())
    assert set(OFFICER_COLUMNS) == officer
    assert officer == {"provenance", "source_values", "overrides", "quality_flags"} | {
        "flag_codes",
        "content_hash",
        "nature_source",
    }
    assert officer.isdisjoint(columns.api_fields()) and officer.isdisjoint(columns.csv_columns())


def test_every_column_reads_a_real_field_and_the_importer_tracks_the_stored_ones():
    names = {f.name for f in Contract._meta.get_fields()}
    for column in columns.COLUMNS:
        if column.field is not None:
            assert column.field.split("__")[0] in names, column.key
    stored = {
        c.field
        for c in columns.COLUMNS
        if c.field in names and c.field not in {"id", "suppliers"}
        if Contract._meta.get_field(c.field).concrete
    }
    written_apart = {"provenance", "source_values", "overrides", "content_hash"}
    tracked = set(TRACKED) | {name.removesuffix("_id") for name in TRACKED}  # buyer_id: buyer
    assert stored - written_apart - tracked == set()
