"""The register as CSV: stable, documented columns, streamed (the published decisions' CSV,
`transparency/exports/decisions.py`, is written with the same conventions by `rows_csv`).

One row per contract (`REGISTER_COLUMNS`, defined once in `register/columns.py`); columns are
only ever added at the end. Dates are ISO (YYYY-MM-DD), money is plain decimal pounds, booleans
are `true`/`false`, lists are joined with "; ". A text cell that a spreadsheet would run as a
formula (starting with = + - @ or a tab), or that starts with an apostrophe, gets a leading
apostrophe; `unescape` undoes it.

Served over HTTP (the public site's and the public API's downloads), a CSV starts with a UTF-8
byte-order mark (`BOM`, `with_bom`) so that Excel reads it as UTF-8 and shows £ and é; every
CSV reader that takes `utf-8-sig` (Python's, pandas', R's `fileEncoding="UTF-8-BOM"`) skips it.
The API's machine CSV has it too, so the same file is the same bytes wherever it is fetched
from; the `export` command's files are unchanged (no mark).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal

from insource.register.columns import csv_columns
from insource.register.exporters.queries import CHUNK

ESCAPED_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


# A UTF-8 byte-order mark: the first character of every CSV served over HTTP.
BOM = "\ufeff"


def with_bom(chunks: Iterable[str]) -> Iterator[str]:
    """CSV text chunks, preceded by the byte-order mark (for a download)."""
    yield BOM
    yield from chunks


# The register's columns, in order: defined once in `register/columns.py` (ADR 0024).
REGISTER_COLUMNS: dict[str, Callable] = csv_columns()


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
