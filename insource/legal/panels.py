"""Legal support's panels (ADR 0024), registered in `LegalConfig.ready()`: on the officers'
contract page and on the review page, the link to refer a matter to legal support and the
referrals already made about it, each with its status and whether it is late."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.legal import presenters, selectors


def contract_panel(*, contract, on: date) -> dict | None:
    """The contract's referrals and the link to refer (the page behind it checks the role)."""
    code = contract.reviewing_authority.code if contract.reviewing_authority_id else ""
    if not code:
        return None
    rows = presenters.rows(selectors.referrals_about(contract=contract), on)
    return {"code": code, "contract": contract, "review": None, "rows": rows, "can_refer": True}


def review_panel(*, review, contract, on: date, can: dict) -> dict | None:
    """The review's referrals, and the link for officers who may refer."""
    rows = presenters.rows(selectors.referrals_about(contract=contract, review=review), on)
    can_refer = bool(can.get("refer_to_legal"))
    if not rows and not can_refer:
        return None
    code = review.authority.code
    return {
        "code": code,
        "contract": contract,
        "review": review,
        "rows": rows,
        "can_refer": can_refer,
    }


def register_panels() -> None:
    panels.register(
        "contract.detail",
        name="legal.contract",
        template="legal/panel.html",
        context=contract_panel,
        order=40,
    )
    panels.register(
        "review.page",
        name="legal.review",
        template="legal/panel.html",
        context=review_panel,
        order=20,
    )
