"""The rating of a KPI for one period, from its measured value, target and direction. Pure.

The scale is the one a contract performance notice must use (Procurement Act 2023 ss.52 and 71;
Procurement Regulations 2024, reg. 39(5)): good (meeting or exceeding the KPI), approaching
target (close to meeting it), requires improvement (below it), inadequate (significantly below
it), and other (performance that cannot be described so: an officer's rating only).

The regulations put no numbers on "close" or "significantly": Insource's thresholds are dated
DESIGN parameters in `parameters/kpi_rating/` (read with the policy's strict loader). The
shortfall is measured against the target, as a share of it:

- higher is better: shortfall = (target - value) / |target|
- lower is better:  shortfall = (value - target) / |target|

shortfall <= 0: good; <= approaching_target_pct: approaching target; <= requires_improvement_pct:
requires improvement; beyond: inadequate. A target of zero gives a missed target no relative
size: any shortfall is "requires improvement", and the officer records the rating they judge.
This function gives the derived rating; an officer may record another one with a reason
(`services.kpi_rating_record`): an assessment under s.71 is the authority's judgment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from insource.policy.params import load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
HUNDRED = Decimal(100)


class Rating(StrEnum):
    GOOD = "good"
    APPROACHING_TARGET = "approaching_target"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    OTHER = "other"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Bands:
    """The two thresholds in force, in percent of the target, with their citation."""

    approaching_pct: Decimal
    improvement_pct: Decimal
    citation: str
    href: str


def bands_on(on: date) -> Bands:
    """The thresholds in force on a date (the earliest entry before the first date)."""
    params = load_all(PARAMETERS)
    entries = [
        params[f"kpi_rating.{name}"].at(on) or params[f"kpi_rating.{name}"].entries[0]
        for name in ("approaching_target_pct", "requires_improvement_pct")
    ]
    first = entries[0]
    return Bands(Decimal(entries[0].value), Decimal(entries[1].value), first.title, first.href)


def shortfall_pct(value: Decimal, target: Decimal, direction: str) -> Decimal | None:
    """How far the value falls short of the target, in percent of it (<= 0: met). None when
    the target is zero and missed (no relative size)."""
    gap = target - value if direction == Direction.HIGHER else value - target
    if gap <= 0:
        return gap if target == 0 else gap / abs(target) * HUNDRED
    return None if target == 0 else gap / abs(target) * HUNDRED


def rate(value: Decimal, target: Decimal, direction: str, bands: Bands) -> Rating:
    """The derived rating of one measured value: the one function every page and the
    recording service use."""
    shortfall = shortfall_pct(value, target, direction)
    if shortfall is None:
        return Rating.REQUIRES_IMPROVEMENT
    if shortfall <= 0:
        return Rating.GOOD
    if shortfall <= bands.approaching_pct:
        return Rating.APPROACHING_TARGET
    if shortfall <= bands.improvement_pct:
        return Rating.REQUIRES_IMPROVEMENT
    return Rating.INADEQUATE
