"""What the in-house pages show, from the figures: rows with labels, the pictures' geometry,
the s.52 check in words. No queries of their own beyond the selectors they name."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from insource.inhouse import charts
from insource.inhouse.figures import ServiceFigures, kpi_figures, summary_row
from insource.inhouse.models import KpiRating
from insource.inhouse.selectors import kpi_requirement

POSITION = {
    "below": _("below the forecast band (cheaper than expected)"),
    "within": _("within the forecast band"),
    "above": _("above the forecast band (dearer than expected)"),
}
RATING_LABELS = dict(KpiRating.Rating.choices)


def rating_label(rating: KpiRating | None) -> str:
    return str(RATING_LABELS[rating.rating]) if rating else ""


def kpi_rows(kpis) -> list:
    """KPIs with their latest rating under the contract and in house."""
    return [kpi_figures(k) for k in kpis]


def requirement_of(contract, kpis, *, on: date):
    """The Procurement Act 2023 s.52/s.71 check for a contract and its KPIs."""
    return kpi_requirement(contract=contract, kpis=kpis, on=on)


def requirement(contract, figures: ServiceFigures, *, on: date):
    return requirement_of(contract, [k.kpi for k in figures.kpis], on=on)


def service_page(figures: ServiceFigures, *, on: date) -> dict:
    """The context shared by the officer's and the public page of a service."""
    s = figures.service
    return {
        "service": s,
        "figures": figures,
        "summary": summary_row(figures),
        "years": [{"f": y, "position_text": POSITION.get(y.position, "")} for y in figures.years],
        "cost_chart": charts.cost_chart(figures.years, s.contract_price_per_year_gbp),
        "ratings_chart": charts.ratings_chart(figures.kpis, s.started_on),
        "performance": figures.performance,
        "social": figures.social,
        "is_illustrative": figures.is_illustrative,
        "on": on,
    }
