"""Writes of in-house services: go-live (from a transition plan, or straight from a signed
in-house decision), KPIs of contracts and services, a period's rating, and a service year's
outturn and staff outcomes. Atomic, validated (ValidationError by field, in GOV.UK words) and
audited, one event each."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insource.appraisal.selectors import run_for_decision
from insource.core.audit import Actor, audit_record
from insource.inhouse import measures
from insource.inhouse.checks import fair_wage_error, kpi_errors, rating_errors, year_errors
from insource.inhouse.models import InhouseService, Kpi, KpiRating, ServiceYear
from insource.inhouse.ratings import bands_on, rate
from insource.inhouse.selectors import decision_route, fair_wage_on
from insource.register.naming import contract_service_name


def _forecast(decision) -> dict:
    run = run_for_decision(decision)
    if run is None:
        return {}
    years = measures.forecast_years(run.results)
    return {"run_id": run.pk, "run_sha256": run.sha256, "years": years} if years else {}


def _price(contract) -> tuple[Decimal | None, str]:
    end = contract.max_end_on or contract.end_on
    value = contract.value_inc_vat or contract.value_amount
    price = measures.price_per_year(value, contract.start_on, end)
    if price is None:
        return None, ""
    basis = _(
        "the contract's published value incl. VAT spread evenly over its term, %(s)s to %(e)s"
    )
    return price, basis % {"s": contract.start_on.isoformat(), "e": end.isoformat()}


@transaction.atomic
def inhouse_service_start(
    *, decision, started_on: date, by: Actor, at: datetime, is_illustrative: bool = False
) -> InhouseService:
    """Record that the service of a signed in-house decision went live on `started_on`: the
    service, its forecast band and the last contract's price; the contract's KPIs carry over.
    Idempotent: a contract already brought home returns its service unchanged."""
    if started_on is None:
        raise ValidationError({"started_on": _("Enter the date the service went live")})
    existing = InhouseService.objects.filter(contract_id=decision.contract_id).first()
    if existing is not None:
        return existing
    route = decision_route(decision)
    if route is None:
        raise ValidationError({"decision": _("No signed decision in force brings this in house")})
    if started_on < decision.decided_on:
        raise ValidationError(
            {"started_on": _("The go-live date must be on or after the decision")}
        )
    contract = decision.contract
    price, basis = _price(contract)
    service = InhouseService.objects.create(
        authority=decision.authority,
        contract=contract,
        decision=decision,
        name=contract_service_name(contract, formerly=True),
        main_cpv=contract.main_cpv,
        route=route,
        started_on=started_on,
        forecast=_forecast(decision),
        contract_price_per_year_gbp=price,
        contract_price_basis=basis,
        is_illustrative=is_illustrative,
        created_at=at,
    )
    carried = Kpi.objects.filter(contract=contract, service__isnull=True).update(service=service)
    audit_record(
        by=by,
        at=at,
        action="inhouse.go_live",
        obj=service,
        authority=service.authority,
        after={"contract": contract.pk, "started_on": str(started_on), "kpis_carried": carried},
    )
    return service


def inhouse_service_go_live(*, plan, started_on: date, by: Actor, at: datetime) -> InhouseService:
    """Called when a transition plan's `go-live` milestone is marked done (in its transaction):
    the service of the plan's decision (idempotent, as `inhouse_service_start`)."""
    return inhouse_service_start(decision=plan.decision, started_on=started_on, by=by, at=at)


@dataclass(frozen=True)
class KpiInput:
    """A KPI as the officer typed it."""

    name: str
    unit: str
    target: Decimal | None
    direction: str
    period: str
    kind: str = Kpi.Kind.PERFORMANCE
    description: str = ""
    is_illustrative: bool = False


@transaction.atomic
def kpi_add(
    *, authority, entry: KpiInput, by: Actor, at: datetime, contract=None, service=None
) -> Kpi:
    """Add a KPI (or a social-outcome measure) to the authority's contract or in-house
    service (a contract already brought home: to both, so its history carries over)."""
    if contract is not None and service is None:
        service = InhouseService.objects.filter(contract=contract).first()
    if service is not None and contract is None:
        contract = service.contract
    errors = kpi_errors(entry)
    if errors:
        raise ValidationError(errors)
    values = asdict(entry) | {"name": entry.name.strip(), "unit": entry.unit.strip()}
    kpi = Kpi.objects.create(
        authority=authority, contract=contract, service=service, created_at=at, **values
    )
    after = {"name": kpi.name, "target": str(kpi.target), "direction": kpi.direction}
    audit_record(by=by, at=at, action="inhouse.kpi_add", obj=kpi, authority=authority, after=after)
    return kpi


@dataclass(frozen=True)
class RatingInput:
    """One period's assessment as the officer typed it (`rating` empty: the derived one)."""

    period_start: date | None
    value: Decimal | None
    evidence: str
    rating: str = ""
    reason: str = ""
    is_illustrative: bool = False


def _delivered_by(kpi: Kpi, period_start: date) -> str:
    service = kpi.service
    if service is not None and period_start >= service.started_on:
        return KpiRating.DeliveredBy.INHOUSE
    return KpiRating.DeliveredBy.CONTRACTOR


@transaction.atomic
def kpi_rating_record(
    *, kpi: Kpi, entry: RatingInput, user, by: Actor, at: datetime, on: date
) -> KpiRating:
    """Record (or replace) one period's measured value and rating of a KPI. The rating is
    `ratings.rate`'s unless the officer records another with a reason."""
    kpi = Kpi.objects.select_related("service", "authority").get(pk=kpi.pk)  # service as of now
    errors = rating_errors(kpi, entry, on)
    derived = None
    if entry.value is not None and "value" not in errors:
        derived = rate(entry.value, kpi.target, kpi.direction, bands_on(entry.period_start or on))
        if entry.rating and entry.rating != derived and not entry.reason.strip():
            errors["reason"] = _("Give the reason for a rating other than %(r)s") % {
                "r": KpiRating.Rating(derived).label
            }
    if errors:
        raise ValidationError(errors)
    existing = KpiRating.objects.filter(kpi=kpi, period_start=entry.period_start).first()
    before = _rating_snapshot(existing) if existing else None
    fields = {
        "authority": kpi.authority,
        "period_end": measures.period_end(entry.period_start, kpi.period),
        "value": entry.value,
        "derived_rating": derived,
        "rating": entry.rating or derived,
        "reason": entry.reason.strip() if (entry.rating or derived) != derived else "",
        "evidence": entry.evidence.strip(),
        "delivered_by": _delivered_by(kpi, entry.period_start),
        "is_illustrative": entry.is_illustrative,
        "recorded_by": user,
        "recorded_at": at,
    }
    record, _created = KpiRating.objects.update_or_create(
        kpi=kpi, period_start=entry.period_start, defaults=fields
    )
    audit_record(
        by=by,
        at=at,
        action="inhouse.kpi_rating",
        obj=record,
        authority=kpi.authority,
        before=before,
        after=_rating_snapshot(record),
    )
    return record


def _rating_snapshot(r: KpiRating) -> dict:
    return {"kpi": r.kpi_id, "period_start": str(r.period_start), "value": str(r.value)} | {
        "rating": r.rating,
        "derived_rating": r.derived_rating,
    }


@dataclass(frozen=True)
class YearInput:
    """A service year's figures as the officer typed them (staff figures: all or none)."""

    number: int | None
    outturn_gbp: Decimal | None
    evidence: str
    headcount: int | None = None
    fte: Decimal | None = None
    num_below_fair_wage: int | None = None
    lowest_hourly_pay_gbp: Decimal | None = None
    pay_uplift_pct: Decimal | None = None
    num_living_locally: int | None = None
    is_illustrative: bool = False


def _band(service: InhouseService, number: int) -> dict:
    row = next((y for y in service.forecast.get("years", []) if y["year"] == number), None)
    if row is None:
        return {"forecast_p10_gbp": None, "forecast_p50_gbp": None, "forecast_p90_gbp": None}
    return {f"forecast_{k}_gbp": Decimal(row[k]) for k in ("p10", "p50", "p90")}


@transaction.atomic
def service_year_record(
    *, service: InhouseService, entry: YearInput, user, by: Actor, at: datetime, on: date
) -> ServiceYear:
    """Record (or replace) a service year's cost outturn and staff outcomes, with the
    forecast band, the contract's price and the fair wage in force copied beside them."""
    errors = year_errors(service, entry, on)
    fair = None
    if entry.number and "number" not in errors:
        starts_on, ends_on = measures.year_dates(service.started_on, entry.number)
        fair = fair_wage_on(service, min(ends_on, on))
        errors |= fair_wage_error(entry.lowest_hourly_pay_gbp, entry.num_below_fair_wage, fair)
    if errors:
        raise ValidationError(errors)
    has_staff = entry.headcount is not None
    fields = {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "outturn_gbp": entry.outturn_gbp,
        "contract_price_gbp": service.contract_price_per_year_gbp,
        "fair_wage_gbp": fair.required if has_staff else None,
        "fair_wage_basis": fair.required_basis if has_staff else "",
        "evidence": entry.evidence.strip(),
        "recorded_by": user,
        "recorded_at": at,
        **_band(service, entry.number),
        **{k: getattr(entry, k) for k in STAFF_FIELDS},
        "is_illustrative": entry.is_illustrative,
    }
    existing = ServiceYear.objects.filter(service=service, number=entry.number).first()
    before = {"outturn_gbp": str(existing.outturn_gbp)} if existing else None
    year, _created = ServiceYear.objects.update_or_create(
        service=service, number=entry.number, defaults=fields
    )
    after = {"number": year.number, "outturn_gbp": str(year.outturn_gbp), "staff": has_staff}
    audit_record(
        by=by,
        at=at,
        action="inhouse.service_year",
        obj=year,
        authority=service.authority,
        before=before,
        after=after,
    )
    return year


STAFF_FIELDS = (
    "headcount",
    "fte",
    "num_below_fair_wage",
    "lowest_hourly_pay_gbp",
    "pay_uplift_pct",
    "num_living_locally",
)
