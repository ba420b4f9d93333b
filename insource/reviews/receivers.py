"""What the reviews app does when the register tells it something (signals from below)."""

from __future__ import annotations

from insource.register.signals import contract_corrected, contract_terminated
from insource.reviews.selectors.screening_bulk import CONTRACT_COLUMNS
from insource.reviews.services.opening import ReviewNotDue, review_open, review_reschedule
from insource.reviews.services.screening import contracts_screen

# What screening reads of a contract (its reviewing authority aside), and what places a review.
SCREENED = frozenset(CONTRACT_COLUMNS) - {"id", "reviewing_authority_id"}
TIMING = frozenset({"end_on", "max_end_on", "is_terminated"})


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


def refresh_on_correction(*, contract, fields, on, by, at, **_):
    """An officer corrected the register: screen the contract again when screening reads what
    changed (or it is back from retirement), and move its open review to its new decision
    point and evaluate it again. Returns the review moved, or None."""
    fields = set(fields)
    if contract.duplicate_of_id is None and fields & (SCREENED | {"duplicate_of"}):
        contracts_screen(on=on, by=by, at=at, contract=contract)
    if fields & (SCREENED | TIMING):
        return review_reschedule(contract=contract, on=on, by=by, at=at)
    return None


def connect() -> None:
    contract_terminated.connect(open_review_on_termination, dispatch_uid="reviews.termination")
    contract_corrected.connect(refresh_on_correction, dispatch_uid="reviews.correction")
