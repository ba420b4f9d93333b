"""Payroll returns for the standards tests: the shipped sample, a contract manager's council
and contract (`world`), uploading through the page, and workbooks made to measure (moved from
`standards/tests/test_payroll_pages.py` and `test_payroll_limits.py`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insource.standards.payroll.returns import REQUIRED
from insource.testing.factories import SupplierFactory
from insource.testing.workflow import council, refuse_contract, team

SAMPLE = Path(__file__).resolve().parents[1] / "standards" / "data" / "payroll-return-sample.csv"


@pytest.fixture
def world():
    authority = council(code="PAY")
    people = team(authority)
    supplier = SupplierFactory(name="3M UK PLC", company_number="01123045")
    contract = refuse_contract(authority, suppliers=[supplier])
    return authority, people, contract


def upload(client, authority, contract, name, content):
    url = reverse("standards:payroll", kwargs={"code": authority.code, "pk": contract.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


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
