"""The unit a service's cost is compared in, per service category, and what it divides by (ADR
0044). Each row names its unit, the count it divides by and the source that uses that unit; a
count the register does not hold (meals, hours) must be recorded before a unit cost is shown.
Households are estimated from the authority's population with a dated, cited parameter
(`parameters/national/persons_per_household.yaml`). Pure: no database, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from insource.policy.params import load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
PERSONS_PER_HOUSEHOLD = "national.persons_per_household"
HOUSEHOLDS, RECORDED = "households", "recorded"
PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Unit:
    """One row of the table: the CPV prefixes it covers, the category's name, the unit ("per
    household"), the count it divides by, how that count is known, and the cited source."""

    key: str
    prefixes: tuple[str, ...]
    category: str | Promise
    unit: str | Promise
    count: str | Promise
    basis: str  # HOUSEHOLDS: from the population; RECORDED: an officer must record it
    source: str
    href: str


UNITS: tuple[Unit, ...] = (
    Unit(
        "refuse",
        ("905",),
        _("Refuse and recycling collection"),
        _("per household"),
        _("households"),
        HOUSEHOLDS,
        "Ministry of Housing, Communities and Local Government, Local authority revenue "
        "expenditure and financing (RO5: waste collection, the cost per household)",
        "https://www.gov.uk/government/collections/local-authority-revenue-expenditure-and-financing",
    ),
    Unit(
        "cleaning",
        ("909", "906"),
        _("Cleaning"),
        _("per hour of cleaning"),
        _("hours of cleaning"),
        RECORDED,
        "Crown Commercial Service, Facilities management and workplace services (RM6232): "
        "cleaning priced by the hour",
        "https://www.crowncommercial.gov.uk/agreements/RM6232",
    ),
    Unit(
        "catering",
        ("555",),
        _("School and other meals"),
        _("per meal"),
        _("meals served"),
        RECORDED,
        "Department for Education, Universal infant free school meals: funded per meal taken",
        "https://www.gov.uk/government/publications/universal-infant-free-school-meals-uifsm-funding-allocations-2025-to-2026",
    ),
    Unit(
        "care",
        ("853",),
        _("Care"),
        _("per hour of care"),
        _("hours of care"),
        RECORDED,
        "Department of Health and Social Care, Market sustainability and fair cost of care "
        "fund: the median cost per contact hour of home care",
        "https://www.gov.uk/government/publications/market-sustainability-and-fair-cost-of-care-fund-2022-to-2023",
    ),
)


def unit_for(key: str) -> Unit | None:
    """The unit of a service key: the row with the longest prefix the key starts with (a
    division that mixes services with different units, such as 90, has none)."""
    matches = [(len(p), u) for u in UNITS for p in u.prefixes if key.startswith(p)]
    return max(matches, key=lambda m: m[0])[1] if matches else None


@dataclass(frozen=True)
class Divisor:
    """What a cost per year is divided by: the count, how it was reached, and its citation."""

    count: Decimal
    basis: str
    citation: str  # the source's title
    href: str
    is_estimate: bool


def persons_per_household(on: date):
    """The parameter's entry in force on `on` (value and citation)."""
    return load_all(PARAMETERS)[PERSONS_PER_HOUSEHOLD].at(on)


def divisor_for(unit: Unit, *, population: int | None, on: date) -> Divisor | None:
    """The count a unit divides by for an authority, or None when it is not known (a count
    to be recorded, or no population)."""
    if unit.basis != HOUSEHOLDS or not population:
        return None
    entry = persons_per_household(on)
    households = (Decimal(population) / entry.value).quantize(Decimal(1), ROUND_HALF_UP)
    basis = _("population %(p)s ÷ %(n)s people a household") % {
        "p": f"{population:,}",
        "n": entry.value,
    }
    return Divisor(households, str(basis), entry.title, entry.href, True)


def per_unit(amount: Decimal | None, divisor: Divisor | None) -> Decimal | None:
    """A cost per year divided by the count, to the penny (None without either)."""
    if amount is None or divisor is None or divisor.count <= 0:
        return None
    return (Decimal(amount) / divisor.count).quantize(PENNY, ROUND_HALF_UP)
