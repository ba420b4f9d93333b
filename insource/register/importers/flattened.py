"""Flattened OCDS (flatten-tool's CSV sheets): awards.csv, buyer.csv and suppliers.csv.

Joined on `_link_release` (award to buyer) and `_link_awards` (supplier to award), the layout of
mySociety's procurement_data copy of Contracts Finder. Values carry no VAT flag.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from insource.core.spreadsheets import SheetLimits, sheet_rows
from insource.register.importers.checks import (
    clean_text,
    parse_flag,
)
from insource.register.importers.fields import FieldReader, RecordErrors
from insource.register.importers.records import ContractRecord, SupplierRecord

FLATTENED_LIMITS = SheetLimits(max_rows=2_000_000, max_columns=500)
SHEETS = ("awards.csv", "buyer.csv", "suppliers.csv")
BOILERPLATE = {"see description of related tender", "see description of related tender."}
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b")


class FlattenedLayoutError(Exception):
    """The folder is not flatten-tool's layout (a sheet or column is missing)."""


def sheets_dir(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    missing = [name for name in SHEETS if not (folder / name).exists()]
    if missing:
        raise FlattenedLayoutError(
            f"{folder}: missing {', '.join(missing)}: a flattened OCDS import needs the folder"
            " holding awards.csv, buyer.csv and suppliers.csv"
        )
    return folder


def _rows(path: Path, needed: set[str]) -> Iterator[tuple[int, dict]]:
    rows = sheet_rows(path, FLATTENED_LIMITS)
    headings = next(rows, (1, []))[1]
    absent = needed - set(headings)
    if absent:
        raise FlattenedLayoutError(
            f"{path.name}: missing column(s) {', '.join(sorted(absent))}"
            f" (columns found: {', '.join(headings)})"
        )
    for number, values in rows:
        if any(values):
            yield number, dict(zip(headings, values, strict=False))


def read_flattened(path: Path) -> Iterator[ContractRecord | RecordErrors]:
    """One record per row of awards.csv, with buyer and suppliers joined; errors are yielded."""
    folder = sheets_dir(path)
    buyers = {
        r["_link_release"]: r["name"]
        for _, r in _rows(folder / "buyer.csv", {"_link_release", "name"})
    }
    suppliers = defaultdict(list)
    for _, row in _rows(folder / "suppliers.csv", {"_link_awards", "name"}):
        suppliers[row["_link_awards"]].append(_supplier(row))
    needed = {"_link", "_link_release", "id", "value_amount", "contractPeriod_endDate"}
    for number, row in _rows(folder / "awards.csv", needed):
        try:
            yield _record(row, number, buyers, suppliers)
        except RecordErrors as exc:
            yield exc


def _record(row: dict, number: int, buyers: dict, suppliers: dict) -> ContractRecord:
    where = f"awards.csv row {number}"
    reader = FieldReader(where)
    amount = reader.money("value_amount", row.get("value_amount"))
    description = clean_text(row.get("description"))
    record = ContractRecord(
        source_key=f"cf-flat:{row['id'] or row['_link']}",
        where=where,
        buyer_name=clean_text(buyers.get(row["_link_release"], "")),
        award_id=row["id"],
        title=clean_text(row.get("title")),
        description="" if description.lower() in BOILERPLATE else description,
        value_amount=amount,
        value_currency=reader.currency("value_currency", row.get("value_currency"), amount=amount),
        awarded_on=reader.date("date", row.get("date")),
        start_on=reader.date("contractPeriod_startDate", row.get("contractPeriod_startDate")),
        end_on=reader.date("contractPeriod_endDate", row.get("contractPeriod_endDate")),
        status=row.get("status") or "",
        suppliers=suppliers.get(row["_link"], []),
        release_id=f"release {row['_link_release']}",
        released_at=row.get("datePublished") or "",
    )
    if not record.buyer_name:
        reader.error("_link_release", "no buyer in buyer.csv for this award")
    reader.check_period(record, "contractPeriod_endDate")
    reader.check_text(record)
    reader.raise_if_any()
    return record


def _supplier(row: dict) -> SupplierRecord:
    street = clean_text(row.get("address_streetAddress"))
    postcode = clean_text(row.get("address_postalCode")).upper()
    if not postcode:
        match = POSTCODE.search(street.upper())
        postcode = f"{match.group(1)} {match.group(2)}" if match else ""
    return SupplierRecord(
        name=clean_text(row.get("name")),
        scheme=(row.get("identifier_scheme") or "").strip(),
        identifier=(row.get("identifier_id") or "").strip(),
        is_sme=parse_flag(row.get("sme")),
        is_vcse=parse_flag(row.get("vco")),
        street_address=street,
        locality=clean_text(row.get("address_locality")),
        postcode=postcode,
    )
