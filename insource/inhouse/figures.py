"""The figures of a brought-home service, computed once for every place that shows them (the
officer's page, the public page, the national list, its CSV and the API): each service year
against its forecast band and the last contract's price, staff shares, and each KPI under the
contract and since. Counts and shares only: no person's data."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from insource.inhouse import measures
from insource.inhouse.models import InhouseService, Kpi, KpiRating, ServiceYear

INHOUSE = KpiRating.DeliveredBy.INHOUSE
CONTRACTOR = KpiRating.DeliveredBy.CONTRACTOR


@dataclass(frozen=True)
class YearFigures:
    """One service year as published."""

    year: ServiceYear
    position: str | None  # below / within / above the forecast band
    vs_contract_pct: Decimal | None  # outturn against the last contract's price
    share_fair_wage_pct: Decimal | None
    share_local_pct: Decimal | None


@dataclass(frozen=True)
class KpiFigures:
    """One KPI: its ratings, and the latest under the contract and in house."""

    kpi: Kpi
    ratings: list[KpiRating]
    before: KpiRating | None
    after: KpiRating | None

    @property
    def is_illustrative(self) -> bool:
        return self.kpi.is_illustrative or any(r.is_illustrative for r in self.ratings)


@dataclass
class ServiceFigures:
    """Everything published about one brought-home service."""

    service: InhouseService
    years: list[YearFigures] = field(default_factory=list)
    kpis: list[KpiFigures] = field(default_factory=list)

    @property
    def latest(self) -> YearFigures | None:
        return self.years[-1] if self.years else None

    @property
    def performance(self) -> list[KpiFigures]:
        return [k for k in self.kpis if k.kpi.kind == Kpi.Kind.PERFORMANCE]

    @property
    def social(self) -> list[KpiFigures]:
        return [k for k in self.kpis if k.kpi.kind == Kpi.Kind.SOCIAL_OUTCOME]

    def num_good(self, when: str) -> int:
        return sum(1 for k in self.performance if (r := getattr(k, when)) and r.rating == "good")

    def num_rated(self, when: str) -> int:
        return sum(1 for k in self.performance if getattr(k, when))

    @property
    def is_illustrative(self) -> bool:
        return (
            self.service.is_illustrative
            or any(y.year.is_illustrative for y in self.years)
            or any(r.is_illustrative for k in self.kpis for r in k.ratings)
        )


def year_figures(year: ServiceYear) -> YearFigures:
    """A service year with its comparisons."""
    paid_fair = None
    if year.headcount is not None and year.num_below_fair_wage is not None:
        paid_fair = year.headcount - year.num_below_fair_wage
    return YearFigures(
        year,
        measures.band_position(year.outturn_gbp, year.forecast_p10_gbp, year.forecast_p90_gbp),
        measures.difference_pct(year.outturn_gbp, year.contract_price_gbp),
        measures.share_pct(paid_fair, year.headcount),
        measures.share_pct(year.num_living_locally, year.headcount),
    )


def kpi_figures(kpi: Kpi) -> KpiFigures:
    """A KPI with its latest rating under the contract and in house."""
    ratings = list(kpi.ratings.all())
    before = [r for r in ratings if r.delivered_by == CONTRACTOR]
    after = [r for r in ratings if r.delivered_by == INHOUSE]
    return KpiFigures(kpi, ratings, before[-1] if before else None, after[-1] if after else None)


def service_figures(service: InhouseService, kpis: list[Kpi]) -> ServiceFigures:
    """The service's published figures (years prefetched or not; KPIs from `kpis_of`)."""
    years = sorted(service.years.all(), key=lambda y: y.number)
    return ServiceFigures(service, [year_figures(y) for y in years], [kpi_figures(k) for k in kpis])


# The national list's columns, in order: the CSV, the API and the page show the same figures.
SUMMARY_FIELDS = (
    "id",
    "authority_code",
    "authority_name",
    "service",
    "main_cpv",
    "route",
    "started_on",
    "contract_id",
    "contract_price_per_year_gbp",
    "latest_year",
    "latest_year_starts_on",
    "outturn_gbp",
    "forecast_p10_gbp",
    "forecast_p50_gbp",
    "forecast_p90_gbp",
    "outturn_against_forecast",
    "outturn_against_contract_pct",
    "num_kpis",
    "kpis_good_under_contract",
    "kpis_rated_under_contract",
    "kpis_good_in_house",
    "kpis_rated_in_house",
    "num_social_outcomes",
    "headcount",
    "share_paid_fair_wage_pct",
    "share_living_locally_pct",
    "pay_uplift_pct",
    "is_illustrative",
)


def _text(value) -> str | None:
    return None if value is None else str(value)


def summary_row(f: ServiceFigures) -> dict:
    """One service as a row of the national list (money and percentages as strings)."""
    s, latest = f.service, f.latest
    y = latest.year if latest else None
    authority = s.authority
    return {
        "id": s.pk,
        "authority_code": authority.code or authority.key,
        "authority_name": authority.display_name,
        "service": s.name,
        "main_cpv": s.main_cpv,
        "route": s.route,
        "started_on": s.started_on.isoformat(),
        "contract_id": s.contract_id,
        "contract_price_per_year_gbp": _text(s.contract_price_per_year_gbp),
        "latest_year": y.number if y else None,
        "latest_year_starts_on": y.starts_on.isoformat() if y else None,
        "outturn_gbp": _text(y.outturn_gbp) if y else None,
        "forecast_p10_gbp": _text(y.forecast_p10_gbp) if y else None,
        "forecast_p50_gbp": _text(y.forecast_p50_gbp) if y else None,
        "forecast_p90_gbp": _text(y.forecast_p90_gbp) if y else None,
        "outturn_against_forecast": latest.position if latest else None,
        "outturn_against_contract_pct": _text(latest.vs_contract_pct) if latest else None,
        "num_kpis": len(f.performance),
        "kpis_good_under_contract": f.num_good("before"),
        "kpis_rated_under_contract": f.num_rated("before"),
        "kpis_good_in_house": f.num_good("after"),
        "kpis_rated_in_house": f.num_rated("after"),
        "num_social_outcomes": len(f.social),
        "headcount": y.headcount if y else None,
        "share_paid_fair_wage_pct": _text(latest.share_fair_wage_pct) if latest else None,
        "share_living_locally_pct": _text(latest.share_local_pct) if latest else None,
        "pay_uplift_pct": _text(y.pay_uplift_pct) if y else None,
        "is_illustrative": f.is_illustrative,
    }
