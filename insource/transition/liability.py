"""The contractor's employee liability information (TUPE 2006 reg. 11), CSV or XLSX, read into
typed rows, all-or-nothing: every bad cell is listed (row, column, message, fix) and a file
with any bad row gives no rows. The columns are documented in docs/bringing-home.md; no names
are needed (or kept). Reads the file and its cells as the payroll return does (`core.cells`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from insource.core.cells import (
    CellIssue,
    CellsError,
    FieldProblem,
    cell_text,
    parse_amount,
    parse_bool,
    parse_date,
    read_rows,
)
from insource.core.spreadsheets import SheetLimits

# The same limits as a payroll return's (ADR 0016): one contract's workforce.
LIABILITY_LIMITS = SheetLimits(max_rows=20_000, max_cells=400_000, max_unzipped_bytes=25 * 2**20)

REQUIRED = (
    "role",
    "contracted_hours",
    "pay",
    "pay_basis",
    "continuous_service_start",
    "pension_scheme",
    "location",
)
OPTIONAL = ("is_london",)
BASES = {
    "hourly": "hourly",
    "hour": "hourly",
    "annual": "annual",
    "annually": "annual",
    "year": "annual",
    "salary": "annual",
}


class LiabilityError(CellsError):
    """The file cannot be used; `issues` lists every problem by row and column."""


@dataclass(frozen=True)
class Employee:
    """One transferring employee: weekly contracted hours; pay per hour or per year."""

    row: int
    role: str
    contracted_hours: Decimal
    pay: Decimal
    pay_basis: str
    continuous_service_start: date
    pension_scheme: str
    location: str
    is_london: bool


def _required_text(value) -> str:
    text = cell_text(value)
    if not text:
        raise FieldProblem("blank", "fill in every row's cell")
    return text


def _hours(value) -> Decimal:
    hours = parse_amount(value)
    if not 0 < hours <= 60:
        raise FieldProblem(f"{hours} hours a week", "give the weekly contracted hours, 0.5 to 60")
    return hours


def _basis(value) -> str:
    text = cell_text(value).lower()
    if text not in BASES:
        raise FieldProblem(f"{cell_text(value)!r} is not a pay basis", "write hourly or annual")
    return BASES[text]


def _london(value) -> bool:
    return parse_bool(value) if cell_text(value) else False


PARSERS = {
    "role": _required_text,
    "contracted_hours": _hours,
    "pay": parse_amount,
    "pay_basis": _basis,
    "continuous_service_start": parse_date,
    "pension_scheme": _required_text,
    "location": _required_text,
    "is_london": _london,
}


def _columns(headings: list[str]) -> tuple[dict[str, str], list[CellIssue]]:
    found = {h.strip().lower(): h for h in headings if h and h.strip()}
    if not found:
        fix = f"start with a header row: {', '.join(REQUIRED)}"
        return {}, [CellIssue(None, "(file)", "the file is empty", fix)]
    columns = {n: found[n] for n in (*REQUIRED, *OPTIONAL) if n in found}
    missing = [n for n in REQUIRED if n not in columns]
    if not missing:
        return columns, []
    fix = f"add them to the header row; found: {', '.join(found)}"
    return columns, [CellIssue(None, ", ".join(missing), "missing column(s)", fix)]


def _employee(number: int, row: dict, columns: dict, issues: list) -> Employee | None:
    values = {}
    for name, parse in PARSERS.items():
        raw = row.get(columns[name]) if name in columns else None
        try:
            values[name] = parse(raw)
        except FieldProblem as exc:
            issues.append(CellIssue(number, name, exc.message, exc.fix))
            values[name] = None
    if values["pay"] is not None and values["pay"] == 0:
        issues.append(CellIssue(number, "pay", "0", "give the pay per hour or per year"))
        return None
    if any(v is None for v in values.values()):
        return None
    return Employee(row=number, **values)


def read_liability(path: Path | str) -> list[Employee]:
    """Every employee in the file, or LiabilityError listing every problem."""
    path = Path(path)
    headings, rows = read_rows(path, LIABILITY_LIMITS, LiabilityError)
    columns, issues = _columns(headings)
    if not issues and not rows:
        issues.append(CellIssue(None, "(file)", "no rows", "add one row per employee"))
    employees = [] if issues else [_employee(n, r, columns, issues) for n, r in rows]
    if issues:
        raise LiabilityError(path.name, issues)
    return employees
