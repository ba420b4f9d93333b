"""The register as CSV: stable, documented columns, streamed (the published decisions' CSV,
`transparency/exports/decisions.py`, is written with the same conventions by `rows_csv`).

One row per contract (`REGISTER_COLUMNS`); columns are only ever added at the end. Dates are
ISO (YYYY-MM-DD), money is plain decimal pounds, booleans are `true`/`false`, lists are joined
with "; ". A text cell that a spreadsheet would run as a formula (starting with = + - @ or a
tab), or that starts with an apostrophe, gets a leading apostrophe; `unescape` undoes it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal

from insource.register.exporters.queries import CHUNK

ESCAPED_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def authority_code(authority) -> str:
    """An authority as the exports name it: its code, else its key."""
    return authority.code or authority.key


REGISTER_COLUMNS: dict[str, Callable] = {
    "id": lambda c: c.pk,
    "ocid": lambda c: c.ocid,
    "award_id": lambda c: c.award_id,
    "title": lambda c: c.title,
    "description": lambda c: c.description,
    "buyer_name": lambda c: c.buyer_name,
    "buyer_authority": lambda c: authority_code(c.buyer),
    "reviewing_authority": lambda c: authority_code(c.reviewing_authority),
    "reviewing_authority_name": lambda c: c.reviewing_authority.name,
    "supplier_names": lambda c: "; ".join(s.name for s in c.suppliers.all()),
    "supplier_ids": lambda c: "; ".join(_supplier_id(s) for s in c.suppliers.all()),
    "main_cpv": lambda c: c.main_cpv,
    "cpv_codes": lambda c: "; ".join(c.cpv_codes),
    "nature": lambda c: c.nature,
    "value_amount": lambda c: c.value_amount,
    "value_currency": lambda c: c.value_currency,
    "value_vat_basis": lambda c: c.value_vat_basis,
    "value_inc_vat": lambda c: c.value_inc_vat,
    "is_value_inc_vat_estimate": lambda c: c.is_value_inc_vat_estimate,
    "awarded_on": lambda c: c.awarded_on,
    "start_on": lambda c: c.start_on,
    "end_on": lambda c: c.end_on,
    "max_end_on": lambda c: c.max_end_on,
    "status": lambda c: c.status,
    "is_framework": lambda c: c.is_framework,
    "is_terminated": lambda c: c.is_terminated,
}


def _supplier_id(supplier) -> str:
    if supplier.identifier_scheme and supplier.identifier_id:
        return f"{supplier.identifier_scheme}-{supplier.identifier_id}"
    return ""


def register_csv(contracts: Iterable) -> Iterator[str]:
    """The register, one row per contract, as CSV text chunks."""
    return rows_csv(contracts, REGISTER_COLUMNS)


def rows_csv(rows: Iterable, columns: dict[str, Callable]) -> Iterator[str]:
    buffer = _Buffer()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    yield buffer.take()
    iterate = rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else rows
    for n, row in enumerate(iterate, 1):
        writer.writerow([cell(get(row)) for get in columns.values()])
        if n % 500 == 0:
            yield buffer.take()
    yield buffer.take()


def cell(value) -> str:
    """One value as CSV text (see the module docstring for the conventions)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | Decimal | int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(ESCAPED_STARTS) else text


def unescape(text: str) -> str:
    """A text cell as it was before `cell` protected it from spreadsheets."""
    return text[1:] if text.startswith("'") else text


class _Buffer:
    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text
