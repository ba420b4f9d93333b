"""A supplier's record across the register, from aggregates only (no person is named): what the
public page and the panels show. Every date is an argument."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from insource.inhouse.models import KpiRating
from insource.oversight.suppliers.identity import identity_of, suppliers_of
from insource.register.models import Contract, ContractEvent, Supplier
from insource.standards.models import MonitoringAlert
from insource.standards.payroll.published_gpg import PublishedStatus, published_status
from insource.transparency.models import ContractorRequest
from insource.transparency.requests.contractors.selectors import Counts, counts_of

CHANGED = {"end_on", "max_end_on", "value_amount", "value_inc_vat", "supplier_names"}
FAILING = ("requires_improvement", "inadequate")  # ratings that are performance failures


@dataclass
class AuthorityLine:
    """The supplier's contracts with one authority."""

    authority_name: str
    authority_slug: str
    contracts: int = 0
    value_gbp: Decimal = Decimal(0)
    live: int = 0
    terminated: int = 0


@dataclass
class SupplierRecord:
    identity: str
    name: str
    other_names: list[str]
    identifiers: list[str]
    contracts: list[Contract]
    by_authority: list[AuthorityLine]
    live: int
    terminated: int
    changes: int
    ratings: dict[str, int]
    breaches: int
    overdue: int
    pay_gap: PublishedStatus | None
    information: Counts = field(default_factory=Counts)  # requests for what it holds (MS6)
    value_gbp: Decimal = Decimal(0)
    shown: list[Contract] = field(default_factory=list)

    @property
    def num_contracts(self) -> int:
        return len(self.contracts)

    @property
    def num_authorities(self) -> int:
        return len(self.by_authority)

    @property
    def performance_failures(self) -> int:
        return sum(self.ratings.get(r, 0) for r in FAILING)


def supplier_record(identity: str, *, on: date, shown: int = 50) -> SupplierRecord | None:
    """The record of the supplier with this identity on `on`, or None if the register has none."""
    rows = list(suppliers_of(identity))
    if not rows:
        return None
    contracts = list(
        Contract.objects.in_register()
        .filter(suppliers__in=rows)
        .distinct()
        .select_related("reviewing_authority")
        .order_by("end_on", "id")
    )
    names = Counter(s.name for s in rows)
    name = names.most_common(1)[0][0]
    lines: dict[int, AuthorityLine] = {}
    live = terminated = 0
    total = Decimal(0)
    for c in contracts:
        a = c.reviewing_authority
        line = lines.setdefault(a.pk, AuthorityLine(a.display_name, a.public_slug))
        line.contracts += 1
        value = c.value_inc_vat or c.value_amount or Decimal(0)
        line.value_gbp += value
        total += value
        if c.is_terminated:
            line.terminated += 1
            terminated += 1
        elif (c.max_end_on or c.end_on or date.min) >= on and (c.start_on or date.min) <= on:
            line.live += 1
            live += 1
    return SupplierRecord(
        identity=identity,
        name=name,
        other_names=sorted(n for n in names if n != name),
        identifiers=sorted({identity} | {identity_of(s) for s in rows}),
        contracts=contracts,
        by_authority=sorted(lines.values(), key=lambda x: (-x.contracts, x.authority_name)),
        live=live,
        terminated=terminated,
        changes=_changes(contracts),
        ratings=_ratings(contracts),
        breaches=_alerts(contracts, "breach"),
        overdue=_alerts(contracts, "overdue"),
        pay_gap=_pay_gap(identity, rows),
        information=counts_of(ContractorRequest.objects.filter(supplier__in=rows), on),
        value_gbp=total,
        shown=contracts[:shown],
    )


def _changes(contracts: list[Contract]) -> int:
    events = ContractEvent.objects.filter(
        contract__in=contracts,
        kind__in=[ContractEvent.Kind.UPDATED, ContractEvent.Kind.CORRECTED],
    ).values_list("changes", flat=True)
    return sum(1 for changes in events if CHANGED & set(changes or {}))


def _ratings(contracts: list[Contract]) -> dict[str, int]:
    ratings = KpiRating.objects.filter(
        kpi__contract__in=contracts, delivered_by=KpiRating.DeliveredBy.CONTRACTOR
    ).values_list("rating", flat=True)
    return dict(Counter(ratings))


def _alerts(contracts: list[Contract], status: str) -> int:
    return MonitoringAlert.objects.filter(contract__in=contracts, status=status).count()


def _pay_gap(identity: str, rows: list[Supplier]) -> PublishedStatus | None:
    """The supplier's published gender pay gap returns (gov.uk), joined on company number."""
    if identity.startswith("GB-COH-"):
        return published_status(identity.removeprefix("GB-COH-"))
    numbers = [s.company_number for s in rows if s.company_number]
    return published_status(numbers[0]) if numbers else None


def incumbent_records(contract: Contract, *, on: date) -> list[SupplierRecord]:
    """The record of each supplier of `contract` (the incumbent, on its review page)."""
    seen, records = set(), []
    for supplier in contract.suppliers.all():
        identity = identity_of(supplier)
        if identity in seen:
            continue
        seen.add(identity)
        if (record := supplier_record(identity, on=on, shown=0)) is not None:
            records.append(record)
    return records
