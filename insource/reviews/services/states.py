"""Moving a review to a new state: the state on the review and an append-only status row."""

from __future__ import annotations

from datetime import datetime

from insource.core.audit import Actor
from insource.reviews.models import Review, ReviewStatus


def review_move(
    review_id: int, state: str, *, by: Actor, at: datetime, note: str = "", **fields
) -> None:
    """Set the review's state (and any other `fields`) and record the move; call inside the
    calling service's transaction, which also writes the audit event."""
    Review.objects.filter(pk=review_id).update(state=state, **fields)
    ReviewStatus.objects.create(review_id=review_id, state=state, at=at, by=by.label, note=note)
