"""What reaches a decision point when: contracts expiring, planned procurements, the monthly
counts of the pipeline picture and the home page's figures. Every date is an argument."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth

from insource.authorities.models import Authority
from insource.register.models import Contract, PlannedProcurement
from insource.register.selectors.contracts import authorities_with_contracts, contract_list

PIPELINE_MONTHS = (6, 12, 18, 24, 36)

DEFAULT_PIPELINE_MONTHS = 18


def add_months(on: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 = 28 Feb)."""
    index = on.month - 1 + months
    year, month = on.year + index // 12, index % 12 + 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def register_summary(*, on: date | None = None, within_months: int = DEFAULT_PIPELINE_MONTHS):
    """Headline counts for the home page; the ending-soon count only when `on` is given."""
    return {
        "num_contracts": Contract.objects.in_register().count(),
        "num_authorities": authorities_with_contracts().count(),
        "num_planned": PlannedProcurement.objects.count(),
        "num_ending": (
            None if on is None else contracts_expiring(on=on, within_months=within_months).count()
        ),
        "within_months": within_months,
    }


def contracts_expiring(
    *, on: date, within_months: int, authority: Authority | None = None
) -> QuerySet[Contract]:
    """Contracts whose decision point (max end date, else end date) falls from `on` to
    `within_months` later, soonest first. Terminated contracts are not expiring."""
    until = add_months(on, within_months)
    in_window = Q(max_end_on__range=(on, until)) | Q(
        max_end_on__isnull=True, end_on__range=(on, until)
    )
    contracts = contract_list().filter(in_window, is_terminated=False)
    if authority is not None:
        contracts = contracts.filter(reviewing_authority=authority)
    return contracts.annotate(decision_on=Coalesce("max_end_on", "end_on")).order_by(
        "decision_on", "id"
    )


def planned_procurements(
    *, on: date, within_months: int, authority: Authority | None = None
) -> QuerySet[PlannedProcurement]:
    """Tender- or planning-stage processes expected to start (else to close their tender) from
    `on` to `within_months` later, soonest first. The authority matches the buyer or a body it
    succeeded."""
    until = add_months(on, within_months)
    planned = PlannedProcurement.objects.select_related("buyer").annotate(
        planned_on=Coalesce("start_on", "tender_ends_on")
    )
    planned = planned.filter(planned_on__range=(on, until), closed_on__isnull=True)
    if authority is not None:
        planned = planned.filter(Q(buyer=authority) | Q(buyer__successors=authority)).distinct()
    return planned.order_by("planned_on", "id")


@dataclass
class MonthCount:
    """How many contracts reach their decision point, and how many procurements are planned,
    in one calendar month."""

    month: date
    contracts: int = 0
    planned: int = 0


@dataclass
class Pipeline:
    """The expiry pipeline for one window: contracts, planned procurements and monthly counts."""

    on: date
    until: date
    within_months: int
    contracts: QuerySet[Contract]
    planned: QuerySet[PlannedProcurement]
    months: list[MonthCount] = field(default_factory=list)


def pipeline(*, on: date, within_months: int, authority: Authority | None = None) -> Pipeline:
    """Everything the pipeline page shows for the window starting `on`."""
    contracts = contracts_expiring(on=on, within_months=within_months, authority=authority)
    planned = planned_procurements(on=on, within_months=within_months, authority=authority)
    until = add_months(on, within_months)
    months = [MonthCount(add_months(on.replace(day=1), i)) for i in range(within_months + 1)]
    by_month = {m.month: m for m in months}
    for month, n in _counts_by_month(contracts, "decision_on"):
        by_month[month].contracts = n
    for month, n in _counts_by_month(planned, "planned_on"):
        by_month[month].planned = n
    return Pipeline(on, until, within_months, contracts, planned, months)


def _counts_by_month(queryset: QuerySet, date_field: str) -> list[tuple[date, int]]:
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("id", distinct=True))
        .order_by("month")
    )
    return [(_as_date(row["month"]), row["n"]) for row in rows]


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value
