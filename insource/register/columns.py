"""A contract's columns, defined once (ADR 0024): what the public sees of a contract and under
which name, in which order, from which field, with which label.

Each column is one cell of the register's CSV (its key is the header) or one field of the
public API's contract, or both; officer-only columns (provenance, corrections, data-quality
work) are listed too, marked not public, so the exports can leave them out by name. Read by:

- the CSV export (`exporters/csv.py`): `csv_columns()`, the header and each cell's value;
- the public API (`api/public/serializers.py`): `api_fields()`, the contract's fields in order
  (a nested object such as `buyer` appears once, where its first column is);
- the exports' queries (`exporters/queries.py`): `officer_fields()`, deferred;
- the register's selectors (`selectors/contracts.py`): `fields()`, the table's columns;
- the contract pages (`presenters.py`): `LABELS`, each field's label, and `PAGE`, the contract's
  summary rows in order.

Columns are only ever added at the end of the CSV and the API (both are documented as stable).
CSV cells are formatted by `exporters.csv.cell` from the value's type (`kind` says which: ISO
dates, plain decimal pounds, `true`/`false`, lists joined with "; ").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


def authority_code(authority) -> str:
    """An authority's public identifier: its code (`HRY`), or its key when it has none."""
    return authority.code or authority.key


def supplier_id(supplier) -> str:
    """A supplier's `<scheme>-<id>`, or "" when the source gave no identifier."""
    if supplier.identifier_scheme and supplier.identifier_id:
        return f"{supplier.identifier_scheme}-{supplier.identifier_id}"
    return ""


@dataclass(frozen=True)
class Column:
    """One column of a contract.

    `key` is the CSV header; `field` the model field (or lookup) it reads, None when it reads
    none of the contract's own; `get` the CSV cell's value from a contract; `label` the pages'
    label (None: the pages show the key); `kind` the CSV cell's format; `api` the public API's
    field it is part of (None: not in the API); `csv` whether the CSV has it; `public` False
    for an officer-only column."""

    key: str
    field: str | None
    get: Callable[[Any], Any] | None
    kind: str
    label: Promise | None = None
    api: str | None = None
    csv: bool = True
    public: bool = True


def _attr(name: str) -> Callable[[Any], Any]:
    return lambda contract: getattr(contract, name)


def _plain(key: str, kind: str, label: Promise | None = None, api: bool = True) -> Column:
    """A column that is the model field of the same name, in the CSV and (unless not) the API."""
    return Column(key, key, _attr(key), kind, label, key if api else None)


def _officer(key: str) -> Column:
    return Column(key, key, None, "officer", api=None, csv=False, public=False)


COLUMNS: tuple[Column, ...] = (
    _plain("id", "integer"),
    Column("url", None, None, "link", api="url", csv=False),
    _plain("ocid", "text", _("Open contracting ID")),
    _plain("award_id", "text", _("Award ID")),
    _plain("title", "text", _("Title")),
    _plain("description", "text", _("Description")),
    _plain("buyer_name", "text", _("Buyer as published")),
    Column(
        "buyer_authority", "buyer", lambda c: authority_code(c.buyer), "code", _("Buyer"), "buyer"
    ),
    Column(
        "reviewing_authority",
        "reviewing_authority",
        lambda c: authority_code(c.reviewing_authority),
        "code",
        _("Reviewing authority"),
        "reviewing_authority",
    ),
    Column(
        "reviewing_authority_name",
        "reviewing_authority__name",
        lambda c: c.reviewing_authority.name,
        "text",
        api="reviewing_authority",
    ),
    Column(
        "supplier_names",
        "suppliers",
        lambda c: "; ".join(s.name for s in c.suppliers.all()),
        "list",
        _("Suppliers"),
        "suppliers",
    ),
    Column(
        "supplier_ids",
        None,
        lambda c: "; ".join(supplier_id(s) for s in c.suppliers.all()),
        "list",
        api="suppliers",
    ),
    _plain("main_cpv", "text", _("Main CPV code")),
    Column(
        "cpv_codes",
        "cpv_codes",
        lambda c: "; ".join(c.cpv_codes),
        "list",
        _("CPV codes"),
        "cpv_codes",
    ),
    _plain("nature", "text", _("Nature")),
    _plain("value_amount", "money", _("Value as published")),
    _plain("value_currency", "text", _("Currency")),
    _plain("value_vat_basis", "text", _("VAT basis")),
    _plain("value_inc_vat", "money", _("Value including VAT")),
    _plain("is_value_inc_vat_estimate", "boolean"),
    _plain("awarded_on", "date", _("Awarded")),
    _plain("start_on", "date", _("Start date")),
    _plain("end_on", "date", _("End date")),
    _plain("max_end_on", "date", _("Latest end date with extensions")),
    _plain("status", "text", _("Status")),
    _plain("is_framework", "boolean", _("Framework")),
    _plain("is_terminated", "boolean", _("Terminated")),
    Column("decisions", None, None, "integers", api="decisions", csv=False),
    # Officers only: never exported, never in the public API.
    _officer("provenance"),
    _officer("source_values"),
    _officer("overrides"),
    _officer("quality_flags"),
    _officer("flag_codes"),
    _officer("content_hash"),
    _officer("nature_source"),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}

# The pages' label of each field (a contract's summary rows, its history, its provenance):
# every labelled column's, under its model field's name too where that differs.
LABELS: dict[str, Promise] = {
    **{c.key: c.label for c in COLUMNS if c.label is not None},
    **{c.api: c.label for c in COLUMNS if c.label is not None and c.api and c.api != c.key},
}

# The contract page's summary rows, in order (the register's and the public portal's).
PAGE: tuple[str, ...] = (
    "title",
    "buyer_name",
    "ocid",
    "award_id",
    "description",
    "nature",
    "cpv_codes",
    "value_amount",
    "value_inc_vat",
    "awarded_on",
    "start_on",
    "end_on",
    "max_end_on",
    "status",
    "is_framework",
    "is_terminated",
)


def csv_columns() -> dict[str, Callable[[Any], Any]]:
    """The register CSV's columns: header -> the cell's value from a contract, in order."""
    return {c.key: c.get for c in COLUMNS if c.csv and c.public}


def api_fields() -> list[str]:
    """The public API's contract fields, in order (each nested object once)."""
    return list(dict.fromkeys(c.api for c in COLUMNS if c.api and c.public))


def officer_fields() -> tuple[str, ...]:
    """The model fields only officers see (the exports defer them)."""
    return tuple(c.field for c in COLUMNS if not c.public)


def fields(*keys: str) -> tuple[str, ...]:
    """The model fields (or lookups) the named columns read, for `only()` or `values()`."""
    return tuple(BY_KEY[key].field for key in keys)
