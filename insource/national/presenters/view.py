"""The national view in words: the page's context, the rows of its CSV and of the API (one
definition, so the page, the CSV and the API show the same figures). No engine code reaches a
resident: outcomes are named from `core/plain_words.py`."""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from insource.core import plain_words
from insource.core.dates import long_date
from insource.inhouse.figures import summary_row
from insource.national import charts
from insource.national.catalogue import service_get
from insource.national.selectors.view import (
    APPRAISAL,
    CONTRACT,
    IN_HOUSE,
    KINDS,
    NOT_COVERED,
    OTHER,
    OUTCOME,
    OUTSOURCED,
    NationalView,
    UnitCost,
    outcome_kind,
)
from insource.register.naming import contract_service_name

KIND_WORDS = {
    IN_HOUSE: _("Run in house"),
    OUTSOURCED: _("Kept with a contractor"),
    NOT_COVERED: _("The review does not apply"),
    OTHER: _("Other outcomes"),
}
# Why a service stays with a contractor: the good reason or test that decided it.
WHY_RULES = {
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": "track.risk_mitigation",
    "OUTSOURCE_GOOD_REASON_CAPACITY": "track.capacity",
    "OUTSOURCE_GOOD_REASON_SEPARATION": "track.separation",
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": "track.public_interest_test",
}
SOURCE_WORDS = {
    OUTCOME: _("In house: the year's cost"),
    APPRAISAL: _("Options appraisal: in-house forecast"),
    CONTRACT: _("The last contract's price"),
}


def why_words(code: str) -> str:
    rule = WHY_RULES.get(code)
    return str(plain_words.rule(rule).title if rule else plain_words.outcome(code).title)


def decision_words(code: str) -> str:
    """A decision's outcome as a resident reads it."""
    if outcome_kind(code) == OUTSOURCED:
        return f"{KIND_WORDS[OUTSOURCED]} ({why_words(code)})"
    return str(plain_words.outcome(code).title)


def _cost_row(c: UnitCost) -> dict:
    label = c.authority.display_name
    if c.year:
        label = _("%(a)s, year %(n)s") % {"a": label, "n": c.year}
    return {
        "label": str(label),
        "authority": c.authority.display_name,
        "source": c.source,
        "source_label": str(SOURCE_WORDS[c.source]),
        "year": c.year,
        "amount": c.amount,
        "per_unit": c.per_unit,
        "count": c.divisor.count,
        "basis": c.divisor.basis,
        "citation": c.divisor.citation,
        "citation_url": c.divisor.href,
        "is_estimate": c.divisor.is_estimate,
        "is_illustrative": c.is_illustrative,
        "service_pk": c.service_pk,
        "decision_pk": c.decision_pk,
    }


def spread(costs: list[UnitCost]) -> dict | None:
    """The lowest, middle and highest cost per unit (outturns and appraisals only: the last
    contract's price is the 'before')."""
    values = [c.per_unit for c in costs if c.source != CONTRACT]
    if not values:
        return None
    return {
        "low": min(values),
        "median": Decimal(median(values)).quantize(Decimal("0.01")),
        "high": max(values),
        "n": len(values),
    }


def authority_row(r) -> dict:
    """One authority's figures (the page's table, the CSV and the API)."""
    latest = next((c for c in reversed(r.unit_costs) if c.source == OUTCOME), None)
    return {
        "authority_code": r.authority.code or r.authority.key,
        "authority_name": r.authority.display_name,
        "authority_slug": r.authority.public_slug,
        "nation": r.authority.nation,
        "num_contracts": r.num_contracts,
        "contracts_coming_up": r.num_coming_up,
        "reviews_open": r.num_open,
        "reviews_late": r.num_late,
        "reviews_due_soon": r.num_due_soon,
        "decisions_in_house": r.outcomes[IN_HOUSE],
        "decisions_outsourced": r.outcomes[OUTSOURCED],
        "decisions_not_covered": r.outcomes[NOT_COVERED],
        "decisions_other": r.outcomes[OTHER],
        "departures": r.num_departures,
        "brought_home": r.num_brought_home,
        "cost_per_unit_gbp": str(latest.per_unit) if latest else None,
    }


# The CSV's columns, in order (header -> the row's key).
AUTHORITY_FIELDS = (
    "authority_code",
    "authority_name",
    "nation",
    "num_contracts",
    "contracts_coming_up",
    "reviews_open",
    "reviews_late",
    "reviews_due_soon",
    "decisions_in_house",
    "decisions_outsourced",
    "decisions_not_covered",
    "decisions_other",
    "departures",
    "brought_home",
    "cost_per_unit_gbp",
)


def view_data(view: NationalView) -> dict:
    """The national view as plain data: what the API returns and the page shows."""
    s = view.service
    unit = s.unit
    return {
        "service": {
            "key": s.key,
            "cpv": s.code,
            "name": s.name,
            "category": str(s.category) if s.category else None,
            "unit": str(unit.unit) if unit else None,
            "unit_count": str(unit.count) if unit else None,
            "unit_source": unit.source if unit else None,
            "unit_source_url": unit.href if unit else None,
        },
        "on": view.on,
        "num_adopters": view.num_adopters,
        "reviews": {
            "coming_up": view.total("num_coming_up"),
            "lead_months": view.lead_months,
            "open": view.total("num_open"),
            "late": view.total("num_late"),
            "due_soon": view.total("num_due_soon"),
            "warn_months": view.warn_months,
        },
        "outcomes": {k: view.outcomes[k] for k in KINDS},
        "outsourced_why": [
            {"outcome": code, "words": why_words(code), "count": n}
            for code, n in sorted(view.outsourced_why.items())
        ],
        "departures": len(view.departures),
        "brought_home": [
            summary_row(f) | {"url": reverse("brought-home:service", args=[f.service.pk])}
            for f in view.brought_home
        ],
        "unit_costs": [_cost_row(c) for c in view.unit_costs],
        "spread": spread(view.unit_costs),
        "authorities": [authority_row(r) for r in view.rows],
        # appraisals and clauses shared as templates in the service's division (ADR 0045)
        "shared_work": {"division": s.key[:2], **view.shared},
    }


def service_page(view: NationalView) -> dict:
    """The public page's context: the data, the charts and the decisions in words."""
    data = view_data(view)
    kinds = [{"key": k, "label": KIND_WORDS[k], "count": data["outcomes"][k]} for k in KINDS]
    decisions = [
        {
            "authority": d.authority.display_name,
            "contract": contract_service_name(d.contract),
            "words": decision_words(d.outcome),
            "departs": d.departs,
            "decided_on": long_date(d.decided_on),
            "url": reverse("public:decision", args=[d.pk]),
        }
        for d in view.decisions
    ]
    return {
        "service": view.service,
        "data": data,
        "kinds": kinds,
        "outcomes_chart": charts.bars_chart(kinds),
        "costs_chart": charts.dots_chart(data["unit_costs"]),
        "decisions": decisions,
        "brought_home": [
            r | {"started_on_words": long_date(r["started_on"])} for r in data["brought_home"]
        ],
        "on_words": long_date(view.on),
    }


def services_index(rows: list[tuple[str, int]]) -> list[dict]:
    """The services with published decisions, by name, and the product's categories."""
    found = []
    for key, n in rows:
        service = service_get(key)
        if service is not None:
            found.append({"service": service, "num_decisions": n})
    return sorted(found, key=lambda r: r["service"].name)
