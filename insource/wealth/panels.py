"""Community wealth's panels on other apps' pages (registered in `WealthConfig.ready()`; see
`insource.core.panels`): the review page's panel of the contract's figures and the public
authority page's figures. Each computes its context from the host's objects and date, in the
host's view, before the page renders."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.wealth import presenters
from insource.wealth.report import authority_wealth, contract_wealth


def contract_panel(*, review, contract, on: date, can: dict) -> dict | None:
    """The contract's local, SME and VCSE shares, recorded jobs and LM3 estimate (None when
    the contract is not the review's authority's)."""
    authority = review.authority
    view = contract_wealth(authority=authority, contract=contract, on=on)
    if view is None:
        return None
    figures = presenters.contract_figures(view)
    return figures | {"can_record": can["record_community_wealth"], "code": authority.code}


def authority_public(*, authority, on: date) -> dict:
    """Public figures from the register only: no officer-recorded jobs or survey figures."""
    report = authority_wealth(authority=authority, on=on, with_officer_figures=False)
    return presenters.authority_figures(report, public=True)


def register_panels() -> None:
    panels.register(
        "review.page",
        name="wealth.contract",
        template="wealth/includes/contract_panel.html",
        context=contract_panel,
        order=10,
    )
    panels.register(
        "portal.authority",
        name="wealth.authority",
        template="wealth/includes/public_figures.html",
        context=authority_public,
        order=10,
    )
