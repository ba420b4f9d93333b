"""The alerts' panels on the portal's pages (registered in `AlertsConfig.ready()`; see
`insource.core.panels`): "Get emails about this", the Atom feed and "Add to calendar" on an
authority's and a contract's public pages; a contract's also offers its service."""

from __future__ import annotations

from datetime import date

from insource.alerts import presenters
from insource.alerts.models import TargetKind
from insource.alerts.selectors import Target, division_name, division_of
from insource.core import panels


def _links(target: Target) -> dict:
    return {"kind": target.kind, "name": presenters.target_name(target)} | (
        presenters.target_urls(target)
    )


def authority_follow(*, authority, on: date) -> dict:
    return {"follow": _links(Target(TargetKind.AUTHORITY, authority=authority))}


def contract_follow(*, contract, on: date) -> dict:
    division = division_of(contract)
    service = Target(TargetKind.SERVICE, division=division) if division else None
    return {
        "follow": _links(Target(TargetKind.CONTRACT, contract=contract)),
        "service": _links(service) if service else None,
        "service_name": division_name(division),
    }


def register() -> None:
    panels.register(
        "portal.authority",
        name="alerts.authority",
        template="alerts/includes/follow_panel.html",
        context=authority_follow,
        order=1,
    )
    panels.register(
        "portal.contract",
        name="alerts.contract",
        template="alerts/includes/follow_panel.html",
        context=contract_follow,
        order=1,
    )
