"""What the monitoring pages show: labels and tag colours for the matrix and the calendar.
Presentation only; nothing here decides anything."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from insource.core import plain_words as plain
from insource.reviews.presenters import STANDARD_STATUS, outcome_text

ITEM_STATUS = {
    "done": (_("Done"), "green"),
    "upcoming": (_("Upcoming"), "grey"),
    "due-soon": (_("Due soon"), "yellow"),
    "overdue": (_("Overdue"), "red"),
    "breach": (_("Breach"), "red"),
}
STANDARD_TAG = {"met": "green", "unmet": "red", "void_in_law": "purple", "due_at_award": "blue"}
LAW_CHANGE = plain.standard_status("void_in_law").title  # one wording (ADR 0034)
SOURCES = {
    "decision": _("The signed decision (proposed terms)"),
    "payroll return": _("Payroll return"),
    "KPI assessment": _("KPI assessment"),
    "officer's check": _("Officer's check"),
    "calendar": _("Monitoring calendar"),
}


def status_label(row) -> str:
    if row.id == "MS2":
        return str(LAW_CHANGE)
    return str(STANDARD_STATUS.get(row.status, row.status))


def matrix_rows(rows) -> list[dict]:
    """The matrix rows with their labels, tag colours and sources named."""
    return [
        {
            "row": r,
            "status_label": status_label(r),
            "tag": "purple" if r.id == "MS2" else STANDARD_TAG.get(r.status, "grey"),
            "history": [(s, SOURCES.get(s.source, s.source)) for s in r.history],
        }
        for r in rows
    ]


def calendar_rows(items) -> list[dict]:
    return [
        {"item": i, "status_label": ITEM_STATUS[i.status][0], "tag": ITEM_STATUS[i.status][1]}
        for i in items
    ]


def summary(m) -> dict:
    """One continuing contract in the authority's list."""
    counts = {"met": 0, "unmet": 0, "unknown": 0}
    for r in m.rows:
        if r.status in counts:
            counts[r.status] += 1
    return {
        "m": m,
        "outcome_text": outcome_text(m.decision.outcome),
        "counts": counts,
        "next": m.next_item,
        "alerts": m.alerts,
    }


def public_monitoring(contract, *, on) -> dict | None:
    """The public contract page's monitoring panel, under a published decision only."""
    from insource.standards.monitoring.selectors import contract_monitoring_public

    m = contract_monitoring_public(contract, on=on)
    if m is None:
        return None
    return {"m": m, "rows": matrix_rows(m.rows), "items": calendar_rows(m.items)}
