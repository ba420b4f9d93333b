"""Writes of continuing contracts' monitoring: an officer's record (a standard checked, a KPI
assessment, a capacity progress report) and the daily raising of alerts. Atomic and audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.authorities.models import Authority, Membership, Role
from insource.core.audit import Actor, audit_record
from insource.standards.models import MonitoringAlert, MonitoringRecord
from insource.standards.monitoring.notify import notify_alerts
from insource.standards.monitoring.selectors import authority_monitoring, decision_continuing

K = MonitoringRecord.Kind
STANDARDS = tuple(f"MS{n}" for n in range(1, 14))
STATUSES = {"MS11": ("met", "unmet", "due_at_award")}
DEFAULT_STATUSES = ("met", "unmet", "unknown")
MS2_REFUSAL = (
    "MS2 cannot be recorded as met or unmet: a term requiring trade union recognition is void "
    "(TULRCA 1992 s.186). Record the lawful measures under MS8 or MS12 instead."
)


@dataclass(frozen=True)
class RecordInput:
    """What the officer entered; the form keeps it when the service refuses it."""

    kind: str
    checked_on: date
    evidence: str
    standard: str = ""
    status: str = ""
    num_kpis: int | None = None
    num_kpis_met: int | None = None
    is_published: bool | None = None
    evidence_url: str = ""


def _errors(entry: RecordInput, decided_on: date, on: date) -> dict[str, str]:
    errors = {}
    if entry.kind not in K.values:
        errors["kind"] = "Choose what you are recording"
    if entry.checked_on > on:
        errors["checked_on"] = "The date must be today or in the past"
    elif entry.checked_on < decided_on:
        errors["checked_on"] = f"The date must be on or after the decision ({decided_on})"
    if not entry.evidence.strip():
        errors["evidence"] = "Enter the evidence: what was seen, and where it is kept"
    if entry.kind == K.STANDARD_CHECK:
        errors |= _standard_errors(entry)
    if entry.kind == K.KPI_ASSESSMENT:
        errors |= _kpi_errors(entry)
    return errors


def _standard_errors(entry: RecordInput) -> dict[str, str]:
    if entry.standard == "MS2":
        return {"standard": MS2_REFUSAL}
    if entry.standard not in STANDARDS:
        return {"standard": "Choose the standard you checked (MS1 to MS13)"}
    allowed = STATUSES.get(entry.standard, DEFAULT_STATUSES)
    if entry.status not in allowed:
        return {"status": f"Choose the status: {', '.join(allowed)}"}
    return {}


def _kpi_errors(entry: RecordInput) -> dict[str, str]:
    if entry.num_kpis is None or entry.num_kpis < 1:
        return {"num_kpis": "Enter the number of KPIs assessed, 1 or more"}
    if entry.num_kpis_met is not None and not 0 <= entry.num_kpis_met <= entry.num_kpis:
        return {"num_kpis_met": "KPIs met must be between 0 and the number assessed"}
    if entry.is_published is None:
        return {"is_published": "Say whether the assessment is published"}
    return {}


@transaction.atomic
def monitoring_record_add(
    *, authority: Authority, contract, entry: RecordInput, user, by: Actor, at: datetime, on: date
) -> MonitoringRecord:
    """Record one monitoring observation for a continuing contract (ValidationError by field)."""
    decision = decision_continuing(authority=authority, contract=contract)
    if decision is None:
        raise ValidationError({"kind": "No decision keeps this contract outsourced"})
    errors = _errors(entry, decision.decided_on, on)
    if errors:
        raise ValidationError(errors)
    standard = entry.standard if entry.kind == K.STANDARD_CHECK else ""
    record = MonitoringRecord.objects.create(
        contract=contract,
        authority=authority,
        decision=decision,
        kind=entry.kind,
        standard=standard or {K.KPI_ASSESSMENT: "MS9", K.CAPACITY_PROGRESS: "MS5"}[entry.kind],
        status=entry.status if standard else "",
        checked_on=entry.checked_on,
        num_kpis=entry.num_kpis if entry.kind == K.KPI_ASSESSMENT else None,
        num_kpis_met=entry.num_kpis_met if entry.kind == K.KPI_ASSESSMENT else None,
        is_published=entry.is_published if entry.kind == K.KPI_ASSESSMENT else None,
        evidence=entry.evidence.strip(),
        evidence_url=entry.evidence_url.strip(),
        recorded_by=user,
        recorded_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action=f"standards.{entry.kind}",
        obj=record,
        authority=authority,
        after={
            "contract": contract.pk,
            "standard": record.standard,
            "status": record.status,
            "checked_on": entry.checked_on.isoformat(),
        },
    )
    return record


@transaction.atomic
def monitoring_finding_record(
    *, authority: Authority, contract, standard: str, evidence: str, on: date, by: Actor, at
) -> MonitoringRecord | None:
    """A standard found unmet by another part of the product, not an officer (a contractor's
    late reply to an information request: MS6), kept as a check with no officer; it raises its
    alert like any finding. None when no decision keeps the contract outsourced."""
    decision = decision_continuing(authority=authority, contract=contract)
    if decision is None or standard not in STANDARDS or standard == "MS2":
        return None
    record = MonitoringRecord.objects.create(
        contract=contract,
        authority=authority,
        decision=decision,
        kind=K.STANDARD_CHECK,
        standard=standard,
        status="unmet",
        checked_on=max(on, decision.decided_on),
        evidence=evidence.strip(),
        recorded_by=None,
        recorded_at=at,
    )
    after = {"contract": contract.pk, "standard": standard, "status": "unmet"}
    audit_record(
        by=by, at=at, action="standards.finding", obj=record, authority=authority, after=after
    )
    return record


@dataclass
class AlertsRun:
    """What one run of `insource standards alerts` did."""

    raised: list[MonitoringAlert] = field(default_factory=list)
    already: int = 0
    notified: int = 0


def monitoring_alerts_raise(*, on: date, by: Actor, at: datetime, authorities) -> AlertsRun:
    """Raise one alert per overdue calendar item (per due date) and per standard found unmet
    (per finding: a payroll return, a KPI assessment, an officer's check), whatever the date it
    fell due, and tell the authority's contract managers about new ones, once. Idempotent."""
    run = AlertsRun()
    for authority in authorities:
        with transaction.atomic():
            new = _raise_for(authority, on=on, by=by, at=at, run=run)
        if new:
            run.notified += notify_alerts(authority, new, _managers(authority))
    return run


def _raise_for(authority, *, on, by, at, run: AlertsRun) -> list[MonitoringAlert]:
    new = []
    for m in authority_monitoring(authority=authority, on=on):
        for item in m.to_raise:
            alert, created = MonitoringAlert.objects.get_or_create(
                contract=m.contract,
                item_key=item.key,
                due_on=item.due_on,
                defaults={
                    "authority": authority,
                    "standard": item.standard,
                    "label": item.label[:300],
                    "status": item.status,
                    "raised_on": on,
                    "raised_at": at,
                },
            )
            if created:
                new.append(alert)
                after = {"item": item.key, "due_on": str(item.due_on)}
                audit_record(
                    by=by,
                    at=at,
                    action="standards.alert",
                    obj=alert,
                    authority=authority,
                    after=after,
                )
            else:
                run.already += 1
    run.raised += new
    return new


def _managers(authority) -> list:
    rows = Membership.objects.filter(authority=authority, role=Role.CONTRACT_MANAGER)
    return [m.user for m in rows.select_related("user")]
