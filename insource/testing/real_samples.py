"""Small slices of the real shipped files, for tests that break them on purpose."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "demo" / "data"
OCDS_FILE = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"
COUNTDOWN_FILE = DATA / "contract-countdown" / "council_contracts_nearing_expiry.csv"
FLATTENED_DIR = DATA / "contracts-finder-flattened"


@cache
def _package() -> dict:
    return json.loads(OCDS_FILE.read_text(encoding="utf-8"))


# A tender-only release (1), awarded ones, and two ocids with two releases each (merged).
MIXED = (0, 1, 2, 33, 36, 84, 85)


def real_package(n: int = 6, *, indices: tuple[int, ...] | None = None) -> dict:
    """A release package of the first `n` real releases, or those at `indices` (a copy)."""
    package = _package()
    chosen = [package["releases"][i] for i in indices] if indices else package["releases"][:n]
    return json.loads(json.dumps({**package, "releases": chosen}))


def real_register_rows(n: int = 12) -> list[list[str]]:
    """The header and the first `n` rows of mySociety's Contract Countdown export."""
    with open(COUNTDOWN_FILE, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [rows[0], *rows[1 : n + 1]]


def _sheet(name: str) -> list[list[str]]:
    with open(FLATTENED_DIR / name, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


@cache
def _flattened(n: int) -> dict[str, list[list[str]]]:
    awards = _sheet("awards.csv")[: n + 1]
    releases = {row[1] for row in awards[1:]}
    links = {row[0] for row in awards[1:]}
    buyers, suppliers = _sheet("buyer.csv"), _sheet("suppliers.csv")
    return {
        "awards.csv": awards,
        "buyer.csv": [buyers[0], *[r for r in buyers[1:] if r[1] in releases]],
        "suppliers.csv": [suppliers[0], *[r for r in suppliers[1:] if r[2] in links]],
    }


def real_flattened(n: int = 10) -> dict[str, list[list[str]]]:
    """The first `n` real award rows with their buyer and supplier rows, sheet by sheet."""
    return {name: [list(r) for r in rows] for name, rows in _flattened(n).items()}


def csv_bytes(rows: list[list]) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


def write_csv(path: Path, rows: list[list], *, bom: bool = False) -> Path:
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def write_flattened(folder: Path, sheets: dict[str, list[list]], *, bom: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        write_csv(folder / name, rows, bom=bom)
    return folder


def write_xlsx(path: Path, rows: list[list]) -> Path:
    """An XLSX of `rows`; characters a workbook cannot hold (control characters) are dropped."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    clean = lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v  # noqa: E731
    rows = [[clean(v) for v in row] for row in rows]
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
