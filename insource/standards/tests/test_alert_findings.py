"""Standards found unmet raise their alert once, whatever the date they fell due (issue 19,
ADR 0039): the demo's payroll return (the shipped sample: one worker below the Real Living Wage,
paid in May 2026, before the decision) raises exactly one MS1 alert on the first run and none on
the second; a KPI assessment short of the standard and an officer's check of MS6 unmet raise
theirs; the contract manager is emailed (in Welsh and English in Wales); the audit view lists
them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from conftest import TEST_NOW
from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.bilingual import EMAIL_SEPARATOR
from insource.core.models import AuditEvent
from insource.standards.models import MonitoringAlert
from insource.standards.monitoring.services import (
    RecordInput,
    monitoring_alerts_raise,
    monitoring_record_add,
)
from insource.standards.payroll.services import payroll_return_upload
from insource.testing.monitoring import continuing
from insource.testing.payroll import SAMPLE

pytestmark = pytest.mark.django_db
DECIDED = date(2026, 11, 23)  # the builders' TODAY: no calendar item is overdue yet


@pytest.fixture
def setting():
    authority, people, contract, decision = continuing()
    manager = people[Role.CONTRACT_MANAGER]
    payroll_return_upload(
        contract=contract,
        authority=authority,
        name=SAMPLE.name,
        content=SAMPLE.read_bytes(),
        user=manager,
        by=Actor.for_user(manager),
        at=TEST_NOW + timedelta(hours=1),
    )
    return authority, people, contract, decision


def _run(authority, on=DECIDED):
    return monitoring_alerts_raise(
        on=on, by=Actor.system("tests"), at=TEST_NOW, authorities=[authority]
    )


def test_the_demo_return_raises_exactly_one_ms1_alert_then_none(
    setting, django_capture_on_commit_callbacks
):
    authority, people, contract, _ = setting
    first = _run(authority)
    assert [(a.standard, a.status) for a in first.raised] == [("MS1", "breach")]
    alert = first.raised[0]
    assert alert.item_key.startswith("finding-MS1-return-")
    assert alert.due_on == date(2026, 5, 31)  # the pay date, before the decision
    assert "workers paid below the applicable rate" in alert.label
    assert first.notified == 1 and alert.num_notified == 1
    assert mail.outbox[-1].to == [people[Role.CONTRACT_MANAGER].email]
    assert "MS1 found unmet (payroll return)" in mail.outbox[-1].body
    second = _run(authority)
    assert (second.raised, second.already, second.notified) == ([], 1, 0)
    later = _run(authority, on=DECIDED + timedelta(days=30))  # a later day: still once
    assert later.raised == [] and MonitoringAlert.objects.filter(contract=contract).count() == 1
    assert AuditEvent.objects.filter(action="standards.alert").count() == 1
    assert len(mail.outbox) == 1


def test_the_command_reports_the_finding_once(setting):
    def run():
        out = StringIO()
        call_command("standards", "alerts", "--on", DECIDED.isoformat(), "--json", stdout=out)
        return json.loads(out.getvalue())

    first = run()
    assert [(a["standard"], a["status"]) for a in first["raised"]] == [("MS1", "breach")]
    assert run()["raised"] == []


def _record(setting, **fields):
    authority, people, contract, _ = setting
    manager = people[Role.CONTRACT_MANAGER]
    entry = RecordInput(**({"checked_on": DECIDED, "evidence": "seen"} | fields))
    return monitoring_record_add(
        authority=authority,
        contract=contract,
        entry=entry,
        user=manager,
        by=Actor.for_user(manager),
        at=TEST_NOW,
        on=DECIDED,
    )


def test_a_kpi_assessment_and_an_officers_check_found_unmet_raise_theirs(setting):
    authority, *_ = setting
    _run(authority)
    _record(setting, kind="kpi_assessment", num_kpis=2, is_published=True)
    _record(setting, kind="standard_check", standard="MS6", status="unmet")
    _record(setting, kind="standard_check", standard="MS7", status="met")  # met: no alert
    raised = _run(authority).raised
    assert sorted(a.standard for a in raised) == ["MS6", "MS9"]
    assert all(a.item_key.startswith(f"finding-{a.standard}-record-") for a in raised)
    assert _run(authority).raised == []


def test_a_welsh_authority_is_told_in_welsh_and_english(
    setting, django_capture_on_commit_callbacks
):
    authority, *_ = setting
    authority.nation = "Wales"
    authority.save(update_fields=["nation"])
    _run(authority)
    assert EMAIL_SEPARATOR in mail.outbox[-1].body and " / " in mail.outbox[-1].subject


def test_the_audit_view_shows_the_alert(client, officer_login, setting):
    authority, people, contract, _ = setting
    _run(authority)
    officer_login(client, people[Role.AUDITOR])
    page = client.get(reverse("oversight:audit", kwargs={"code": authority.code}))
    text = page.content.decode()
    assert '<strong id="count-alerts">1</strong>' in text
    assert "MS1 found unmet (payroll return)" in text and contract.title in text
