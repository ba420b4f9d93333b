"""Tabular registers (CSV or XLSX) read through a declared column mapping (YAML).

A mapping names, for each register field, the column headings that may hold it (first present
wins), the key columns that identify a contract (rows sharing a key are one contract; their CPV
codes are collected), and defaults. Built-in mappings live in `register/mappings/`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from insource.core.spreadsheets import SheetLimits, sheet_rows
from insource.register.importers.checks import (
    clean_text,
    parse_cpv,
    parse_date,
    parse_flag,
    parse_money,
)
from insource.register.importers.fields import FieldReader, RecordErrors
from insource.register.importers.records import ContractRecord, SupplierRecord

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "mappings"
FIELDS = {
    "reference",
    "buyer",
    "title",
    "description",
    "department",
    "supplier",
    "supplier_company_number",
    "supplier_charity_number",
    "supplier_status",
    "start",
    "end",
    "max_end",
    "review",
    "value",
    "currency",
    "vat_basis",
    "cpv",
    "nature",
    "status",
}
REGISTER_LIMITS = SheetLimits(max_rows=100_000, max_cells=2_000_000)
NATURES = {"services", "works", "goods", "mixed", "concession", "framework"}


class MappingError(Exception):
    """The mapping file or the register's headings do not fit; the message says how to fix."""


@dataclass(frozen=True)
class Mapping:
    name: str
    key: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    defaults: dict[str, str]


def builtin_mappings() -> dict[str, Path]:
    return {p.stem: p for p in sorted(MAPPINGS_DIR.glob("*.yaml"))}


def load_mapping(ref: str | Path) -> Mapping:
    """A mapping by built-in name (e.g. `lgtc-contract-register`) or path to a YAML file."""
    path = builtin_mappings().get(str(ref)) or Path(ref)
    if not path.exists():
        names = ", ".join(builtin_mappings())
        raise MappingError(f"mapping {ref!r} not found: give a YAML file or one of: {names}")
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # ruamel raises many types; all mean the file is not valid YAML
        raise MappingError(f"{path.name}: not valid YAML ({exc})") from None
    return _mapping_from(data, path.name)


def _mapping_from(data, source: str) -> Mapping:
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise MappingError(f"{source}: needs a 'fields' section mapping field -> [column headings]")
    unknown = set(data["fields"]) - FIELDS
    if unknown:
        raise MappingError(
            f"{source}: unknown field(s) {', '.join(sorted(unknown))};"
            f" known: {', '.join(sorted(FIELDS))}"
        )
    fields = {k: tuple([v] if isinstance(v, str) else v) for k, v in data["fields"].items()}
    key = tuple(data.get("key") or ["reference"])
    return Mapping(str(data.get("name") or source), key, fields, dict(data.get("defaults") or {}))


def read_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(row number, {heading: value}) from a CSV or the first sheet of an XLSX workbook, within
    the register limits; blank rows are skipped."""
    rows = sheet_rows(path, REGISTER_LIMITS)
    first = next(rows, None)
    if first is None:
        return
    headings = [str(h).strip() if h is not None else "" for h in first[1]]
    for number, values in rows:
        if any(v not in (None, "") for v in values):
            yield number, dict(zip(headings, values, strict=False))


def resolve_columns(mapping: Mapping, headings: list[str]) -> dict[str, str]:
    """field -> heading in this file (case-insensitive); error if a key or the buyer is absent."""
    lower = {h.strip().lower(): h for h in headings if h}
    columns = {}
    for field, candidates in mapping.fields.items():
        found = next((lower[c.lower()] for c in candidates if c.lower() in lower), None)
        if found:
            columns[field] = found
    for field in (*mapping.key, "buyer"):
        if field not in columns and not (field == "buyer" and "buyer" in mapping.defaults):
            expected = " or ".join(repr(c) for c in mapping.fields.get(field, (field,)))
            raise MappingError(
                f"mapping '{mapping.name}': no column for '{field}' (expected {expected});"
                f" columns in the file: {', '.join(h for h in headings if h)}"
            )
    return columns


def read_tabular(path: Path, mapping: Mapping) -> Iterator[ContractRecord | RecordErrors]:
    """One record per key (first-seen order; rows sharing a key add CPV codes); errors yielded."""
    rows = read_rows(path)
    first = next(rows, None)
    if first is None:
        return
    columns = resolve_columns(mapping, list(first[1].keys()))
    by_key: dict[str, ContractRecord] = {}
    for number, row in itertools.chain([first], rows):
        try:
            record = _record(path.name, number, row, columns, mapping)
        except RecordErrors as exc:
            yield exc
            continue
        seen = by_key.setdefault(record.source_key, record)
        if seen is not record:
            seen.cpv_codes.extend(c for c in record.cpv_codes if c not in seen.cpv_codes)
    yield from by_key.values()


def _record(file: str, number: int, row: dict, columns: dict, mapping: Mapping) -> ContractRecord:
    where = f"{file} row {number}"
    get = lambda f: row.get(columns[f]) if f in columns else mapping.defaults.get(f)  # noqa: E731
    reader = FieldReader(where)
    read = lambda parser, f: reader.read(parser, columns.get(f, f), get(f))  # noqa: E731
    key = "|".join(clean_text(get(k)) for k in mapping.key)
    if not key.strip("|"):
        reader.error(columns[mapping.key[0]], "the key is blank")
    amount = read(parse_money, "value")
    record = ContractRecord(
        source_key=f"tabular:{mapping.name}:{key}",
        where=where,
        buyer_name=clean_text(get("buyer")),
        award_id=key,
        title=clean_text(get("title")),
        description=clean_text(get("description")),
        cpv_codes=[c for c in [parse_cpv(get("cpv"))] if c],
        stated_nature=_nature(get("nature")),
        value_amount=amount,
        value_currency=reader.currency(
            columns.get("currency", "currency"), get("currency"), amount=amount
        ),
        value_vat_basis=str(get("vat_basis") or "unknown").lower(),
        start_on=read(parse_date, "start"),
        end_on=read(parse_date, "end"),
        max_end_on=read(parse_date, "max_end"),
        status=clean_text(get("status")),
        suppliers=_suppliers(get),
        release_id=where,
    )
    _check(record, reader, columns)
    reader.check_text(record)
    reader.raise_if_any()
    return record


def _check(record: ContractRecord, reader: FieldReader, columns: dict) -> None:
    if not record.buyer_name:
        reader.error(columns.get("buyer", "buyer"), "no buyer named")
    if record.value_vat_basis not in {"inc", "exc", "unknown"}:
        reader.error("vat_basis", "use inc, exc or unknown")
    reader.check_period(record, columns.get("end", "end"))


def _nature(value) -> str:
    text = clean_text(value).lower()
    return next((n for n in NATURES if text.startswith(n[:4])), "") if text else ""


def _suppliers(get) -> list[SupplierRecord]:
    name = clean_text(get("supplier"))
    if not name:
        return []
    status = clean_text(get("supplier_status")).lower()
    company = clean_text(get("supplier_company_number"))
    charity = clean_text(get("supplier_charity_number"))
    return [
        SupplierRecord(
            name=name,
            scheme="GB-COH" if company else ("GB-CHC" if charity else ""),
            identifier=company or charity,
            is_sme=("sme" in status) or parse_flag(status) if status else None,
            is_vcse=("vcse" in status or "voluntary" in status) if status else None,
        )
    ]
