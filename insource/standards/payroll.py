"""A supplier's payroll return (CSV or XLSX) read into typed rows, all-or-nothing.

The template is documented in docs/payroll-return.md. Every bad cell is collected as
(row, column, message, fix) and one `PayrollError` lists them all: a return with any bad row
gives no rows at all, so no measure is ever computed from part of a workforce.
Pure of models: used by the gender pay calculator (MS4) and the fair wage check (MS1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from insource.core.spreadsheets import SheetLimits, sheet_rows

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
TRUE = {"true", "yes", "1", "y", "1.0"}
FALSE = {"false", "no", "0", "n", "0.0"}
BOOL_FIX = "write true/false, yes/no, 1/0 or Y/N"
DATE_FIX = "write the date as YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-04-30"


class FieldProblem(ValueError):
    """A cell that cannot be read: the message, and how to fix it."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message, self.fix = message, fix


@dataclass(frozen=True)
class PayrollIssue:
    row: int | None
    column: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "header"
        return f"{where}, column {self.column}: {self.message} ({self.fix})"


class PayrollError(Exception):
    """The return cannot be used; `issues` lists every problem found, by row and column."""

    def __init__(self, file: str, issues: list[PayrollIssue]):
        self.file, self.issues = file, issues
        lines = "\n".join(f"  {file} {issue}" for issue in issues)
        super().__init__(f"{file}: {len(issues)} problem(s), nothing was read:\n{lines}")


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
    if not path.exists():
        issue = PayrollIssue(None, "(file)", "file not found", "check the path")
        raise PayrollError(path.name, [issue])
    rows = sheet_rows(path, PAYROLL_LIMITS)
    headings = [str(h) if h is not None else "" for h in next(rows, (1, []))[1]]
    data = [
        (n, dict(zip(headings, values, strict=False)))
        for n, values in rows
        if any(v not in (None, "") and str(v).strip() for v in values)
    ]
    nul = [
        PayrollIssue(n, column, "contains a NUL character", "remove it: it cannot be stored")
        for n, row in [(1, dict(zip(headings, headings, strict=False))), *data]
        for column, value in row.items()
        if isinstance(value, str) and "\x00" in value
    ]
    if nul:
        raise PayrollError(path.name, nul[:50])
    return headings, data


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


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def parse_ref(value) -> str:
    text = _text(value)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if not text:
        raise FieldProblem("blank", "give each worker a reference (no names needed)")
    return text


def parse_gender(value) -> str:
    text = _text(value).upper()
    if text not in {"M", "F"}:
        fix = "write M or F, as the 2017 Regulations use them"
        raise FieldProblem(f"{_text(value)!r} is not M or F", fix)
    return text


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise FieldProblem(f"{_text(value)!r} is not true or false", BOOL_FIX)


def parse_optional_bool(value) -> bool:
    """is_full_pay_relevant: blank means true (on full pay)."""
    return True if not _text(value) else parse_bool(value)


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        raise FieldProblem("blank", DATE_FIX)
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise FieldProblem(f"{text!r} is not a date", DATE_FIX)


def parse_optional_date(value) -> date | None:
    return parse_date(value) if _text(value) else None


def parse_amount(value) -> Decimal:
    """Money or hours as Decimal (never float); £ and thousands commas allowed; not negative."""
    fix = "write a number of 0 or more, e.g. 1250.50"
    text = _text(value).replace(",", "").replace("£", "")
    if not text:
        raise FieldProblem("blank", fix)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldProblem(f"{text!r} is not a number", fix) from None
    if not amount.is_finite() or amount < 0:
        raise FieldProblem(f"{text} is negative or not a number", fix)
    return amount


def parse_hours(value) -> Decimal:
    hours = parse_amount(value)
    if hours == 0:
        raise FieldProblem("0 hours", "give the hours worked in the pay period (more than 0)")
    return hours


PARSERS = {
    "worker_ref": parse_ref,
    "role": _text,
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
