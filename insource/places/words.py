"""The words a resident reads for a place's codes: kinds of body, why a body is in a place,
kinds of place, the savings anchors and the estimate's assumptions. Every string translated."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "council": gettext_lazy("Council"),
    "nhs": gettext_lazy("NHS"),
    "police": gettext_lazy("Police"),
    "fire": gettext_lazy("Fire and rescue"),
    "housing": gettext_lazy("Housing"),
    "central-government": gettext_lazy("Central government"),
    "other": gettext_lazy("Other public body"),
}

ANCHORS = {
    "greater-manchester": gettext_lazy("Greater Manchester pilot"),
    "national-low": gettext_lazy("England, lower estimate"),
    "national-high": gettext_lazy("England, upper estimate"),
    "essex": gettext_lazy("Essex pilot"),
}


def reason(code: str, term: str, area_name: str = "") -> str:
    """Why a body is in the place, in one sentence."""
    if code == "council":
        return _("A council of the place")
    if code == "county":
        return _("The county council for part of the place")
    if code == "combined":
        return _("The combined authority for part of the place")
    if code == "police-area":
        return _("A police force named after %(name)s: its force area covers the place") % {
            "name": term
        }
    if code == "fire-area":
        return _("A fire and rescue service named after %(name)s: its area covers the place") % {
            "name": term
        }
    if code == "county-name":
        return _("Its name contains %(name)s, the county the place is in") % {"name": term}
    if code == "name":
        return _("Its name contains the place name %(name)s") % {"name": term}
    if code == "local-contracts":
        return _(
            "Central government: only its contracts whose title or description names %(name)s"
        ) % {"name": term}
    return _("Named in the place's definition")


def kind(group: str) -> str:
    return str(KINDS.get(group, KINDS["other"]))


def service(division: str, name: str) -> str:
    """A service's name: the CPV division's name, or 'Service not known'."""
    return name if division and name else _("Service not known")


def assumptions(e) -> list[str]:
    """The estimate's assumptions, in sentences, with its figures."""
    p = e.parameters
    return [
        _(
            "The place's bodies spend %(spend)s a year through the contracts in the register "
            "running on the report's date (each contract's value divided by its length in "
            "years); that spending goes on at the same level for %(years)s years."
        )
        % {"spend": money(e.yearly_spend), "years": e.horizon},
        _(
            "Joining up saves between %(low)s and %(high)s of that spending a year, the rates "
            "the Total Place pilots reported for all public spending in their areas: "
            "Greater Manchester's %(gm)s over %(gm_years)s years on %(gm_base)s a year (low), "
            "and the national upper estimate, %(nat)s over %(nat_years)s years on England's "
            "public spending of about %(england)s a year (high)."
        )
        % {
            "low": percent(e.low_rate),
            "high": percent(e.high_rate),
            "gm": money(p.value("greater_manchester_savings")),
            "gm_years": int(p.value("greater_manchester_years")),
            "gm_base": money(p.value("greater_manchester_spend")),
            "nat": money(p.value("national_savings_high")),
            "nat_years": int(p.value("national_years")),
            "england": money(p.england_spend),
        },
        _(
            "Contract spending is assumed to save at the same rate as all public spending: "
            "the pilots counted staff, buildings and grants too."
        ),
        _(
            "Contracts the register does not hold, frameworks and contracts without a value "
            "or dates are not counted: the register is not all of the place's spending."
        ),
    ]


def money(x) -> str:
    """£410bn, £22bn, £270m, £12,273."""
    x = float(x)
    if x >= 1e9:
        return f"£{x / 1e9:,.1f}bn".replace(".0bn", "bn")
    if x >= 1e6:
        return f"£{x / 1e6:,.1f}m".replace(".0m", "m")
    return f"£{x:,.0f}"


def percent(rate) -> str:
    """0.0024545 -> '0.25%'."""
    return f"{float(rate) * 100:.2f}%"


FIGURES = {
    "spend": gettext_lazy("Spend by service"),
    "supplier": gettext_lazy("Supplier shared across bodies"),
    "low": gettext_lazy("Savings estimate, low"),
    "high": gettext_lazy("Savings estimate, high"),
    "note": gettext_lazy(
        "An estimate, not a forecast: over %(years)s years, from the Total Place pilots' rates"
    ),
}
