"""Payroll returns within limits: a workbook that unzips past 25 MB is refused before it is
parsed, rows and cells are counted as they stream, and every refusal is a form error in GOV.UK
words on the page (operator words in the command), never a 500; nothing is stored."""

from __future__ import annotations

import time
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insource.authorities.models import Role
from insource.core.spreadsheets import SheetError, SheetLimits
from insource.standards import payroll
from insource.standards.models import PayrollReturn
from insource.standards.payroll import REQUIRED, read_return
from insource.standards.tests.test_payroll_pages import SAMPLE, _upload, world  # noqa: F401

ROW = ["W1", "Cleaner", "F", "no", "2026-05-01", "2026-05-31", 160, 2176, 0, "no"]


def workbook(path, rows: int, *, columns: int = 0):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([*REQUIRED, *(f"extra{i}" for i in range(columns))])
    for n in range(rows):
        sheet.append([f"W{n}", *ROW[1:], *(["x"] * columns)])
    book.save(path)
    return path


def inflated_workbook(path, unzipped_mb: int):
    """A small real return whose sheet XML is padded out to `unzipped_mb` MB (a zip bomb)."""
    workbook(path, 3)
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    head, tail = members[sheet].split(b"</sheetData>")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if name != sheet:
                zf.writestr(name, data)
        row = b'<row r="9"><c t="inlineStr"><is><t>x</t></is></c></row>'
        megabyte = row * (2**20 // len(row))
        megabyte += b" " * (2**20 - len(megabyte))
        with zf.open(sheet, "w", force_zip64=True) as out:
            out.write(head)
            for _ in range(unzipped_mb):
                out.write(megabyte)
            out.write(b"</sheetData>" + tail)
    return path


def test_zip_bomb_refused_before_parsing_in_operator_words(tmp_path):
    path = inflated_workbook(tmp_path / "return.xlsx", 131)
    assert path.stat().st_size < 8 * 2**20
    started = time.perf_counter()
    with pytest.raises(SheetError) as error:
        read_return(path)
    assert time.perf_counter() - started < 2
    assert "unzips to 131 MB, more than the 25 MB limit" in str(error.value)


def test_rows_past_the_limit_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(payroll, "PAYROLL_LIMITS", SheetLimits(max_rows=5))
    read_return(workbook(tmp_path / "five.xlsx", 5))
    with pytest.raises(SheetError, match="more than 5 rows under the header"):
        read_return(workbook(tmp_path / "six.xlsx", 6))


def test_cells_past_the_limit_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(payroll, "PAYROLL_LIMITS", SheetLimits(max_cells=100))
    with pytest.raises(SheetError, match="more than 100 cells"):
        read_return(workbook(tmp_path / "wide.xlsx", 3, columns=30))


def test_csv_rows_past_the_limit_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(payroll, "PAYROLL_LIMITS", SheetLimits(max_rows=2))
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:4]
    path = tmp_path / "return.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SheetError, match="more than 2 rows"):
        read_return(path)


def test_command_names_the_limit(tmp_path):
    path = inflated_workbook(tmp_path / "return.xlsx", 30)
    with pytest.raises(CommandError, match="more than the 25 MB limit: save the sheet as CSV"):
        call_command("standards", "gender-pay", str(path), stdout=StringIO())


UPLOADS = {
    "zip bomb": ("return.xlsx", "inflated", "holds too much data: it must be under 25 MB"),
    "not a workbook": ("return.xlsx", b"PK\x03\x04broken", "must be an Excel spreadsheet"),
    "random bytes": ("return.xlsx", bytes(range(256)) * 8, "must be an Excel spreadsheet"),
    "Windows-1252 CSV": ("return.csv", "cp1252", "must be saved as CSV UTF-8"),
    "cell past the CSV limit": ("return.csv", "long", "could not be read as CSV"),
    "too large": ("return.csv", b"x" * (10 * 2**20 + 1), "must be smaller than 10 MB"),
}


def _content(tmp_path, kind):
    if kind == "inflated":
        return inflated_workbook(tmp_path / "bomb.xlsx", 30).read_bytes()
    if kind == "cp1252":
        return SAMPLE.read_text(encoding="utf-8").replace("Cleaner", "Caf\u00e9").encode("cp1252")
    if kind == "long":
        return SAMPLE.read_bytes().replace(b"Cleaner", b"C" * 200_000, 1)
    return kind


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(UPLOADS))
def test_hostile_upload_is_a_form_error(client, officer_login, world, tmp_path, case):  # noqa: F811
    authority, people, contract = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    name, kind, message = UPLOADS[case]
    response = _upload(client, authority, contract, name, _content(tmp_path, kind))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Traceback" not in page
    assert not PayrollReturn.objects.exists()
