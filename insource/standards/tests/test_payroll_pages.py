"""A contract manager uploads a payroll return and sees the shortfalls and the six measures
beside the supplier's published figures; a bad return stores nothing; scoping holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.models import AuditEvent
from insource.register.tests.factories import SupplierFactory
from insource.reviews.tests.workflow_support import council, refuse_contract, team
from insource.standards.models import PayrollReturn

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "payroll-return-sample.csv"


@pytest.fixture
def world():
    authority = council(code="PAY")
    people = team(authority)
    supplier = SupplierFactory(name="3M UK PLC", company_number="01123045")
    contract = refuse_contract(authority, suppliers=[supplier])
    return authority, people, contract


def _upload(client, authority, contract, name, content):
    url = reverse("standards:payroll", kwargs={"code": authority.code, "pk": contract.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


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
