"""What transition does when a lower app says something happened (connected in
`TransitionConfig.ready()`; ADR 0027)."""

from __future__ import annotations

from insource.transition.services.plans import transition_plan_open


def plan_open_on_signing(sender, *, decision, by, at, **kwargs) -> None:
    """A decision was signed: make its transition plan when it brings the service home (in the
    signing transaction; a failure here rolls the signing back)."""
    transition_plan_open(decision=decision, by=by, at=at)
