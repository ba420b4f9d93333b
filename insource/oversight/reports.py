"""The audit committee's quarterly report of an authority: what needed attention at the end of a
quarter (or today, for the quarter running), frozen as plain data when the committee publishes it.
Contracts are named by title (`register.naming`), never by an import key."""

from __future__ import annotations

import re
from datetime import date, timedelta

from insource.authorities.models import Authority
from insource.oversight.models import AuditRecommendation
from insource.oversight.selectors import audit_view
from insource.register.naming import contract_service_name

QUARTER = re.compile(r"^(20\d\d)-Q([1-4])$")


class QuarterError(ValueError):
    pass


def quarter_of(on: date) -> str:
    """The calendar quarter `on` falls in, as `2026-Q4`."""
    return f"{on.year}-Q{(on.month - 1) // 3 + 1}"


def quarter_dates(quarter: str) -> tuple[date, date]:
    """(first day, last day) of a quarter like `2026-Q4`."""
    match = QUARTER.match(quarter or "")
    if not match:
        raise QuarterError(f"{quarter!r} is not a quarter: write it like 2026-Q4")
    year, n = int(match[1]), int(match[2])
    first = date(year, 3 * n - 2, 1)
    following = date(year + (n == 4), 1 if n == 4 else 3 * n + 1, 1)
    return first, following - timedelta(days=1)


def report_content(authority: Authority, quarter: str, *, on: date) -> dict:
    """The report's content: the audit committee's view at the quarter's end (today while it
    runs), the recommendations made up to then with their status, as plain data."""
    first, last = quarter_dates(quarter)
    if first > on:
        raise QuarterError(f"{quarter} has not started yet")
    as_of = min(last, on)
    view = audit_view(authority=authority, on=as_of)
    recommendations = AuditRecommendation.objects.filter(authority=authority, made_on__lte=as_of)
    return {
        "authority": authority.display_name,
        "quarter": quarter,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "as_of": as_of.isoformat(),
        "counts": view.counts,
        "late_reviews": [
            {"title": contract_service_name(r.contract), "due": r.decision_point_on.isoformat()}
            for r in view.late_reviews
        ],
        "departures": [
            {"title": contract_service_name(d.contract), "decided": d.decided_on.isoformat()}
            for d in view.departures
        ],
        "blocked": [
            {"title": contract_service_name(m.contract), "standard": row.label}
            for m, row in view.blocked_standards
        ]
        + [
            {"title": contract_service_name(r.contract), "standard": ""}
            for r in view.blocked_reviews
        ],
        "breaches": [
            {"title": contract_service_name(m.contract), "standard": row.label}
            for m, row in view.breaches
        ],
        "late_milestones": [
            {"title": m.plan.service_name, "milestone": m.title, "due": m.due_on.isoformat()}
            for m in view.late_milestones
        ],
        "late_requests": [
            {"reference": r.reference, "due": r.due_on.isoformat() if r.due_on else ""}
            for r in view.late_requests
        ],
        "recommendations": [
            {
                "text": r.text,
                "owner": r.owner,
                "due": r.due_on.isoformat(),
                "status": r.status,
                "late": r.is_late(as_of),
                "response": r.response,
            }
            for r in recommendations
        ],
    }
