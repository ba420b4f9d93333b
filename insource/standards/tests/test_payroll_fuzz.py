"""Payroll returns fuzzed through the upload page: the real sample return with cells replaced
by hostile values or bytes mangled is either stored (302) or a form error (400), never a 500."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given

from insource.authorities.models import Role
from insource.testing.fuzzing import FUZZ, broken_rows, mangled_bytes
from insource.testing.payroll import SAMPLE, world  # noqa: F401
from insource.testing.payroll import upload as _upload  # noqa: F401
from insource.testing.real_samples import csv_bytes

pytestmark = pytest.mark.django_db
ROWS = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))


@FUZZ
@given(content=broken_rows(ROWS, max_text=20).map(csv_bytes) | mangled_bytes(SAMPLE.read_bytes()))
def test_broken_returns_never_answer_500(client, officer_login, world, content):  # noqa: F811
    authority, people, contract = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    response = _upload(client, authority, contract, "return.csv", content)
    assert response.status_code in (302, 400)
