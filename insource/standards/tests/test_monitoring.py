"""Monitoring a continuing contract: the standards matrix from the decision and what is recorded
since, the calendar's alerts by date, officers' records, and the pages by role."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from conftest import TEST_NOW
from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.standards.models import MonitoringAlert, MonitoringRecord
from insource.standards.monitoring.selectors import authority_monitoring, contract_monitoring
from insource.standards.monitoring.services import (
    RecordInput,
    monitoring_alerts_raise,
    monitoring_record_add,
)
from insource.standards.payroll.services import payroll_return_upload
from insource.testing.monitoring import continuing

pytestmark = pytest.mark.django_db
DECIDED = date(2026, 11, 23)  # the builders' TODAY
HEADER = (
    "worker_ref,role,gender,is_london,period_start,period_end,hours,ordinary_pay,"
    "bonus_pay_12m,is_subcontractor\n"
)


def _return(rows: list[str]) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode()


def _upload(setting, content: bytes, at=TEST_NOW):
    authority, people, contract, _ = setting
    manager = people[Role.CONTRACT_MANAGER]
    return payroll_return_upload(
        contract=contract,
        authority=authority,
        name="return.csv",
        content=content,
        user=manager,
        by=Actor.for_user(manager),
        at=at,
    )


@pytest.fixture
def setting():
    return continuing()


def rows_of(m) -> dict:
    return {r.id: r for r in m.rows}


def test_the_matrix_starts_from_the_decision(setting):
    authority, _, contract, decision = setting
    assert decision.outcome == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    m = contract_monitoring(authority=authority, contract=contract, on=DECIDED)
    rows = rows_of(m)
    assert list(rows) == [f"MS{n}" for n in range(1, 14)]
    assert rows["MS1"].status == "met" and rows["MS1"].mandatory
    assert rows["MS11"].status == "due_at_award"  # provider not chosen yet
    assert rows["MS2"].status == "not_applicable"
    assert "s.186" in rows["MS2"].reason and len(rows["MS2"].measures) == 3
    assert [s.source for s in rows["MS4"].history] == ["decision"]


def test_a_return_with_workers_below_the_rate_is_a_breach_of_ms1(setting):
    authority, _, contract, _ = setting
    # £12.00 an hour on 2026-11-20: below the Real Living Wage (£13.45 from 2026-05-01)
    _upload(
        setting,
        _return(
            [
                "W1,Loader,M,false,2026-11-01,2026-11-20,100,1200.00,0,false",
                "W2,Driver,F,false,2026-11-01,2026-11-20,100,1500.00,0,false",
            ]
        ),
    )
    m = contract_monitoring(authority=authority, contract=contract, on=DECIDED)
    ms1, ms4 = rows_of(m)["MS1"], rows_of(m)["MS4"]
    assert ms1.status == "unmet" and ms1.is_breach
    assert "1 of 2 workers paid below" in ms1.reason and "£145.00" in ms1.reason
    assert ms4.status == "met" and "median hourly gap" in ms4.reason
    assert ms1.evidence[0].link == {"return": m.returns[0].pk}
    assert [r.id for r in m.breaches] == ["MS1"] and [r.id for r in m.blocked] == ["MS1"]


def test_a_return_at_the_rate_meets_ms1(setting):
    authority, _, contract, _ = setting
    _upload(setting, _return(["W1,Loader,M,false,2026-11-01,2026-11-20,100,1345.00,0,false"]))
    m = contract_monitoring(authority=authority, contract=contract, on=DECIDED)
    assert rows_of(m)["MS1"].status == "met"
    assert rows_of(m)["MS1"].history[0].source == "payroll return"


def test_an_overdue_audit_leaves_ms4_unmet_and_raises_an_alert(setting):
    authority, _, contract, _ = setting
    later = DECIDED + timedelta(days=366)
    m = contract_monitoring(authority=authority, contract=contract, on=later)
    assert "gender-pay-audit" in [i.key for i in m.alerts]
    assert rows_of(m)["MS4"].status == "unmet"
    assert rows_of(m)["MS9"].status == "unmet"  # the KPI assessment is overdue too
    assert contract_monitoring(authority=authority, contract=contract, on=DECIDED).alerts == []


def test_alerts_are_raised_once_and_contract_managers_told(
    setting, django_capture_on_commit_callbacks
):
    authority, people, contract, _ = setting
    later, at = DECIDED + timedelta(days=400), TEST_NOW + timedelta(days=400)
    run = monitoring_alerts_raise(
        on=later, by=Actor.system("tests"), at=at, authorities=[authority]
    )
    keys = sorted(a.item_key for a in run.raised)
    assert keys == ["gender-pay-audit", "kpi-assessment"]
    assert run.notified == 1
    assert mail.outbox[-1].to == [people[Role.CONTRACT_MANAGER].email]
    assert "Annual payroll return: gender pay audit" in mail.outbox[-1].body
    again = monitoring_alerts_raise(
        on=later, by=Actor.system("tests"), at=at, authorities=[authority]
    )
    assert (again.raised, again.already, again.notified) == ([], 2, 0)
    assert MonitoringAlert.objects.filter(contract=contract).count() == 2
    assert AuditEvent.objects.filter(action="standards.alert").count() == 2


def _entry(**kwargs) -> RecordInput:
    fields = {"kind": "standard_check", "checked_on": DECIDED, "evidence": "Exclusion check"}
    return RecordInput(**(fields | kwargs))


def _add(setting, entry: RecordInput, on=DECIDED):
    authority, people, contract, _ = setting
    manager = people[Role.CONTRACT_MANAGER]
    return monitoring_record_add(
        authority=authority,
        contract=contract,
        entry=entry,
        user=manager,
        by=Actor.for_user(manager),
        at=TEST_NOW,
        on=on,
    )


def test_an_officer_records_ms11_after_the_award(setting):
    authority, _, contract, _ = setting
    _add(setting, _entry(standard="MS11", status="met", evidence="Not on the debarment list"))
    row = rows_of(contract_monitoring(authority=authority, contract=contract, on=DECIDED))["MS11"]
    assert (row.status, row.reason) == ("met", "Not on the debarment list")
    assert [s.source for s in row.history] == ["officer's check", "decision"]
    assert AuditEvent.objects.filter(action="standards.standard_check").count() == 1


@pytest.mark.parametrize("status", ["met", "unmet", "unknown"])
def test_ms2_can_never_be_recorded(setting, status):
    with pytest.raises(ValidationError) as error:
        _add(setting, _entry(standard="MS2", status=status))
    assert "void" in str(error.value.message_dict["standard"])
    assert not MonitoringRecord.objects.exists()


@pytest.mark.parametrize(
    ("entry", "field", "text"),
    [
        (_entry(standard="MS6", status="due_at_award"), "status", "Choose the status"),
        (_entry(standard="MS14", status="met"), "standard", "MS1 to MS13"),
        (_entry(standard="MS6", status="met", evidence="  "), "evidence", "Enter the evidence"),
        (
            _entry(checked_on=DECIDED + timedelta(days=1), standard="MS6", status="met"),
            "checked_on",
            "today or in the past",
        ),
        (
            _entry(checked_on=date(2020, 1, 1), standard="MS6", status="met"),
            "checked_on",
            "on or after the decision",
        ),
        (_entry(kind="kpi_assessment", num_kpis=0), "num_kpis", "1 or more"),
        (
            _entry(kind="kpi_assessment", num_kpis=3, num_kpis_met=4, is_published=True),
            "num_kpis_met",
            "between 0",
        ),
        (_entry(kind="kpi_assessment", num_kpis=3), "is_published", "published"),
    ],
)
def test_bad_records_are_refused_by_field(setting, entry, field, text):
    with pytest.raises(ValidationError) as error:
        _add(setting, entry)
    assert text in " ".join(error.value.message_dict[field])
    assert not MonitoringRecord.objects.exists()


def test_a_kpi_assessment_meets_ms9_and_moves_the_calendar(setting):
    authority, _, contract, _ = setting
    _add(setting, _entry(kind="kpi_assessment", num_kpis=4, num_kpis_met=3, is_published=True))
    m = contract_monitoring(authority=authority, contract=contract, on=DECIDED)
    assert rows_of(m)["MS9"].status == "met"
    kpi = next(i for i in m.items if i.key == "kpi-assessment")
    assert kpi.due_on == date(2027, 11, 23)
    _add(setting, _entry(kind="kpi_assessment", num_kpis=2, is_published=False))
    m = contract_monitoring(authority=authority, contract=contract, on=DECIDED)
    assert rows_of(m)["MS9"].status == "unmet"
    assert "fewer than the 3 required" in rows_of(m)["MS9"].reason


def test_only_decisions_that_keep_a_contract_outsourced_are_monitored(setting):
    from insource.testing.workflow import decided_review, refuse_contract

    authority, people, _, _ = setting
    insourced = refuse_contract(authority, title="Street cleansing")
    decided_review(authority, people, insourced)
    assert contract_monitoring(authority=authority, contract=insourced, on=DECIDED) is None
    assert len(authority_monitoring(authority=authority, on=DECIDED)) == 1
    with pytest.raises(ValidationError):
        monitoring_record_add(
            authority=authority,
            contract=insourced,
            entry=_entry(standard="MS6", status="met"),
            user=people[Role.CONTRACT_MANAGER],
            by=Actor.system("tests"),
            at=TEST_NOW,
            on=DECIDED,
        )


def test_the_next_check_of_ms1_is_the_annual_payroll_return(setting):
    authority, _, contract, _ = setting
    rows = rows_of(contract_monitoring(authority=authority, contract=contract, on=DECIDED))
    assert rows["MS1"].next_on == rows["MS4"].next_on == date(2027, 11, 23)
    assert rows["MS6"].next_on is None
