"""Payroll returns within limits: a workbook that unzips past 25 MB is refused before it is
parsed, rows and cells are counted as they stream, and every refusal is a form error in GOV.UK
words on the page (operator words in the command), never a 500; nothing is stored."""

from __future__ import annotations

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insource.authorities.models import Role
from insource.core.spreadsheets import SheetError, SheetLimits
from insource.standards.models import PayrollReturn
from insource.standards.payroll import returns as payroll
from insource.standards.payroll.returns import read_return
from insource.testing.payroll import ROW, SAMPLE, inflated_workbook, workbook, world  # noqa: F401
from insource.testing.payroll import upload as _upload  # noqa: F401


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
