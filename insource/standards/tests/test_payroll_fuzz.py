"""Payroll returns fuzzed through the upload page: the real sample return with cells replaced
by hostile values or bytes mangled is either stored (302) or a form error (400), never a 500."""

from __future__ import annotations

import csv
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insource.authorities.models import Role
from insource.register.tests.test_import_properties import HOSTILE_TEXT, mangled_bytes
from insource.standards.tests.test_payroll_pages import SAMPLE, _upload, world  # noqa: F401

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=int(os.environ.get("INSOURCE_FUZZ_EXAMPLES", "30")),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROWS = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))


@st.composite
def broken_returns(draw) -> bytes:
    rows = [list(r) for r in ROWS]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        row = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        col = draw(st.integers(min_value=0, max_value=len(rows[row]) - 1))
        rows[row][col] = draw(HOSTILE_TEXT | st.text(max_size=20)).replace("\ud800", "?")
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


@FUZZ
@given(content=broken_returns() | mangled_bytes(SAMPLE.read_bytes()))
def test_broken_returns_never_answer_500(client, officer_login, world, content):  # noqa: F811
    authority, people, contract = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    response = _upload(client, authority, contract, "return.csv", content)
    assert response.status_code in (302, 400)
