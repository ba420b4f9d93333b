"""Oversight's panels (registered in `OversightConfig.ready()`; see `insource.core.panels`): on
the public contract page, a link to each supplier's record across the register; on the review
page, the incumbent's record beside the recommendation."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.oversight.selectors import reports_published
from insource.oversight.suppliers.identity import identity_of
from insource.oversight.suppliers.presenters import incumbent_line
from insource.oversight.suppliers.selectors import incumbent_records


def supplier_links(*, contract, on: date) -> dict | None:
    suppliers = {identity_of(s): s.name for s in contract.suppliers.all()}
    if not suppliers:
        return None
    return {"suppliers": [{"identity": i, "name": n} for i, n in suppliers.items()]}


def incumbent(*, review, contract, on: date, can) -> dict | None:
    records = incumbent_records(contract, on=on)
    if not records:
        return None
    return {"records": [{"identity": r.identity, "line": incumbent_line(r)} for r in records]}


def audit_reports(*, authority, on: date) -> dict | None:
    reports = list(reports_published(authority=authority))
    return {"reports": reports} if reports else None


def register_panels() -> None:
    panels.register(
        "portal.authority",
        name="oversight.audit-reports",
        template="oversight/includes/audit_reports.html",
        context=audit_reports,
        order=40,
    )
    panels.register(
        "portal.contract",
        name="oversight.suppliers",
        template="oversight/includes/supplier_links.html",
        context=supplier_links,
        order=30,
    )
    panels.register(
        "review.page",
        name="oversight.incumbent",
        template="oversight/includes/incumbent_record.html",
        context=incumbent,
        order=30,
    )
