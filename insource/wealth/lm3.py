"""A local multiplier estimate in the manner of nef's LM3 (The Money Trail, 2002). Pure.

Round 1 is the spend with suppliers. Round 2 is the part of it the suppliers spend in the area
(on local staff and local suppliers): a share that depends on where the supplier is based, from
a survey when an officer has one, else a cited default. Round 3 is the part of round 2 that those
staff and suppliers spend in the area again. LM3 = (round 1 + round 2 + round 3) / round 1.

Spend whose supplier location is unknown is not counted as non-local: the estimate assumes it
is local in the same proportion as the known spend, and gives the range from "all of it
elsewhere" (low) to "all of it local" (high). The parameters live in parameters/lm3/ (dated,
cited, tag DESIGN) and are read with the policy's strict loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from insource.policy.params import load_all

PARAMETERS = Path(__file__).resolve().parent / "parameters"
NAMES = ("supplier_local_share_local", "supplier_local_share_elsewhere", "respend_local_share")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Assumption:
    """One LM3 parameter as used: its value, what it means, its tag and its citation."""

    name: str
    value: Decimal
    description: str
    tag: str
    citation: str
    href: str
    note: str
    is_override: bool = False


@dataclass(frozen=True)
class Lm3Parameters:
    """Round 2 shares (supplier based in the area / elsewhere) and the round 3 share."""

    local: Assumption
    elsewhere: Assumption
    respend: Assumption

    def overridden(self, *, supplier_share=None, respend=None, note="") -> Lm3Parameters:
        """The contract's own survey figures in place of the defaults (None keeps a default);
        a measured round 2 share applies wherever the supplier is based."""
        text = note or "recorded by an officer for this contract"

        def measured(a: Assumption, value, description: str) -> Assumption:
            if value is None:
                return a
            return Assumption(a.name, Decimal(value), description, "SURVEY", text, "", "", True)

        round2 = (
            "LM3 round 2, measured: the share of the contract's income the supplier spends"
            " in the area"
        )
        round3 = "LM3 round 3, measured: the share of the round-2 money re-spent in the area"
        return Lm3Parameters(
            measured(self.local, supplier_share, round2),
            measured(self.elsewhere, supplier_share, round2),
            measured(self.respend, respend, round3),
        )

    @property
    def all(self) -> tuple[Assumption, ...]:
        """The assumptions in use: a measured round 2 share once, not once per location."""
        if self.local.is_override:
            return (self.local, self.respend)
        return (self.local, self.elsewhere, self.respend)


def lm3_parameters(on: date) -> Lm3Parameters:
    """The defaults in force on a date, with their citations."""
    params = load_all(PARAMETERS)
    found = []
    for name in NAMES:
        p = params[f"lm3.{name}"]
        e = p.at(on) or p.entries[0]
        found.append(Assumption(name, e.value, p.description, p.tag, e.title, e.href, e.note))
    return Lm3Parameters(*found)


@dataclass(frozen=True)
class Lm3Estimate:
    """The three rounds in pounds, and rounds 2 + 3 again with all the spend of unknown supplier
    location counted as elsewhere (low) or as local (high). Estimates add up (`+`), so an
    authority's is the sum of its parts."""

    round1: Decimal
    round2: Decimal
    round3: Decimal
    later_low: Decimal
    later_high: Decimal
    unknown: Decimal

    def __add__(self, other: Lm3Estimate) -> Lm3Estimate:
        return Lm3Estimate(*(getattr(self, f) + getattr(other, f) for f in _FIELDS))

    @property
    def lm3(self) -> Decimal | None:
        """None when no spend has a known supplier location (only the range is known)."""
        if self.round1 <= self.unknown:
            return None
        return _ratio(self.round1, self.round2 + self.round3)

    @property
    def low(self) -> Decimal | None:
        return _ratio(self.round1, self.later_low) if self.unknown else None

    @property
    def high(self) -> Decimal | None:
        return _ratio(self.round1, self.later_high) if self.unknown else None


_FIELDS = ("round1", "round2", "round3", "later_low", "later_high", "unknown")
NONE = Lm3Estimate(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO)


def _ratio(round1: Decimal, later: Decimal) -> Decimal | None:
    return ((round1 + later) / round1).quantize(Decimal("0.01")) if round1 > 0 else None


def _later(local: Decimal, elsewhere: Decimal, p: Lm3Parameters) -> Decimal:
    """Rounds 2 and 3 together for spend split by supplier location."""
    round2 = local * p.local.value + elsewhere * p.elsewhere.value
    return round2 * (1 + p.respend.value)


def lm3_estimate(*, local: Decimal, elsewhere: Decimal, unknown: Decimal, p: Lm3Parameters):
    """LM3's rounds for spend split by supplier location (method: the module docstring)."""
    known = local + elsewhere
    part = local / known if known else Decimal("0.5")
    round2 = (local + unknown * part) * p.local.value + (
        elsewhere + unknown * (1 - part)
    ) * p.elsewhere.value
    return Lm3Estimate(
        local + elsewhere + unknown,
        round2,
        round2 * p.respend.value,
        _later(local, elsewhere + unknown, p),
        _later(local + unknown, elsewhere, p),
        unknown,
    )
