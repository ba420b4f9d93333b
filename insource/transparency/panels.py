"""Transparency's panels on other pages (ADR 0024): the contractor's information on the
officers' contract page and on the public contract page — counts only (how often the
contractor was asked for information it holds for the council, and how often it was late),
for the contract and for each of its suppliers across every council. Registered in
`TransparencyConfig.ready()`."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.transparency.requests.contractors.selectors import contract_counts, supplier_counts


def contractor_counts(*, contract, on: date) -> dict | None:
    """The counts, or None when nothing about this contract was ever forwarded."""
    counts = contract_counts(contract=contract, on=on)
    if not counts.has_any:
        return None
    suppliers = [(s, supplier_counts(supplier=s, on=on)) for s in contract.suppliers.all()]
    return {"counts": counts, "suppliers": suppliers}


def register_panels() -> None:
    for slot, order in (("contract.detail", 30), ("portal.contract", 30)):
        panels.register(
            slot,
            name="transparency.contractor",
            template="transparency/requests/includes/contractor_counts.html",
            context=contractor_counts,
            order=order,
        )
