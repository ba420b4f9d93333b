"""Contracts for the same service, of two or more of a place's bodies, ending close together:
candidates for a joint in-house or shared service; and `Line`, one contract of a place. Pure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class Line:
    """One contract of the place."""

    id: int
    body_id: int
    title: str
    division: str
    value: Decimal | None
    start_on: date | None
    end_on: date | None
    is_framework: bool
    suppliers: tuple[tuple[int, str], ...] = ()

    @property
    def is_counted(self) -> bool:
        return self.value is not None and not self.is_framework


@dataclass(frozen=True)
class EndingGroup:
    """Contracts of two or more bodies for one service, each ending within the window of the
    one before it: a candidate for a joint in-house or shared service."""

    division: str
    lines: tuple[Line, ...]

    @property
    def first_end(self) -> date:
        return self.lines[0].end_on

    @property
    def last_end(self) -> date:
        return self.lines[-1].end_on

    @property
    def spend(self) -> Decimal:
        return sum((x.value for x in self.lines if x.is_counted), ZERO)


def add_months(d: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)  # pragma: no cover - day 28 exists in every month


def ending_groups(lines: list[Line], *, on: date, window_months: int) -> list[EndingGroup]:
    """Per service, contracts not yet ended on `on`, in end-date order, each joining the group
    of the one before when it ends within `window_months` of it; groups of one body dropped."""
    by_service = defaultdict(list)
    for x in lines:
        if x.division and x.end_on and x.end_on >= on and not x.is_framework:
            by_service[x.division].append(x)
    groups = []
    for _, found in sorted(by_service.items()):
        found.sort(key=lambda x: (x.end_on, x.id))
        current = [found[0]]
        for x in found[1:]:
            if x.end_on <= add_months(current[-1].end_on, window_months):
                current.append(x)
            else:
                groups.append(current)
                current = [x]
        groups.append(current)
    kept = [
        EndingGroup(g[0].division, tuple(g)) for g in groups if len({x.body_id for x in g}) >= 2
    ]
    return sorted(kept, key=lambda g: (g.first_end, g.division))
