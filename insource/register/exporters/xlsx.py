"""The register as an Excel workbook (XLSX): the same columns as the CSV (`csv_columns()`,
ADR 0024), written with openpyxl's write-only mode (rows go to a temporary file as they are
written, so memory stays flat; the caller bounds the row count).

Dates, amounts, whole numbers and booleans keep their type, so a spreadsheet sorts and sums them;
text is protected as in the CSV (a cell a spreadsheet would run as a formula gets a leading
apostrophe), loses the control characters XLSX cannot hold, and is cut at Excel's 32,767
characters a cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from insource.register.exporters.csv import REGISTER_COLUMNS, cell
from insource.register.exporters.queries import CHUNK

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_CELL = 32_767


def register_xlsx(contracts: Iterable, out: BinaryIO) -> None:
    """Write the register, one row per contract, as an XLSX workbook to `out`."""
    rows_xlsx(contracts, REGISTER_COLUMNS, out, title=_("Contracts"))


def rows_xlsx(rows: Iterable, columns: dict[str, Callable], out: BinaryIO, *, title: str) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append(list(columns))
    iterate = rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else rows
    for row in iterate:
        sheet.append([xlsx_cell(get(row)) for get in columns.values()])
    book.save(out)


def xlsx_cell(value):
    """One value as an XLSX cell: typed where a spreadsheet can use the type, else safe text."""
    if value is None or isinstance(value, bool | int | Decimal):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", cell(value))
    return text[:MAX_CELL]
