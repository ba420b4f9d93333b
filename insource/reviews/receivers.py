"""What the reviews app does when the register tells it something (signals from below)."""

from __future__ import annotations

from insource.register.signals import contract_terminated
from insource.reviews.services.opening import ReviewNotDue, review_open


def open_review_on_termination(*, contract, on, by, at, **_):
    """A published termination opens the review at once when the reviewer has adopted the
    policy; the review (or None when it is not due) goes back to the sender."""
    authority = contract.reviewing_authority
    if authority.policy_adopted_on is None or authority.policy_adopted_on > on:
        return None
    try:
        return review_open(contract=contract, on=on, by=by, at=at)
    except ReviewNotDue:
        return None


def connect() -> None:
    contract_terminated.connect(open_review_on_termination, dispatch_uid="reviews.termination")
