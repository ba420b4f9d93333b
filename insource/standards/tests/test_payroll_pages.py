"""A contract manager uploads a payroll return and sees the shortfalls and the six measures
beside the supplier's published figures; a bad return stores nothing; scoping holds."""

from __future__ import annotations

import pytest

from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.standards.models import PayrollReturn
from insource.testing.payroll import SAMPLE
from insource.testing.payroll import upload as _upload
from insource.testing.workflow import council, team

pytestmark = pytest.mark.django_db


def test_contract_manager_uploads_and_sees_results(client, officer_login, world):
    authority, people, contract = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    response = _upload(client, authority, contract, "return.csv", SAMPLE.read_bytes())
    assert response.status_code == 302
    found = PayrollReturn.objects.get(contract=contract)
    page = client.get(response["Location"]).content.decode()
    assert "Fair wage (MS1)" in page and "W04" in page and "£54.00" in page
    assert f"{found.gender_pay['mean_hourly_gap']}%" in page
    assert "What the supplier published" in page and "2023 to 2024" in page
    assert AuditEvent.objects.filter(action="standards.payroll_upload").count() == 1


def test_bad_return_lists_every_problem_and_stores_nothing(client, officer_login, world):
    authority, people, contract = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    bad = "\n".join([lines[0], lines[1].replace(",F,", ",X,").replace(",M,", ",X,"), *lines[2:]])
    response = _upload(client, authority, contract, "return.csv", bad.encode())
    assert response.status_code == 400
    assert "Row 2" in response.content.decode() and "nothing was read" in response.content.decode()
    assert not PayrollReturn.objects.exists()


def test_only_contract_managers_upload_and_other_authorities_see_nothing(
    client, officer_login, world
):
    authority, people, contract = world
    officer_login(client, people[Role.COUNCILLOR])
    assert _upload(client, authority, contract, "r.csv", SAMPLE.read_bytes()).status_code == 403
    other = team(council(code="OTH"))
    officer_login(client, other[Role.CONTRACT_MANAGER])
    assert _upload(client, authority, contract, "r.csv", SAMPLE.read_bytes()).status_code == 404
    assert not PayrollReturn.objects.exists()
