"""One service across every adopting authority (ADR 0044): reviews open, late and falling due,
published decisions in force by kind, services brought home and their figures, unit costs.
Public facts only; the date is an argument."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, Substr

from insource.appraisal.selectors import run_for_decision
from insource.authorities.models import Authority
from insource.inhouse.figures import ServiceFigures, service_figures
from insource.inhouse.measures import forecast_years
from insource.inhouse.selectors import services_public
from insource.national.catalogue import Service, group_key
from insource.national.units import Divisor, divisor_for, per_unit
from insource.register.models import Contract
from insource.register.selectors.pipeline import add_months
from insource.reviews.models import Decision, Review
from insource.reviews.workflow.timing import months_param
from insource.sharing.selectors import shared_for_service

IN_HOUSE, OUTSOURCED, NOT_COVERED, OTHER = "in-house", "outsourced", "not-covered", "other"
KINDS = (IN_HOUSE, OUTSOURCED, NOT_COVERED, OTHER)
OUTCOME, APPRAISAL, CONTRACT = "outturn", "appraisal", "contract"


def outcome_kind(code: str) -> str:
    """The kind of a decision's outcome: in house, outsourced, not covered by the policy, other."""
    if code.startswith("INSOURCE_"):
        return IN_HOUSE
    if code.startswith("OUTSOURCE_"):
        return OUTSOURCED
    if code.startswith("EXEMPT_"):
        return NOT_COVERED
    return OTHER


@dataclass(frozen=True)
class UnitCost:
    """One cost per year of one authority's service, from an outturn, an appraisal or the
    last contract's price, divided by the unit's count."""

    authority: Authority
    source: str  # OUTCOME | APPRAISAL | CONTRACT
    year: int | None
    amount: Decimal
    divisor: Divisor
    per_unit: Decimal
    is_illustrative: bool
    service_pk: int | None = None
    decision_pk: int | None = None


@dataclass
class AuthorityRow:
    """One adopting authority's part of the service."""

    authority: Authority
    num_contracts: int = 0
    num_coming_up: int = 0
    num_open: int = 0
    num_late: int = 0
    num_due_soon: int = 0
    outcomes: Counter = field(default_factory=Counter)
    num_departures: int = 0
    num_brought_home: int = 0
    unit_costs: list[UnitCost] = field(default_factory=list)

    @property
    def num_decisions(self) -> int:
        return sum(self.outcomes.values())


@dataclass
class NationalView:
    """The service across every adopting authority, as of `on`."""

    service: Service
    on: date
    warn_months: int
    lead_months: int
    rows: list[AuthorityRow]
    decisions: list[Decision]
    brought_home: list[ServiceFigures]
    unit_costs: list[UnitCost]
    num_adopters: int
    shared: dict[str, int] = field(default_factory=dict)

    @property
    def outcomes(self) -> Counter:
        return Counter(outcome_kind(d.outcome) for d in self.decisions)

    @property
    def outsourced_why(self) -> Counter:
        return Counter(d.outcome for d in self.decisions if outcome_kind(d.outcome) == OUTSOURCED)

    @property
    def departures(self) -> list[Decision]:
        return [d for d in self.decisions if d.departs]

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.rows)


def adopters() -> QuerySet[Authority]:
    """Every authority that adopted the policy, by name."""
    return Authority.objects.filter(policy_adopted_on__isnull=False).order_by("name")


def decisions_published(*, key: str) -> QuerySet[Decision]:
    """Published decisions in force (not replaced) on contracts of the service."""
    return (
        Decision.objects.filter(
            contract__main_cpv__startswith=key,
            publication__isnull=False,
            replaced_by__isnull=True,
        )
        .select_related("authority", "contract", "publication")
        .order_by("authority__name", "-decided_on", "id")
    )


def national_view(service: Service, *, on: date) -> NationalView:
    """Reviews open and due, outcomes by kind, services brought home and unit costs of the
    service, by adopting authority (those with anything in the service), as of `on`."""
    key, warn = service.key, months_param("review.warn_months", on)
    lead = months_param("review.lead_time_months", on)
    everyone = list(adopters())
    rows = {a.pk: AuthorityRow(a) for a in everyone}
    _count_contracts(rows, key)
    _count_coming_up(rows, key, on=on, until=add_months(on, lead))
    _count_reviews(rows, key, on=on, warn_from=add_months(on, warn))
    decisions = [d for d in decisions_published(key=key) if d.authority_id in rows]
    for d in decisions:
        rows[d.authority_id].outcomes[outcome_kind(d.outcome)] += 1
        rows[d.authority_id].num_departures += d.departs
    brought = services_public().filter(main_cpv__startswith=key)
    figures = [service_figures(s, list(s.kpis.all())) for s in brought]
    for f in figures:
        if f.service.authority_id in rows:
            rows[f.service.authority_id].num_brought_home += 1
    costs = unit_costs(service, figures, decisions, on=on)
    for c in costs:
        rows[c.authority.pk].unit_costs.append(c)
    shown = [r for r in rows.values() if _has_any(r)]
    shared = shared_for_service(key[:2])
    return NationalView(
        service, on, warn, lead, shown, decisions, figures, costs, len(everyone), shared
    )


def _has_any(row: AuthorityRow) -> bool:
    return bool(row.num_contracts or row.num_open or row.num_decisions or row.num_brought_home)


def _count_contracts(rows: dict, key: str) -> None:
    found = (
        Contract.objects.in_register()
        .filter(reviewing_authority_id__in=list(rows), main_cpv__startswith=key)
        .values("reviewing_authority_id")
        .annotate(n=Count("id"))
    )
    for r in found:
        rows[r["reviewing_authority_id"]].num_contracts = r["n"]


def _count_coming_up(rows: dict, key: str, *, on: date, until: date) -> None:
    """Contracts whose decision point (latest end date, else end date) falls from `on` to
    `until` (the review lead time): the reviews that fall due, opened or not."""
    found = (
        Contract.objects.in_register()
        .filter(reviewing_authority_id__in=list(rows), main_cpv__startswith=key)
        .filter(is_terminated=False)
        .annotate(point=Coalesce("max_end_on", "end_on"))
        .filter(point__gte=on, point__lte=until)
        .values("reviewing_authority_id")
        .annotate(n=Count("id"))
    )
    for r in found:
        rows[r["reviewing_authority_id"]].num_coming_up = r["n"]


def _count_reviews(rows: dict, key: str, *, on: date, warn_from: date) -> None:
    """Open (unsigned) reviews; of them late (decision point passed) and due within the
    warning period (`review.warn_months`), as the authority's own pages count them."""
    found = Review.objects.filter(
        authority_id__in=list(rows), contract__main_cpv__startswith=key, is_signed=False
    ).values_list("authority_id", "decision_point_on")
    for authority_id, point in found:
        row = rows[authority_id]
        row.num_open += 1
        row.num_late += point <= on
        row.num_due_soon += on < point <= warn_from


def unit_costs(service: Service, figures, decisions, *, on: date) -> list[UnitCost]:
    """Each cost per year the service's outturns and appraisals give, per unit: a brought-home
    service's latest outturn and its last contract's price per year; a published decision's
    appraisal (the in-house option's central cost in its first service year). Nothing when the
    service has no unit or the count is not known."""
    if service.unit is None:
        return []
    found: list[UnitCost] = []
    home = {f.service.decision_id for f in figures}
    for f in figures:
        found += _service_costs(service, f, on=on)
    for d in decisions:
        if d.pk not in home:
            found += _appraisal_cost(service, d, on=on)
    return sorted(found, key=lambda c: (c.per_unit, c.authority.name))


def _divisor(service: Service, authority: Authority, on: date) -> Divisor | None:
    return divisor_for(service.unit, population=authority.population, on=on)


def _service_costs(service: Service, f: ServiceFigures, *, on: date) -> list[UnitCost]:
    s = f.service
    divisor = _divisor(service, s.authority, on)
    if divisor is None:
        return []
    found = []
    if s.contract_price_per_year_gbp is not None:
        price = s.contract_price_per_year_gbp
        found.append(
            UnitCost(
                s.authority, CONTRACT, None, price, divisor, per_unit(price, divisor),
                s.is_illustrative, service_pk=s.pk,
            )
        )  # fmt: skip
    if f.latest is not None:
        year = f.latest.year
        found.append(
            UnitCost(
                s.authority, OUTCOME, year.number, year.outturn_gbp, divisor,
                per_unit(year.outturn_gbp, divisor), year.is_illustrative, service_pk=s.pk,
            )
        )  # fmt: skip
    return found


def _appraisal_cost(service: Service, decision: Decision, *, on: date) -> list[UnitCost]:
    divisor = _divisor(service, decision.authority, on)
    run = run_for_decision(decision) if divisor is not None else None
    years = forecast_years(run.results) if run is not None else []
    if not years:
        return []
    amount = Decimal(years[0]["p50"])
    cost = per_unit(amount, divisor)
    return [
        UnitCost(decision.authority, APPRAISAL, years[0]["year"], amount, divisor, cost, False,
                 decision_pk=decision.pk)
    ]  # fmt: skip


def services_with_decisions() -> list[tuple[str, int]]:
    """Each CPV group (or division) key with a published decision in force, with the count."""
    codes = (
        Decision.objects.filter(publication__isnull=False, replaced_by__isnull=True)
        .annotate(g=Substr("contract__main_cpv", 1, 3))
        .values_list("g", flat=True)
    )
    counted = Counter(group_key(c.ljust(3, "0")) for c in codes if c)
    return sorted((k, n) for k, n in counted.items() if k)
