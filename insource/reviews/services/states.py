"""Moving a review to a new state, and whether its answers may change in the state it is in."""

from __future__ import annotations

from datetime import datetime

from insource.core.audit import Actor
from insource.reviews.models import Review, ReviewState, ReviewStatus

LOCKED = {
    ReviewState.AWAITING_DECISION: (
        "This review awaits a decision: its answers, evidence and appraisal cannot change "
        "unless the decision-maker returns it to the officer"
    ),
}
SIGNED = "This review has a signed decision: its answers cannot change"


def edit_refusal(review: Review) -> str | None:
    """Why the review's answers, evidence uploads and other edits are locked now, or None when
    they may change. The one test the services enforce and the pages show."""
    if review.is_signed:
        return SIGNED
    return LOCKED.get(review.state)


def review_move(
    review_id: int, state: str, *, by: Actor, at: datetime, note: str = "", **fields
) -> None:
    """Set the review's state (and any other `fields`) and record the move; call inside the
    calling service's transaction, which also writes the audit event."""
    Review.objects.filter(pk=review_id).update(state=state, **fields)
    ReviewStatus.objects.create(review_id=review_id, state=state, at=at, by=by.label, note=note)
