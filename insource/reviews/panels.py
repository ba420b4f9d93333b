"""The reviews' panel on the register's contract page (registered in `ReviewsConfig.ready()`;
see `insource.core.panels`): the contract's reviews with their lateness on the host's date, and
the button that opens the review of its next decision point."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.reviews.presenters import review_lateness_tag
from insource.reviews.selectors.screenings import reviews_of_contract


def contract_reviews(*, contract, on: date) -> dict:
    """The contract's reviews, latest decision point first, each with its lateness tag."""
    return {
        "contract": contract,
        "reviews": [
            (r, review_lateness_tag(r.decision_point_on, r.is_signed, on))
            for r in reviews_of_contract(contract)
        ],
    }


def register_panels() -> None:
    panels.register(
        "contract.detail",
        name="reviews.contract",
        template="reviews/includes/contract_reviews.html",
        context=contract_reviews,
        order=10,
    )
