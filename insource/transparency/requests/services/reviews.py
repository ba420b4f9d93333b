"""Internal review: the steps of the workflow table with rules of their own. An internal review
has its own clock: 20 working days (FOIA code of practice, FOISA s.21, EISR reg 16), 40 for an
EIR reconsideration (reg 11); it may be asked for after a response, or when the response is
overdue. Its outcome leaves a response state; after it, the requester may go to the Information
Commissioner (the Scottish Information Commissioner for FOISA and EISR): the table's `refer`."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from insource.core.audit import Actor
from insource.transparency.deadlines import due_on, limits
from insource.transparency.models import EventKind, InformationRequest, RequestState
from insource.transparency.requests.law import basis
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    hide_identity,
    notify,
    request_record,
    require_text,
    step_check,
)
from insource.transparency.requests.services.responses import check_exemptions
from insource.transparency.requests.states import RESPONDED

S = RequestState


@transaction.atomic
def request_review_request(
    *,
    request: InformationRequest,
    public_text: str,
    by: Actor,
    at: datetime,
    received_on: date | None = None,
):
    """The requester asks for an internal review (of a response, or of no response by the due
    date): its own clock, 20 working days (EIR reconsideration: 40)."""
    on = day_of(at)
    step_check(request, "review", by=by, at=at)
    if request.review_requested_on is not None:
        raise RequestActionRefused(
            "An internal review has already been asked for: the next step is the Commissioner"
        )
    text = require_text(public_text, "Say why the response should be reviewed")
    text, _count, _found = hide_identity(
        text, name=request.requester_name, email=request.requester_email
    )
    received = received_on or on
    regime = request.regime
    return request_record(
        request,
        kind=EventKind.REVIEW_REQUESTED,
        by=by,
        at=at,
        state=S.INTERNAL_REVIEW,
        due=due_on(received, regime=regime, working_days=limits(regime)["review"]),
        fields={"review_requested_on": received},
        public_text=text,
        statutory_basis=basis("internal-review", regime),
        details={"from_state": request.state, "received_on": received.isoformat()},
    )


@transaction.atomic
def request_review_decide(
    *,
    request: InformationRequest,
    outcome: str,
    result: str,
    public_text: str,
    by: Actor,
    at: datetime,
    exemptions=(),
    public_interest: str = "",
):
    """The internal review's outcome (`upheld` or `changed`) and the response it leaves."""
    step_check(request, "review-outcome", by=by, at=at)
    if outcome not in ("upheld", "changed") or result not in RESPONDED:
        raise RequestActionRefused("Choose the outcome of the review and the response it leaves")
    text = require_text(public_text, "Enter the review's outcome to publish")
    required = result in (S.ANSWERED_PART, S.REFUSED) and outcome == "changed"
    codes = check_exemptions(request, exemptions, public_interest, required=required)
    event = request_record(
        request,
        kind=EventKind.REVIEW_DECIDED,
        by=by,
        at=at,
        state=result,
        due=None,
        public_text=text,
        exemptions=codes,
        public_interest=public_interest.strip(),
        statutory_basis=basis("internal-review", request.regime),
        details={"outcome": outcome, "is_late": day_of(at) > request.due_on},
    )
    notify(request, event, "review")
    return event
