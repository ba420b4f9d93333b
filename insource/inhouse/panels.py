"""The in-house service's panels on the public portal (registered in `InhouseConfig.ready()`;
see `insource.core.panels`): the authority page's services brought home and the contract
page's link to the service it became, else the contract's KPI ratings (published: what MS9
counts as a published assessment)."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.inhouse import selectors
from insource.inhouse.figures import kpi_figures


def authority_brought_home(*, authority, on: date) -> dict:
    """The authority's services brought home, with a link to each and to the national list."""
    return {"services": selectors.services_of(authority=authority)}


def contract_brought_home(*, contract, on: date) -> dict:
    """A link to the service the contract became, if it was brought home; else its KPIs."""
    service = selectors.service_of_contract(contract)
    kpis = [] if service else selectors.kpis_of(contract=contract)
    return {"service": service, "kpis": [kpi_figures(k) for k in kpis]}


def register_panels() -> None:
    panels.register(
        "portal.authority",
        name="inhouse.authority",
        template="inhouse/includes/authority_link.html",
        context=authority_brought_home,
        order=20,
    )
    panels.register(
        "portal.contract",
        name="inhouse.contract",
        template="inhouse/includes/contract_link.html",
        context=contract_brought_home,
        order=10,
    )
