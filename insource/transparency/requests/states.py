"""The groups of request states that the services, selectors and presenters share."""

from __future__ import annotations

from insource.transparency.models import RequestState

S = RequestState

# Waiting for the authority's response: the response clock runs.
AWAITING = frozenset({S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE, S.EXTENDED})
# A response was given (each may go to internal review, then to the Commissioner).
RESPONDED = frozenset({S.ANSWERED_FULL, S.ANSWERED_PART, S.REFUSED, S.NOT_HELD})
# Still open: a clock runs or the requester is asked for something.
OPEN = AWAITING | {S.CLARIFICATION_REQUESTED, S.INTERNAL_REVIEW}
# States whose due date can be passed (overdue, very overdue).
CLOCKED = AWAITING | {S.INTERNAL_REVIEW}
