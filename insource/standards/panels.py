"""The minimum standards' panel on the register's contract page (registered in
`StandardsConfig.ready()`; see `insource.core.panels`): the links to the contract's standards
and monitoring and to its payroll returns, and to its model contract when a signed decision
keeps it outsourced."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.standards.model_contract.selectors import has_outsourcing_decision


def contract_links(*, contract, on: date) -> dict | None:
    """The links, for a contract whose reviewing authority has a code (else nothing)."""
    code = contract.reviewing_authority.code
    if not code:
        return None
    return {"contract": contract, "code": code, "show": has_outsourcing_decision(contract)}


def register_panels() -> None:
    panels.register(
        "contract.detail",
        name="standards.contract",
        template="standards/includes/contract_links.html",
        context=contract_links,
        order=20,
    )
