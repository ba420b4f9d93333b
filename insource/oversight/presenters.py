"""What the audit committee's page shows, ready for the template."""

from __future__ import annotations

from insource.oversight.selectors import AuditView
from insource.reviews.decisions.departure_presenters import departure_view


def departures_shown(view: AuditView) -> list[dict]:
    """Each departure from the policy's recommendation as the page lists it, with its decision."""
    return [departure_view(d) | {"decision": d} for d in view.departures]
