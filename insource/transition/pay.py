"""The pay comparison before day one: each transferring employee's hourly pay against the
council's grade for their role and against the fair wage of the day (the policy's dated Real
Living Wage, London where they work in London, never below the National Living Wage); the
annual cost of harmonising up to the higher of the two; and an equal-pay risk flag where a
transferring employee's pay falls outside the range the council pays its existing staff on
the same grade. Aggregates (headcount, FTE, pay bands) for everyone without the workforce
capability. Pure apart from reading the dated parameters.

Hourly pay of an annual salary: salary ÷ (weekly hours × weeks a year). The harmonisation
cost excludes employer's on-costs (National Insurance, pension contributions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils.translation import gettext_noop as N_

from insource.policy.fair_wage import rates_on
from insource.policy.params import load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
PENNY = Decimal("0.01")
SMALL = 5  # counts below this are shown as "fewer than 5" in aggregates


def _param(name: str, on: date) -> Decimal:
    p = load_all(PARAMETERS)[name]
    return Decimal(str((p.at(on) or p.entries[0]).value))


def weeks_per_year(on: date) -> Decimal:
    return _param("transition.workforce.weeks_per_year", on)


def full_time_hours(on: date) -> Decimal:
    return _param("transition.workforce.full_time_hours_per_week", on)


def hourly_pay(e, on: date) -> Decimal:
    """An employee's hourly pay (unrounded)."""
    if e.pay_basis == "hourly":
        return Decimal(e.pay)
    return Decimal(e.pay) / (Decimal(e.contracted_hours) * weeks_per_year(on))


@dataclass(frozen=True)
class Grade:
    name: str
    hourly_min: Decimal
    hourly_max: Decimal


@dataclass
class RoleComparison:
    """One transferring role: its people's pay against the grade and the fair wage."""

    role: str
    grade: Grade | None
    fair_rate: Decimal
    fair_basis: str
    headcount: int = 0
    fte: Decimal = Decimal(0)
    pay_min: Decimal | None = None
    pay_max: Decimal | None = None
    num_below_fair: int = 0
    num_below_grade: int = 0
    num_outside_grade: int = 0
    annual_cost: Decimal = Decimal(0)

    @property
    def equal_pay_risk(self) -> bool:
        return self.num_outside_grade > 0


@dataclass
class Comparison:
    on: date
    roles: list[RoleComparison] = field(default_factory=list)

    @property
    def annual_cost(self) -> Decimal:
        return sum((r.annual_cost for r in self.roles), Decimal(0)).quantize(PENNY)

    @property
    def num_below_fair(self) -> int:
        return sum(r.num_below_fair for r in self.roles)

    @property
    def num_equal_pay_risks(self) -> int:
        return sum(1 for r in self.roles if r.equal_pay_risk)

    @property
    def num_ungraded(self) -> int:
        return sum(1 for r in self.roles if r.grade is None)


def _add(rc: RoleComparison, e, on: date) -> None:
    hourly = hourly_pay(e, on)
    target = max(rc.fair_rate, rc.grade.hourly_min if rc.grade else Decimal(0))
    rc.headcount += 1
    rc.fte += Decimal(e.contracted_hours) / full_time_hours(on)
    rc.pay_min = hourly if rc.pay_min is None else min(rc.pay_min, hourly)
    rc.pay_max = hourly if rc.pay_max is None else max(rc.pay_max, hourly)
    rc.num_below_fair += hourly < rc.fair_rate
    if rc.grade:
        rc.num_below_grade += hourly < rc.grade.hourly_min
        rc.num_outside_grade += not rc.grade.hourly_min <= hourly <= rc.grade.hourly_max
    uplift = max(Decimal(0), target - hourly)
    rc.annual_cost += uplift * Decimal(e.contracted_hours) * weeks_per_year(on)


def compare(employees, grades: dict[str, Grade], *, on: date) -> Comparison:
    """The comparison on `on` (the transfer date); `grades` maps a role (lower case) to the
    council's grade for it."""
    by_role: dict[tuple[str, bool], RoleComparison] = {}
    for e in sorted(employees, key=lambda e: (e.role.lower(), e.is_london)):
        key = (e.role.lower(), e.is_london)
        if key not in by_role:
            rates = rates_on(on, is_london=e.is_london)
            role = e.role + (" (London)" if e.is_london else "")
            by_role[key] = RoleComparison(
                role, grades.get(key[0]), rates.required, rates.required_basis
            )
        _add(by_role[key], e, on)
    for rc in by_role.values():
        rc.annual_cost = rc.annual_cost.quantize(PENNY, rounding=ROUND_HALF_UP)
        rc.fte = rc.fte.quantize(Decimal("0.1"))
    return Comparison(on, list(by_role.values()))


def shown(count: int) -> str:
    """A count as shown in aggregates: small numbers are not shown exactly."""
    return "0" if count == 0 else (f"fewer than {SMALL}" if count < SMALL else str(count))


def aggregates(employees, *, on: date) -> dict:
    """Headcount, FTE, pay bands and pension schemes: what everyone may see."""
    fair = rates_on(on, is_london=False).required
    bands = [
        (N_("Below the fair wage"), None, fair),
        (N_("Fair wage to £14.99"), fair, Decimal(15)),
        (N_("£15 to £19.99"), Decimal(15), Decimal(20)),
        (N_("£20 or more"), Decimal(20), None),
    ]
    counts = defaultdict(int)
    schemes = defaultdict(int)
    for e in employees:
        hourly = hourly_pay(e, on)
        for label, low, high in bands:
            if (low is None or hourly >= low) and (high is None or hourly < high):
                counts[label] += 1
        schemes[e.pension_scheme] += 1
    fte = sum((Decimal(e.contracted_hours) for e in employees), Decimal(0)) / full_time_hours(on)
    return {
        "headcount": len(employees),
        "fte": fte.quantize(Decimal("0.1")),
        "fair_rate": fair,
        "bands": [{"label": label, "count": shown(counts[label])} for label, _l, _h in bands],
        "pension_schemes": [{"scheme": s, "count": shown(n)} for s, n in sorted(schemes.items())],
    }
