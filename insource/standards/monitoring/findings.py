"""Standards found unmet by what was recorded (POLICY.md §4): a payroll return with workers paid
below the fair wage (MS1), a KPI assessment or rating short of the standard (MS9), an officer's
check recording a standard unmet (e.g. MS6 after a contractor's late reply to an information
request). Each finding is an alert of its own, raised once whatever the date it fell due.

Pure: observations in, calendar-shaped items out. A finding's key names its standard and the
record that found it (`finding-MS1-return-12`), so the alert's uniqueness (contract, key, date)
is per contract, standard and finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from insource.standards.monitoring.calendar import Item
from insource.standards.monitoring.matrix import Seen

FOUND_BY = ("payroll return", "KPI assessment", "officer's check")


def finding_key(seen: Seen) -> str:
    """The stable key of one finding: its standard and the record (kind and id) that found it."""
    record = "-".join(f"{kind}-{pk}" for kind, pk in sorted(seen.link.items()))
    return f"finding-{seen.standard}-{record}"


def findings(seen: Sequence[Seen]) -> list[Item]:
    """Every observation that found a standard unmet, as an item in breach on the day found."""
    found = [s for s in seen if s.status == "unmet" and s.source in FOUND_BY and s.link]
    return [
        Item(
            finding_key(s),
            s.standard,
            f"{s.standard} found unmet ({s.source}): {s.reason}"[:300],
            s.on,
            "breach",
            s.reason,
            s.on,
            dict(s.link),
        )
        for s in sorted(found, key=lambda s: (s.on, s.standard))
    ]


def to_raise(items: Sequence[Item], found: Sequence[Item]) -> list[Item]:
    """What alerts are raised for: the calendar's overdue items and every finding. A breach the
    calendar shows (a wage uplift a return missed) is that return's finding, raised once."""
    return [i for i in items if i.status == "overdue"] + list(found)
