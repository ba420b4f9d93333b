"""Reads of continuing contracts' monitoring: which contracts stay outsourced, their standards
matrix and calendar, the authority's view and the audit committee's. Every query takes the
authority; the date is an argument."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from insource.authorities.models import Authority
from insource.inhouse.selectors import contract_kpi_assessments
from insource.policy.params import Parameters
from insource.policy.rules import REGISTRY
from insource.policy.standards import IDS as STANDARD_RULES
from insource.reviews.models import Decision, Publication, Review
from insource.standards.models import MonitoringAlert, MonitoringRecord, PayrollReturn
from insource.standards.monitoring import calendar as cal
from insource.standards.monitoring import findings as fd
from insource.standards.monitoring import matrix as mx

OUTSOURCING = Q(outcome__startswith="OUTSOURCE_") | Q(outcome__startswith="OUTSIDE_PRESUMPTION_")
K = MonitoringRecord.Kind
LABELS = {key: REGISTRY[rid].label.split(" ", 1)[1] for key, rid in STANDARD_RULES.items()}


@dataclass
class Monitoring:
    """One continuing contract: the decision in force, its calendar and standards matrix."""

    decision: Decision
    items: list[cal.Item]
    rows: list[mx.Row]
    returns: list[PayrollReturn]
    records: list[MonitoringRecord]
    findings: list[cal.Item] = field(default_factory=list)  # standards found unmet

    @property
    def contract(self):
        return self.decision.contract

    @property
    def alerts(self) -> list[cal.Item]:
        return [i for i in self.items if i.is_alert]

    @property
    def to_raise(self) -> list[cal.Item]:
        """What `insource standards alerts` raises: overdue items and every finding."""
        return fd.to_raise(self.items, self.findings)

    @property
    def breaches(self) -> list[mx.Row]:
        return [r for r in self.rows if r.is_breach]

    @property
    def blocked(self) -> list[mx.Row]:
        return [r for r in self.rows if r.is_breach and r.mandatory]

    @property
    def next_item(self) -> cal.Item | None:
        return next((i for i in self.items if i.status != "done"), None)


def decisions_continuing(*, authority: Authority) -> QuerySet[Decision]:
    """The authority's decisions in force that keep a contract outsourced, newest first."""
    return (
        Decision.objects.filter(OUTSOURCING, authority=authority, replaced_by__isnull=True)
        .select_related("contract", "review")
        .order_by("contract_id", "-signed_at")
    )


def authorities_monitored() -> list[Authority]:
    """Every authority with at least one decision in force that keeps a contract outsourced."""
    ids = Decision.objects.filter(OUTSOURCING, replaced_by__isnull=True).values("authority_id")
    return list(Authority.objects.filter(pk__in=ids).order_by("code"))


def decision_continuing(*, authority: Authority, contract) -> Decision | None:
    """The decision in force that keeps this contract outsourced, or None."""
    latest = (
        Decision.objects.filter(authority=authority, contract=contract, replaced_by__isnull=True)
        .select_related("contract", "review")
        .order_by("-signed_at")
        .first()
    )
    return latest if latest is not None and _is_outsourcing(latest.outcome) else None


def contract_monitoring_public(contract, *, on: date) -> Monitoring | None:
    """The monitoring the public may see: only under a published decision that keeps the
    contract outsourced (aggregate figures only: no worker's row, no officer's page)."""
    decision = decision_continuing(authority=contract.reviewing_authority, contract=contract)
    if decision is None or not Publication.objects.filter(decision=decision).exists():
        return None
    return _monitoring(decision, on)


def _is_outsourcing(outcome: str) -> bool:
    return outcome.startswith(("OUTSOURCE_", "OUTSIDE_PRESUMPTION_"))


def contract_monitoring(*, authority: Authority, contract, on: date) -> Monitoring | None:
    """The contract's monitoring on `on`, or None when no decision keeps it outsourced."""
    decision = decision_continuing(authority=authority, contract=contract)
    return _monitoring(decision, on) if decision else None


def authority_monitoring(*, authority: Authority, on: date) -> list[Monitoring]:
    """Every continuing contract of the authority (the latest decision per contract)."""
    latest = {}
    for decision in decisions_continuing(authority=authority):
        latest.setdefault(decision.contract_id, decision)
    rows = [_monitoring(d, on) for d in latest.values()]
    return sorted(rows, key=lambda m: (-len(m.alerts), m.next_item.due_on if m.next_item else on))


def _monitoring(decision: Decision, on: date) -> Monitoring:
    params = Parameters()
    returns = list(
        PayrollReturn.objects.filter(
            contract=decision.contract, uploaded_at__gte=decision.signed_at
        )
        .defer("file_bytes")
        .order_by("-pay_on", "-id")
    )
    records = list(MonitoringRecord.objects.filter(decision=decision).select_related("recorded_by"))
    kpis = contract_kpi_assessments(contract=decision.contract, since=decision.decided_on)
    items = cal.calendar(_monitored(decision, returns, records, kpis), on=on, params=params)
    seen = _seen(returns, records, params, on) + _kpi_seen(kpis, params, on)
    seen += mx.overdue_seen(items, on)
    standards = decision.standards_applied  # a departure's: on its proposed terms (ADR 0019)
    rows = mx.matrix(standards, LABELS, seen, items, decided_on=decision.decided_on)
    return Monitoring(decision, items, rows, returns, records, fd.findings(seen))


def _monitored(decision: Decision, returns, records, kpis) -> cal.Monitored:
    facts = decision.facts_applied or {}
    return cal.Monitored(
        decided_on=decision.decided_on,
        grounds=[decision.outcome]
        + [g["ground"] for g in decision.result.get("grounds", []) if "ground" in g],
        facts=facts,
        contract_end_on=decision.contract.end_on,
        is_london=bool((facts.get("contract") or {}).get("is_london")),  # default: not London
        payroll=[
            cal.PayrollSeen(r.pay_on, r.fair_wage["summary"]["below_rate"], r.pk)
            for r in returns
            if r.pay_on
        ],
        kpi_assessed_on=[r.checked_on for r in records if r.kind == K.KPI_ASSESSMENT]
        + [a.on for a in kpis],
        capacity_reported_on=[r.checked_on for r in records if r.kind == K.CAPACITY_PROGRESS],
        next_review_opened_on=_next_review_opened(decision),
    )


def _next_review_opened(decision: Decision) -> date | None:
    later = Review.objects.filter(
        contract=decision.contract, opened_at__gt=decision.signed_at
    ).exclude(pk=decision.review_id)
    return later.order_by("opened_on").values_list("opened_on", flat=True).first()


def _seen(returns, records, params: Parameters, on: date) -> list[mx.Seen]:
    tolerance = params.read("gender_pay.action_tolerance_pct", on).value
    minimum = int(params.read("kpi.min_count", on).value)
    seen = []
    for r in returns:
        if r.pay_on and r.pay_on <= on:
            seen += mx.payroll_seen(r.pk, r.pay_on, r.fair_wage, r.gender_pay, tolerance)
    for r in records:
        if r.kind == K.KPI_ASSESSMENT:
            seen.append(
                mx.kpi_seen(
                    r.pk,
                    r.checked_on,
                    r.num_kpis or 0,
                    r.num_kpis_met,
                    bool(r.is_published),
                    minimum,
                )
            )
        elif r.kind == K.STANDARD_CHECK:
            seen.append(
                mx.Seen(
                    r.checked_on,
                    r.standard,
                    r.status,
                    r.evidence,
                    "officer's check",
                    {"record": r.pk},
                )
            )
    return seen


def _kpi_seen(kpis, params: Parameters, on: date) -> list[mx.Seen]:
    """MS9 from the KPI model (`insource.inhouse`): each period end the contract's KPIs were
    rated for is one assessment, published (the ratings show on the contract's public page)."""
    minimum = int(params.read("kpi.min_count", on).value)
    return [
        mx.kpi_seen(a.first_pk, a.on, a.num_kpis, a.num_good, True, minimum, kind="rating")
        for a in kpis
        if a.on <= on
    ]


def alerts_of(*, authority: Authority) -> QuerySet[MonitoringAlert]:
    """Alerts raised for the authority's continuing contracts, oldest due first."""
    return MonitoringAlert.objects.filter(authority=authority).select_related("contract")
