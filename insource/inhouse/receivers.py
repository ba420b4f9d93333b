"""What inhouse does when a lower app says something happened (connected in
`InhouseConfig.ready()`; ADR 0027)."""

from __future__ import annotations

from insource.inhouse.services import inhouse_service_go_live


def service_start_on_go_live(sender, *, plan, started_on, by, at, **kwargs) -> None:
    """A transition plan went live: its in-house service starts (in the milestone's
    transaction; idempotent)."""
    inhouse_service_go_live(plan=plan, started_on=started_on, by=by, at=at)
