"""What joining up a place's public services might save: an estimate, always a range. Pure.

Method (docs/places.md). The Total Place pilots (HM Treasury and CLG, March 2010) reported
savings as money over a number of years; where the public spending they counted is known, that
is a rate a year on the spending:

- low rate: Greater Manchester, £270m net over 5 years on about £22bn a year, 0.25% a year;
- high rate: the national upper estimate, £20.6bn over 5 years on England's public spending of
  about £410bn a year (the pilots' £82bn being about one fifth), 1.00% a year;
- the national lower estimate (£9.4bn, 0.46% a year) lies between them; Essex (£414m over six
  years) is shown beside them, not used: its base is not in the sources Insource holds.

The place's yearly contract spend (each running contract's value divided by its length in
years) times the horizon (5 years) times each rate gives the low and the high figure. Every
parameter is a dated, cited YAML file under parameters/places/, read with the policy's strict
loader; nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from insource.policy.params import load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
POUND = Decimal(1)


@dataclass(frozen=True)
class Used:
    """One parameter as used: name, value, description, tag, citation, link and note."""

    name: str
    value: Decimal
    description: str
    tag: str
    citation: str
    href: str
    note: str
    start: date


@dataclass(frozen=True)
class Anchor:
    """A Total Place figure: savings over years, the spending a year it is a share of (when
    known) and the rate a year that makes (None when the base is not known)."""

    key: str
    savings: Decimal
    years: int
    base: Decimal | None
    rate: Decimal | None
    is_used: bool


@dataclass(frozen=True)
class SavingsParameters:
    """Every parameter in force on a date, by short name (`national_savings_low`, ...)."""

    used: dict[str, Used]

    def value(self, name: str) -> Decimal:
        return self.used[name].value

    @property
    def horizon(self) -> int:
        return int(self.value("horizon_years"))

    @property
    def england_spend(self) -> Decimal:
        return self.value("pilot_spend") / self.value("pilot_share_of_england")

    @property
    def anchors(self) -> tuple[Anchor, ...]:
        v, england = self.value, self.england_spend
        gm, national = v("greater_manchester_years"), v("national_years")
        return (
            _anchor("greater-manchester", v("greater_manchester_savings"), gm,
                    v("greater_manchester_spend"), True),
            _anchor("national-low", v("national_savings_low"), national, england, False),
            _anchor("national-high", v("national_savings_high"), national, england, True),
            _anchor("essex", v("essex_savings"), v("essex_years"), None, False),
        )  # fmt: skip

    @property
    def low_rate(self) -> Decimal:
        return self.anchors[0].rate

    @property
    def high_rate(self) -> Decimal:
        return self.anchors[2].rate


def _anchor(key, savings, years, base, is_used) -> Anchor:
    rate = savings / Decimal(years) / base if base else None
    return Anchor(key, savings, int(years), base, rate, is_used)


def savings_parameters(on: date) -> SavingsParameters:
    """The parameters in force on `on` (the earliest entry when `on` is before them all)."""
    found = {}
    for name, p in load_all(PARAMETERS).items():
        e = p.at(on) or p.entries[0]
        short = name.rsplit(".", 1)[-1]
        found[short] = Used(
            name, Decimal(e.value), p.description, p.tag, e.title, e.href, e.note, e.start
        )
    return SavingsParameters(found)


@dataclass(frozen=True)
class SavingsEstimate:
    """The estimate: `low` to `high` pounds over `horizon` years on `yearly_spend` pounds a year
    of contract spend; never one figure."""

    yearly_spend: Decimal
    horizon: int
    low_rate: Decimal
    high_rate: Decimal
    low: Decimal
    high: Decimal
    parameters: SavingsParameters

    @property
    def spend_over_horizon(self) -> Decimal:
        return self.yearly_spend * self.horizon


def savings_estimate(*, yearly_spend: Decimal, p: SavingsParameters) -> SavingsEstimate:
    """The range for a yearly spend (method: the module docstring), to the pound."""
    over = Decimal(yearly_spend) * p.horizon
    return SavingsEstimate(
        Decimal(yearly_spend),
        p.horizon,
        p.low_rate,
        p.high_rate,
        _pounds(over * p.low_rate),
        _pounds(over * p.high_rate),
        p,
    )


def _pounds(x: Decimal) -> Decimal:
    return x.quantize(POUND, rounding=ROUND_HALF_UP)


def yearly_value(value: Decimal, start: date | None, end: date | None) -> Decimal | None:
    """A contract's value a year: its value divided by its length in years, a contract of a
    year or less counting its whole value; None without both dates or with the end first."""
    if value is None or start is None or end is None or end < start:
        return None
    years = Decimal((end - start).days + 1) / Decimal("365.25")
    return Decimal(value) / max(years, Decimal(1))
