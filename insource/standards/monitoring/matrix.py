"""The standards matrix of a continuing contract: MS1–MS13, each with its status, evidence, next
monitoring date and history (POLICY.md §4).

It starts from what the signed decision found on the proposed terms and overlays what has been
recorded since, latest first: the payroll returns (MS1 fair wage, MS4 gender pay audit), KPI
assessments (MS9), officers' checks of any standard (e.g. MS11 once a provider is chosen), and
the monitoring calendar (an overdue annual audit or assessment leaves its standard unmet).
MS2 is never "met": a term requiring union recognition is void (TULRCA 1992 s.186; s.187), so
it always reads "requires a change in the law", with the lawful measures offered instead.

Pure: rows in, rows out. The Django side (selectors) gathers the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from insource.core.dates import long_date
from insource.standards.monitoring.calendar import Item

MS2_REASON = (
    "A contract term requiring a provider to recognise a trade union is void (Trade Union and "
    "Labour Relations (Consolidation) Act 1992 s.186), and a council may not refuse a supplier "
    "on that ground (s.187): this standard needs a change in the law, and no such clause is "
    "ever generated."
)
MS2_MEASURES = (
    "compliance with statutory trade union rights, including access for union representatives",
    "no blacklisting of trade union members (Employment Relations Act 1999 (Blacklists) "
    "Regulations 2010)",
    "two-tier workforce protections: contract staff no less favourably treated",
)
CHECKABLE = ("met", "unmet", "unknown")
MS11_CHOICES = ("met", "unmet", "due_at_award")


@dataclass(frozen=True)
class Seen:
    """One dated observation of a standard: what it found, where from, and a link to it."""

    on: date
    standard: str
    status: str
    reason: str
    source: str
    link: dict = field(default_factory=dict)


@dataclass
class Row:
    """One standard in the matrix."""

    id: str
    label: str
    mandatory: bool
    status: str
    reason: str
    evidence: list[Seen]
    next_on: date | None
    history: list[Seen]
    measures: Sequence[str] = ()

    @property
    def is_breach(self) -> bool:
        return self.status == "unmet"


def payroll_seen(pk: int, pay_on: date, fair_wage: dict, gender_pay: dict, tolerance) -> list[Seen]:
    """What one payroll return shows for MS1 and MS4."""
    s = fair_wage["summary"]
    below = s["below_rate"]
    ms1 = (
        Seen(pay_on, "MS1", "unmet", _below_text(s, pay_on), "payroll return", {"return": pk})
        if below
        else Seen(pay_on, "MS1", "met", _paid_text(s, pay_on), "payroll return", {"return": pk})
    )
    return [ms1, _gender_seen(pk, pay_on, gender_pay, tolerance)]


def _below_text(s: dict, on: date) -> str:
    return (
        f"{s['below_rate']} of {s['workers']} workers paid below the applicable rate on "
        f"{long_date(on)} (shortfall £{s['total_shortfall_per_period']} for the pay period)"
    )


def _paid_text(s: dict, on: date) -> str:
    checked = s["workers"] - s["not_checked"]
    text = f"all {checked} workers checked paid at least the rate on {long_date(on)}"
    return text + (f"; {s['uplift_due']} have an uplift due" if s["uplift_due"] else "")


def _gender_seen(pk: int, on: date, report: dict, tolerance) -> Seen:
    median = report.get("median_hourly_gap")
    text = f"the six measures computed for {report.get('num_employees', 0)} employees"
    if median is not None and Decimal(str(median)) > Decimal(str(tolerance)):
        text += f"; median hourly gap {median}% is over {tolerance}%: an action plan is required"
    elif median is not None:
        text += f"; median hourly gap {median}%"
    return Seen(on, "MS4", "met", text, "payroll return", {"return": pk})


def kpi_seen(
    pk: int, on: date, num_kpis: int, num_met, is_published: bool, minimum: int, kind="record"
) -> Seen:
    """What one KPI assessment shows for MS9 (`kind`: an officer's record, or KPI ratings)."""
    ok = num_kpis >= minimum and is_published
    text = f"{num_kpis} KPIs assessed" + (f", {num_met} met" if num_met is not None else "")
    text += "; published" if is_published else "; not published"
    if num_kpis < minimum:
        text += f"; fewer than the {minimum} required"
    return Seen(on, "MS9", "met" if ok else "unmet", text, "KPI assessment", {kind: pk})


def overdue_seen(items: Sequence[Item], on: date) -> list[Seen]:
    """Overdue or breached calendar items, as observations that leave their standard unmet."""
    return [
        Seen(on, i.standard, "unmet", f"{i.label}: {i.status} since {i.due_on}", "calendar")
        for i in items
        if i.is_alert and i.standard in ("MS1", "MS4", "MS9")
    ]


def matrix(
    decided: dict, labels: dict, seen: Sequence[Seen], items: Sequence[Item], *, decided_on: date
) -> list[Row]:
    """MS1–MS13: the decision's finding, overlaid by the latest observation of each standard."""
    rows = []
    for key in sorted(decided, key=lambda k: int(k[2:])):
        base = Seen(decided_on, key, decided[key]["status"], decided[key]["reason"], "decision", {})
        history = sorted([s for s in seen if s.standard == key], key=lambda s: s.on, reverse=True)
        rows.append(_row(key, labels[key], decided[key]["mandatory"], base, history, items))
    return rows


def _row(key, label, mandatory, base: Seen, history: list[Seen], items) -> Row:
    latest = _latest(history) or base
    upcoming = [i.due_on for i in items if key in _serves(i) and i.status != "done"]
    row = Row(
        key,
        label,
        mandatory,
        latest.status,
        latest.reason,
        [s for s in history if s.source != "calendar"][:3],
        min(upcoming, default=None),
        [*history, base],
    )
    if key == "MS2":
        row.status, row.measures = base.status, MS2_MEASURES  # never met: no override
        row.reason = MS2_REASON + (
            " The proposed terms contain such a term: remove it before publication."
            if base.status == "void_in_law"
            else ""
        )
    return row


def _serves(item: Item) -> tuple[str, ...]:
    """The standards an item's evidence serves: the annual payroll return checks MS1 too."""
    return ("MS4", "MS1") if item.key == "gender-pay-audit" else (item.standard,)


def _latest(history: list[Seen]) -> Seen | None:
    """The latest observation; on the same day an unmet one (a breach) wins."""
    if not history:
        return None
    top = history[0].on
    same_day = [s for s in history if s.on == top]
    return next((s for s in same_day if s.status == "unmet"), same_day[0])
