"""Returning a review to its officer: the named decision-maker sends a review awaiting their
decision back, with reasons. The review is open again (its answers unlock), the move is in its
history and audited, and the officer who sent it (else its owner) is told by email."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F

from insource.core.audit import Actor, audit_record
from insource.reviews.models import Review, ReviewState
from insource.reviews.notify import notify_returned
from insource.reviews.services.states import review_move


class ReturnRefused(Exception):
    """The review cannot be returned: the message says why."""


def _refusal(review: Review, user, reasons: str, version: int) -> str | None:
    if review.state != ReviewState.AWAITING_DECISION:
        return "Only a review awaiting a decision can be returned"
    if review.decision_maker_id != user.pk:
        return "Only the decision-maker named for this review can return it"
    if review.version != version:
        return "The review changed since you read it: read it again, then return it"
    if not reasons.strip():
        return "Enter the reasons for returning the review to the officer"
    return None


@transaction.atomic
def review_return(*, review: Review, user, reasons: str, version: int, by: Actor, at: datetime):
    """Send a review awaiting `user`'s decision back to the officer, with `reasons`."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    refusal = _refusal(review, user, reasons, version)
    if refusal:
        raise ReturnRefused(refusal)
    maker_id = review.decision_maker_id
    review_move(
        review.pk,
        ReviewState.OPEN,
        by=by,
        at=at,
        note=f"returned to the officer: {reasons.strip()}",
        decision_maker=None,
        version=F("version") + 1,
    )
    review.refresh_from_db()
    audit_record(
        by=by,
        at=at,
        action="reviews.return",
        obj=review,
        authority=review.authority,
        before={"state": ReviewState.AWAITING_DECISION, "decision_maker": maker_id},
        after={"state": ReviewState.OPEN, "decision_maker": None},
        reason=reasons.strip(),
    )
    transaction.on_commit(lambda: notify_returned(review, reasons=reasons.strip(), by=user))
    return review
