"""Reading outside CSV and XLSX files within limits, so no file can keep a worker busy.

XLSX is a zip: its uncompressed size is checked from the zip directory before anything is
parsed (a 7.6 MB upload can unzip to 131 MB), then the first sheet is streamed with openpyxl's
read-only mode, counting rows and cells as they are read and stopping at the first one past a
limit. CSV is streamed too, as UTF-8 (a byte-order mark is fine). Every problem is a
`SheetError` with two wordings: `str(error)` for operators (file, limit, fix) and
`error.page_message` in GOV.UK words for pages. Limits are in ADR 0016.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

MB = 1024 * 1024
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass(frozen=True)
class SheetLimits:
    """How much of one file is read: rows under the header, cells, unzipped bytes, columns."""

    max_rows: int = 100_000
    max_cells: int = 1_000_000
    max_unzipped_bytes: int = 50 * MB
    max_columns: int = 100


class SheetError(ValueError):
    """The file cannot be read, or passes a limit; nothing from it was used."""

    def __init__(self, operator: str, page: str):
        super().__init__(operator)
        self.page_message = page


def sheet_rows(path: Path, limits: SheetLimits) -> Iterator[tuple[int, list]]:
    """(row number, values) for every row of a CSV or the first sheet of an XLSX, header
    first (row 1), within `limits`."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _xlsx_rows(path, limits)
    return _csv_rows(path, limits)


def _csv_rows(path: Path, limits: SheetLimits) -> Iterator[tuple[int, list]]:
    number = 0
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for number, values in enumerate(csv.reader(f), start=1):
                _check_rows(path, number, limits)
                yield number, values[: limits.max_columns]
    except UnicodeDecodeError:
        raise SheetError(
            f"{path.name}: line {number + 1} is not UTF-8 text: save the file as"
            " 'CSV UTF-8 (comma delimited)' and try again",
            _("The selected file must be saved as CSV UTF-8"),
        ) from None
    except csv.Error as exc:
        raise SheetError(
            f"{path.name}: line {number + 1} cannot be read as CSV ({exc}): check its quotes",
            _("The selected file could not be read as CSV: check it opens in a spreadsheet"),
        ) from None


def _xlsx_rows(path: Path, limits: SheetLimits) -> Iterator[tuple[int, list]]:
    _check_zip(path, limits)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged workbook; all mean the same
        raise _not_xlsx(path) from None
    try:
        cells = 0
        sheet = book.worksheets[0]
        for number, values in enumerate(
            sheet.iter_rows(values_only=True, max_col=limits.max_columns), start=1
        ):
            _check_rows(path, number, limits)
            cells += len(values)
            _check_cells(path, cells, limits)
            yield number, list(values)
    except SheetError:
        raise
    except Exception:
        raise _not_xlsx(path) from None
    finally:
        book.close()


def _check_zip(path: Path, limits: SheetLimits) -> None:
    """Refuse a workbook whose members unzip past the limit, before any is parsed."""
    try:
        with zipfile.ZipFile(path) as zf:
            unzipped = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_xlsx(path) from None
    if unzipped > limits.max_unzipped_bytes:
        size = limits.max_unzipped_bytes // MB
        raise SheetError(
            f"{path.name}: the workbook unzips to {unzipped / MB:,.0f} MB, more than the"
            f" {size} MB limit: save the sheet as CSV, or split it, and import that",
            _(
                "The selected file holds too much data: it must be under %(size)s MB once"
                " opened. Save the sheet as CSV and upload that instead"
            )
            % {"size": size},
        )


def _check_rows(path: Path, number: int, limits: SheetLimits) -> None:
    if number - 1 > limits.max_rows:
        n = f"{limits.max_rows:,}"
        raise SheetError(
            f"{path.name}: more than {n} rows under the header (the limit): split the file"
            " and import each part",
            _("The selected file must have %(n)s rows or fewer under the header") % {"n": n},
        )


def _check_cells(path: Path, cells: int, limits: SheetLimits) -> None:
    if cells > limits.max_cells:
        raise SheetError(
            f"{path.name}: more than {limits.max_cells:,} cells read (the limit): remove unused"
            " columns and rows, or split the file",
            _("The selected file must have %(n)s cells or fewer: remove unused columns")
            % {"n": f"{limits.max_cells:,}"},
        )


def _not_xlsx(path: Path) -> SheetError:
    return SheetError(
        f"{path.name}: not a readable Excel workbook (XLSX): open it in Excel and save it as"
        " .xlsx, or as CSV UTF-8",
        _("The selected file must be an Excel spreadsheet (XLSX) or CSV"),
    )
