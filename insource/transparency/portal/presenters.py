"""What the public portal pages show, shaped from public selectors only: published decisions,
review states and lateness (public under the policy), never anything private of a review."""

from __future__ import annotations

from datetime import date

from insource.core import nav, panels
from insource.register.columns import authority_code
from insource.reviews.comments.presenters import contract_window
from insource.reviews.decisions.departure_presenters import departure_view
from insource.reviews.decisions.explanation import explanation
from insource.reviews.presenters import (
    decision_outcome_text,
    outcome_title,
    review_lateness_tag,
    standards_rows,
)
from insource.reviews.selectors import reviews
from insource.reviews.selectors.screenings import pipeline_screened, reviews_of_contract
from insource.standards.monitoring.presenters import public_monitoring
from insource.transparency.requests.selectors import request_stats

PIPELINE_SHOWN = 25
UPCOMING_MONTHS = 18  # the window of "Coming up for review" (and of its download)


def _decision_item(publication) -> dict:
    decision = publication.decision
    return {
        "publication": publication,
        "decision": decision,
        "outcome_text": decision_outcome_text(decision),
        "recommended_title": outcome_title(decision.recommended_outcome),
        "explanation": explanation(decision.result or {}),
        "prefix": f"decision-{decision.pk}-",
        "standards": standards_rows({"standards": decision.standards_applied}),
        "standards_apply": any(
            s["status"] != "not_applicable" for s in decision.standards_applied.values()
        ),
        "departure": departure_view(decision),
    }


def upcoming_pipeline(authority, *, on: date):
    """The authority's contracts reaching their decision point in the next 18 months."""
    return pipeline_screened(on=on, within_months=UPCOMING_MONTHS, authority=authority)


def authority_page(authority, *, on: date) -> dict:
    adopted = authority.policy_adopted_on is not None and authority.policy_adopted_on <= on
    pipeline = upcoming_pipeline(authority, on=on)
    upcoming = list(pipeline.contracts[:PIPELINE_SHOWN])
    for contract in upcoming:
        contract.review_lateness = review_lateness_tag(
            contract.review_point_on, contract.review_is_signed, on
        )
    return {
        "authority": authority,
        "open_data_code": authority_code(authority),
        "on": on,
        "adopted": adopted,
        "num_contracts": authority.contracts.count(),
        "upcoming": upcoming,
        "num_upcoming": pipeline.contracts.count(),
        "counts": reviews.review_counts(authority=authority, on=on) if adopted else None,
        "num_blocked": reviews.reviews_blocked(authority=authority).count() if adopted else 0,
        "departures": reviews.departure_counts(
            reviews.decisions_departing(authority=authority, published_only=True)
        ),
        "request_stats": request_stats(authority=authority, on=on),
        "decisions": [
            _decision_item(p) for p in reviews.publications_public(authority=authority)[:50]
        ],
        "panels": panels.collect("portal.authority", authority=authority, on=on),
        **nav.AUTHORITIES,
    }


def contract_page(contract, *, on: date) -> dict:
    published = [_decision_item(p) for p in reviews.publications_of_contract(contract)]
    current = published[0] if published else None
    return {
        "contract": contract,
        "reviews": [
            (r, review_lateness_tag(r.decision_point_on, r.is_signed, on))
            for r in reviews_of_contract(contract)
        ],
        "published": published,
        "current": current,
        "say_window": contract_window(contract, on=on),
        "adopted": contract.reviewing_authority.policy_adopted_on is not None,
        "monitoring": public_monitoring(contract, on=on),
        "panels": panels.collect("portal.contract", contract=contract, on=on),
        "decision_panels": (
            panels.collect("portal.decision", decision=current["decision"], on=on)
            if current
            else []
        ),
        "on": on,
        **nav.CONTRACTS,
    }
