"""A typed sheet read all-or-nothing: every bad cell is kept as (row, column, message, fix) and
one error lists them all, so a file with any bad row gives no rows at all.

The shared parts of the payroll return (standards) and the employee liability information
(transition): reading the header and the non-blank rows within limits, and the cell parsers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from insource.core.spreadsheets import SheetLimits, sheet_rows

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
class CellIssue:
    row: int | None
    column: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "header"
        return f"{where}, column {self.column}: {self.message} ({self.fix})"


class CellsError(Exception):
    """The file cannot be used; `issues` lists every problem found, by row and column."""

    def __init__(self, file: str, issues: list[CellIssue]):
        self.file, self.issues = file, issues
        lines = "\n".join(f"  {file} {issue}" for issue in issues)
        super().__init__(f"{file}: {len(issues)} problem(s), nothing was read:\n{lines}")


def read_rows(
    path: Path, limits: SheetLimits, error: type[CellsError] = CellsError
) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header and the non-blank rows, read within `limits` (`SheetError` past one, or for a
    file that is not UTF-8 CSV or a readable workbook); `error` for a missing file or NULs."""
    if not path.exists():
        raise error(path.name, [CellIssue(None, "(file)", "file not found", "check the path")])
    rows = sheet_rows(path, limits)
    headings = [str(h) if h is not None else "" for h in next(rows, (1, []))[1]]
    data = [
        (n, dict(zip(headings, values, strict=False)))
        for n, values in rows
        if any(v not in (None, "") and str(v).strip() for v in values)
    ]
    nul = [
        CellIssue(n, column, "contains a NUL character", "remove it: it cannot be stored")
        for n, row in [(1, dict(zip(headings, headings, strict=False))), *data]
        for column, value in row.items()
        if isinstance(value, str) and "\x00" in value
    ]
    if nul:
        raise error(path.name, nul[:50])
    return headings, data


def cell_text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise FieldProblem(f"{cell_text(value)!r} is not true or false", BOOL_FIX)


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        raise FieldProblem("blank", DATE_FIX)
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise FieldProblem(f"{text!r} is not a date", DATE_FIX)


def parse_amount(value) -> Decimal:
    """Money or hours as Decimal (never float); £ and thousands commas allowed; not negative."""
    fix = "write a number of 0 or more, e.g. 1250.50"
    text = cell_text(value).replace(",", "").replace("£", "")
    if not text:
        raise FieldProblem("blank", fix)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldProblem(f"{text!r} is not a number", fix) from None
    if not amount.is_finite() or amount < 0:
        raise FieldProblem(f"{text} is negative or not a number", fix)
    return amount
