"""The fair wage of a day and place (POLICY §4 MS1): the Real Living Wage (London where
`is_london`, else UK) whose `required_from` date has passed, never below the statutory National
Living Wage in force (National Minimum Wage Regulations 2015); and a new rate announced but not
yet required. Read from the dated parameters `fair_wage.*`. The payroll check (standards), the
pay comparison (transition) and the in-house staff figures (inhouse) all read it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from insource.policy.params import Parameters

NLW = "fair_wage.national_living_wage"
RLW = {True: "fair_wage.real_living_wage.london", False: "fair_wage.real_living_wage.uk"}


@cache
def _parameters() -> Parameters:
    return Parameters()


@dataclass(frozen=True)
class Rates:
    """The rates that apply on a date in one place."""

    on: date
    required: Decimal
    required_basis: str
    announced: Decimal | None
    announced_required_from: date | None
    nlw: Decimal


def rates_on(on: date, *, is_london: bool, parameters: Parameters | None = None) -> Rates:
    """The applicable rate on `on`: the RLW required by then, floored at the NLW in force."""
    params = parameters or _parameters()
    nlw = Decimal(str(params.read(NLW, on).value))
    required, announced, due_from = None, None, None
    for entry in params.get(RLW[is_london]).entries:
        extra = dict(entry.extra)
        announced_on = extra.get("announced_on", entry.start)
        required_from = extra.get("required_from", entry.start)
        if required_from <= on:
            required = Decimal(str(entry.value))
        elif announced_on <= on:
            announced, due_from = Decimal(str(entry.value)), required_from
    basis = "Real Living Wage" + (" (London)" if is_london else " (UK)")
    if required is None or nlw > required:
        required, basis = nlw, "National Living Wage (statutory floor)"
    if announced is not None and announced <= required:
        announced, due_from = None, None
    return Rates(on, required, basis, announced, due_from, nlw)
