"""What the audit committee's page shows, ready for the template."""

from __future__ import annotations

from insource.oversight.selectors import AuditView
from insource.reviews.decisions.departure_presenters import departure_view


def departures_shown(view: AuditView) -> list[dict]:
    """Each departure from the policy's recommendation as the page lists it, with its decision."""
    return [departure_view(d) | {"decision": d} for d in view.departures]


def report_shown(content: dict) -> dict:
    """A report's frozen content with its dates as dates, for the page and the PDF."""
    from datetime import date

    def day(text: str):
        return date.fromisoformat(text) if text else None

    shown = dict(content)
    for key in ("from", "to", "as_of"):
        shown[key] = day(content[key])
    for key in ("late_reviews", "late_milestones", "late_requests", "recommendations"):
        shown[key] = [r | {"due": day(r.get("due", ""))} for r in content.get(key, [])]
    shown["departures"] = [r | {"decided": day(r["decided"])} for r in content["departures"]]
    return shown
