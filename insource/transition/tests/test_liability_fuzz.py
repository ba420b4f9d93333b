"""Liability files fuzzed through the workforce page: cells replaced by hostile values, bytes
mangled, a zip bomb: each is imported (302) or a form error (400), never a 500."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given

from insource.authorities.models import Role
from insource.testing.fuzzing import FUZZ, broken_rows, mangled_bytes
from insource.testing.payroll import inflated_workbook
from insource.testing.real_samples import csv_bytes
from insource.testing.transition import LIABILITY_SAMPLE as SAMPLE  # noqa: F401
from insource.testing.transition import url as _url  # noqa: F401
from insource.testing.transition import world  # noqa: F401

ROWS = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))


def _post(client, plan, name, content):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(_url("workforce", plan), {"file": upload})


@FUZZ
@given(content=broken_rows(ROWS, max_text=20).map(csv_bytes) | mangled_bytes(SAMPLE.read_bytes()))
def test_broken_liability_files_never_answer_500(client, officer_login, world, content):  # noqa: F811
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    assert _post(client, plan, "eli.csv", content).status_code in (302, 400)


def test_a_zip_bomb_is_a_form_error_in_plain_words(client, officer_login, world, tmp_path):  # noqa: F811
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    content = inflated_workbook(tmp_path / "eli.xlsx", 30).read_bytes()
    response = _post(client, plan, "eli.xlsx", content)
    assert response.status_code == 400
    assert "holds too much data" in response.content.decode()
    assert plan.imports.filter(is_current=True).get().num_rows == 20  # nothing changed


@pytest.mark.django_db
def test_a_nul_character_is_named_not_stored(client, officer_login, world):  # noqa: F811
    _a, people, _d, plan = world
    officer_login(client, people[Role.HR_OFFICER])
    content = SAMPLE.read_text(encoding="utf-8").replace("Refuse loader", "Refuse\x00loader", 1)
    response = _post(client, plan, "eli.csv", content.encode())
    assert response.status_code == 400 and "NUL character" in response.content.decode()
    assert plan.imports.filter(is_current=True).get().num_rows == 20
