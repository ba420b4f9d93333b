"""A supplier's payroll return (CSV or XLSX) read into typed rows, all-or-nothing.

The template is documented in docs/payroll-return.md. Every bad cell is collected as
(row, column, message, fix) and one `PayrollError` lists them all: a return with any bad row
gives no rows at all, so no measure is ever computed from part of a workforce.
Pure of models: used by the gender pay calculator (MS4) and the fair wage check (MS1). The
reading and the shared cell parsers are `core.cells` (the liability information reads them too).
"""

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

# A return lists one contract's workforce: 20,000 workers is far beyond any council contract,
# and reading that many rows takes seconds, not minutes (ADR 0016).
PAYROLL_LIMITS = SheetLimits(max_rows=20_000, max_cells=400_000, max_unzipped_bytes=25 * 2**20)
REQUIRED = (
    "worker_ref",
    "role",
    "gender",
    "is_london",
    "period_start",
    "period_end",
    "hours",
    "ordinary_pay",
    "bonus_pay_12m",
    "is_subcontractor",
)
OPTIONAL = ("is_full_pay_relevant", "snapshot_date")
PayrollIssue = CellIssue


class PayrollError(CellsError):
    """The return cannot be used; `issues` lists every problem found, by row and column."""


@dataclass(frozen=True)
class Worker:
    """One row of a return: `hours` and `ordinary_pay` are for the pay period."""

    row: int
    worker_ref: str
    role: str
    gender: str
    is_london: bool
    period_start: date
    period_end: date
    hours: Decimal
    ordinary_pay: Decimal
    bonus_pay_12m: Decimal
    is_subcontractor: bool
    is_full_pay_relevant: bool = True
    snapshot_date: date | None = None

    @property
    def hourly_rate(self) -> Decimal:
        """Ordinary pay ÷ the pay period's hours (2017 Regulations, reg. 6), unrounded."""
        return self.ordinary_pay / self.hours

    @property
    def on(self) -> date:
        """The date the return speaks for: the snapshot date, else the pay period's end."""
        return self.snapshot_date or self.period_end


def read_return(path: Path | str) -> list[Worker]:
    """Every worker in the return, or PayrollError listing every problem."""
    path = Path(path)
    headings, rows = _raw_rows(path)
    columns, issues = _columns(headings)
    if not issues and not rows:
        issues.append(PayrollIssue(None, "(file)", "no worker rows", "add one row per worker"))
    workers = [] if issues else [_worker(n, row, columns, issues) for n, row in rows]
    if not issues:
        _check_duplicates(workers, issues)
    if issues:
        raise PayrollError(path.name, issues)
    return workers


def _raw_rows(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header and the non-blank rows, read within PAYROLL_LIMITS (`SheetError` past one,
    or for a file that is not UTF-8 CSV or a readable workbook)."""
    return read_rows(path, PAYROLL_LIMITS, PayrollError)


def _columns(headings: list[str]) -> tuple[dict[str, str], list[PayrollIssue]]:
    """Template column -> heading in the file (case-insensitive, trimmed)."""
    if not any(h.strip() for h in headings):
        fix = f"start with a header row: {', '.join(REQUIRED)}"
        return {}, [PayrollIssue(None, "(file)", "the file is empty", fix)]
    found = {h.strip().lower(): h for h in headings if h.strip()}
    columns = {name: found[name] for name in (*REQUIRED, *OPTIONAL) if name in found}
    missing = [name for name in REQUIRED if name not in columns]
    if not missing:
        return columns, []
    message = f"missing column(s): {', '.join(missing)}"
    fix = f"add them to the header row; found: {', '.join(found) or 'none'}"
    return columns, [PayrollIssue(None, ", ".join(missing), message, fix)]


def _worker(number: int, row: dict, columns: dict, issues: list) -> Worker | None:
    values = {}
    for name, parse in PARSERS.items():
        raw = row.get(columns[name]) if name in columns else None
        try:
            values[name] = parse(raw)
        except FieldProblem as exc:
            issues.append(PayrollIssue(number, name, exc.message, exc.fix))
            values[name] = None
    start, end = values["period_start"], values["period_end"]
    if start and end and end < start:
        fix = "correct one of the two dates"
        issues.append(PayrollIssue(number, "period_end", f"{end} is before {start}", fix))
    if any(values[name] is None for name in PARSERS if name != "snapshot_date"):
        return None
    return Worker(row=number, **values)


def _check_duplicates(workers: list[Worker], issues: list) -> None:
    seen: dict[str, int] = {}
    for w in workers:
        if w.worker_ref in seen:
            message = f"{w.worker_ref!r} is also on row {seen[w.worker_ref]}"
            issues.append(PayrollIssue(w.row, "worker_ref", message, "give each worker one row"))
        seen.setdefault(w.worker_ref, w.row)


def parse_ref(value) -> str:
    text = cell_text(value)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if not text:
        raise FieldProblem("blank", "give each worker a reference (no names needed)")
    return text


def parse_gender(value) -> str:
    text = cell_text(value).upper()
    if text not in {"M", "F"}:
        fix = "write M or F, as the 2017 Regulations use them"
        raise FieldProblem(f"{cell_text(value)!r} is not M or F", fix)
    return text


def parse_optional_bool(value) -> bool:
    """is_full_pay_relevant: blank means true (on full pay)."""
    return True if not cell_text(value) else parse_bool(value)


def parse_optional_date(value) -> date | None:
    return parse_date(value) if cell_text(value) else None


def parse_hours(value) -> Decimal:
    hours = parse_amount(value)
    if hours == 0:
        raise FieldProblem("0 hours", "give the hours worked in the pay period (more than 0)")
    return hours


PARSERS = {
    "worker_ref": parse_ref,
    "role": cell_text,
    "gender": parse_gender,
    "is_london": parse_bool,
    "period_start": parse_date,
    "period_end": parse_date,
    "hours": parse_hours,
    "ordinary_pay": parse_amount,
    "bonus_pay_12m": parse_amount,
    "is_subcontractor": parse_bool,
    "is_full_pay_relevant": parse_optional_bool,
    "snapshot_date": parse_optional_date,
}
