"""Reads of in-house services and KPIs. Officers' reads take the authority; the public reads
only services and figures (no person's data: counts and shares). The date is an argument."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from insource.inhouse.models import InhouseService, Kpi, KpiRating
from insource.policy.fair_wage import rates_on
from insource.policy.params import Parameters
from insource.reviews.models import Decision, Publication
from insource.transition.services.plans import plan_route


def decision_route(decision) -> str | None:
    """The route a decision brings the service home by ("in-house" or "public-public", the
    transition plan's `plan_route`), or None when it does not or is no longer in force."""
    if Decision.objects.filter(replaces=decision).exists():
        return None
    return plan_route(decision)


def decisions_awaiting_go_live(*, authority) -> list:
    """The authority's signed decisions in force that bring a service home and whose service
    has not gone live (a transition plan's go-live does it; an officer may record it here)."""
    rows = (
        Decision.objects.filter(authority=authority, replaced_by__isnull=True)
        .exclude(contract__inhouse_service__isnull=False)
        .select_related("contract")
        .order_by("-signed_at")
    )
    return [d for d in rows if decision_route(d) is not None]


def decision_awaiting_go_live_or_404(*, authority, pk: int):
    """One of the authority's decisions awaiting go-live, or 404."""
    found = next((d for d in decisions_awaiting_go_live(authority=authority) if d.pk == pk), None)
    if found is None:
        raise Http404("No decision awaiting go-live")
    return found


def services_of(*, authority) -> list[InhouseService]:
    """The authority's in-house services, latest go-live first."""
    return list(InhouseService.objects.filter(authority=authority).select_related("contract"))


def service_get(*, authority, pk: int) -> InhouseService | None:
    """One of the authority's in-house services."""
    return _services().filter(authority=authority, pk=pk).first()


def service_or_404(*, authority, pk: int) -> InhouseService:
    """One of the authority's in-house services, or 404."""
    service = service_get(authority=authority, pk=pk)
    if service is None:
        raise Http404("No such in-house service among this authority's")
    return service


def _services() -> QuerySet[InhouseService]:
    return InhouseService.objects.select_related("authority", "contract", "decision")


def services_public() -> QuerySet[InhouseService]:
    """Every service brought home by any authority (a public fact), with its years, KPIs and
    their ratings."""
    ratings = Prefetch("ratings", queryset=KpiRating.objects.order_by("period_start"))
    kpis = Prefetch("kpis", queryset=Kpi.objects.prefetch_related(ratings).order_by("kind", "id"))
    return _services().prefetch_related("years", kpis).order_by("authority__name", "name")


def service_public_get(pk: int) -> InhouseService | None:
    """One brought-home service for the public page."""
    return services_public().filter(pk=pk).first()


def services_public_figures(*, authority=None) -> list:
    """The national list (or one authority's part of it): each service's published figures."""
    from insource.inhouse.figures import service_figures

    rows = services_public()
    if authority is not None:
        rows = rows.filter(authority=authority)
    return [service_figures(s, list(s.kpis.all())) for s in rows]


def service_public_figures(pk: int):
    """One brought-home service's published figures, or None."""
    from insource.inhouse.figures import service_figures

    service = service_public_get(pk)
    return service_figures(service, list(service.kpis.all())) if service else None


def service_figures_for(*, authority, pk: int):
    """One of the authority's services with its figures (the officer's page), or None."""
    from insource.inhouse.figures import service_figures

    service = service_get(authority=authority, pk=pk)
    return service_figures(service, kpis_of(service=service)) if service else None


def service_figures_or_404(*, authority, pk: int):
    """One of the authority's services with its figures, or 404."""
    figures = service_figures_for(authority=authority, pk=pk)
    if figures is None:
        raise Http404("No such in-house service among this authority's")
    return figures


def kpis_of(*, contract=None, service=None) -> list[Kpi]:
    """The KPIs of a contract and/or its in-house service, each with its ratings in period
    order (a contract's KPIs carried over appear once)."""
    rows = Kpi.objects.none()
    if service is not None:
        rows = Kpi.objects.filter(service=service)
    elif contract is not None:
        rows = Kpi.objects.filter(contract=contract)
    ratings = Prefetch("ratings", queryset=KpiRating.objects.order_by("period_start"))
    return list(rows.prefetch_related(ratings).order_by("kind", "id"))


def kpi_get(*, authority, pk: int) -> Kpi | None:
    """One of the authority's KPIs."""
    return Kpi.objects.filter(authority=authority, pk=pk).select_related("service").first()


def kpi_or_404(*, authority, pk: int) -> Kpi:
    """One of the authority's KPIs, or 404."""
    kpi = kpi_get(authority=authority, pk=pk)
    if kpi is None:
        raise Http404("No such KPI among this authority's")
    return kpi


def service_of_contract(contract) -> InhouseService | None:
    """The in-house service a contract became, if any."""
    return InhouseService.objects.filter(contract=contract).first()


@dataclass(frozen=True)
class Assessment:
    """The contract's KPIs rated for periods ending on one date: one MS9 observation."""

    on: date
    num_kpis: int
    num_good: int
    first_pk: int


def contract_kpi_assessments(*, contract, since: date) -> list[Assessment]:
    """The contract's performance KPIs rated under the contract for periods ending on or
    after `since`, grouped by period end (what MS9 and its calendar read)."""
    rows = KpiRating.objects.filter(
        kpi__contract=contract,
        kpi__kind=Kpi.Kind.PERFORMANCE,
        delivered_by=KpiRating.DeliveredBy.CONTRACTOR,
        period_end__gte=since,
    ).order_by("period_end", "id")
    grouped: dict[date, list[KpiRating]] = {}
    for r in rows:
        grouped.setdefault(r.period_end, []).append(r)
    return [
        Assessment(on, len({r.kpi_id for r in rs}), sum(r.rating == "good" for r in rs), rs[0].pk)
        for on, rs in grouped.items()
    ]


@dataclass(frozen=True)
class KpiRequirement:
    """Procurement Act 2023 s.52/s.71 for one contract: whether it applies (value over the
    threshold), the KPIs set against the minimum, and the latest assessment against the
    interval."""

    applies: bool
    threshold_gbp: object
    minimum: int
    num_kpis: int
    interval_months: int
    last_assessed_on: date | None
    is_assessment_due: bool

    @property
    def is_short(self) -> bool:
        return self.applies and self.num_kpis < self.minimum


def kpi_requirement(*, contract, kpis: list[Kpi], on: date) -> KpiRequirement:
    """The s.52 check shown on the contract's and the service's KPI pages."""
    from dateutil.relativedelta import relativedelta

    params = Parameters()
    threshold = params.read("kpi.law_value_threshold_gbp", on).value
    minimum = int(params.read("kpi.min_count", on).value)
    interval = int(params.read("kpi.assessment_interval_months", on).value)
    value = contract.value_inc_vat or contract.value_amount or 0
    performance = [k for k in kpis if k.kind == Kpi.Kind.PERFORMANCE]
    ends = [r.period_end for k in performance for r in k.ratings.all() if r.period_end <= on]
    last = max(ends, default=None)
    due = last is None or last + relativedelta(months=interval) < on
    return KpiRequirement(
        value > threshold, threshold, minimum, len(performance), interval, last, due
    )


def fair_wage_on(service: InhouseService, on: date):
    """The fair wage in force on a date where the service works (London or not, from the
    decision's facts): the policy's dated Real Living Wage, floored at the National Living
    Wage."""
    facts = service.decision.facts or {}
    return rates_on(on, is_london=bool((facts.get("contract") or {}).get("is_london")))


def decision_publication(decision):
    """The decision's public pack, if it is published (None otherwise)."""
    return Publication.objects.filter(decision=decision).first()
