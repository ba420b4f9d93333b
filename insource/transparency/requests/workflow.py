"""The information-request workflow as one table (ADR 0025): for every step an officer or the
requester can take, the states it may be taken from, who may take it, what it requires, what it
records, whom it tells, and the state it leaves. `services.steps.request_step` interprets the
rows whose `service` is `request_step`; the steps whose rules really differ are their own
services, which check the row's gate (`step_refusal`) first. Pure: no database, no clock.
`docs/information-requests.md` shows the table (tests/test_request_workflow.py renders it and
keeps the two the same)."""

from __future__ import annotations

from dataclasses import dataclass, field

from insource.transparency.models import EventKind, Party, RequestState
from insource.transparency.requests.states import AWAITING, OPEN, RESPONDED

S = RequestState
K = EventKind
ALL = frozenset(S)
OFFICERS = frozenset({Party.AUTHORITY, Party.SYSTEM})  # the system acts for the authority
ANYONE = OFFICERS | {Party.REQUESTER}

STATE_REFUSAL = "You cannot {doing} a request that is {state}"
NOT_RECEIVED = (
    "You cannot {doing} this request yet: the requester has not confirmed their email "
    "address, so it has not been received"
)
NOT_YOURS = "Only the authority can {doing} a request"


@dataclass(frozen=True)
class Step:
    """One row of the table. Messages may use `{doing}` and `{state}` (the state's label)."""

    action: str  # the step's slug (the officers' URL /requests/<code>/<ref>/<action>/)
    doing: str  # what the step does, as the refusals word it ("record advice on")
    states: frozenset  # the states it may be taken from
    kind: str  # the history event it records (one audit event with it)
    to: str | None = None  # the state it leaves (None: unchanged; "response": as chosen)
    who: frozenset = OFFICERS  # the parties who may take it
    requires: str = ""  # the field it needs (a text, unless `default` fills it)
    missing: str = ""  # the refusal when `requires` is empty
    default: str = ""  # what an empty `requires` stands for (a description)
    records: str = ""  # what else the event records, besides the published text
    due: str = "kept"  # the due date after it: "kept", "none", or how the step works it out
    basis: str = ""  # the statutory basis recorded (a key of `law.basis`)
    first_response: bool = False  # records the first response's day and lateness
    notify: str = ""  # the email template sent to a confirmed requester ("" : none)
    refusal: str = STATE_REFUSAL  # in any other state
    not_received: str | None = NOT_RECEIVED  # before the clock starts (None: allowed)
    overdue_states: frozenset = frozenset()  # also from these, once the due date has passed
    refusals: dict = field(default_factory=dict)  # a state's own refusal (overrides `refusal`)
    service: str = "request_step"  # the function that takes it


STEPS: dict[str, Step] = {
    step.action: step
    for step in (
        Step(
            "acknowledge",
            "acknowledge",
            AWAITING | {S.CLARIFICATION_REQUESTED},
            K.ACKNOWLEDGED,
            requires="public_text",
            default="'We have received your request.' and the due date",
            records="once only",
            notify="acknowledged",
        ),
        Step(
            "clarify",
            "ask for a clarification of",
            AWAITING,
            K.CLARIFICATION_REQUESTED,
            to=S.CLARIFICATION_REQUESTED,
            requires="public_text",
            missing="Say what the requester needs to clarify",
            records="a private note; the basis; the request waits for the answer",
            due="none",
            basis="clarification",
            notify="clarification",
        ),
        Step(
            "clarification",
            "record a clarification for",
            frozenset({S.CLARIFICATION_REQUESTED}),
            K.CLARIFICATION_RECEIVED,
            to=S.AWAITING_RESPONSE,
            who=ANYONE,
            requires="public_text",
            missing="Enter the clarification the requester gave",
            records="the day received (not in the future); the clock restarts; the basis",
            due="20 working days from the day after its receipt",
            basis="clarification",
        ),
        Step(
            "extend",
            "extend",
            frozenset({S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE}),
            K.EXTENDED,
            to=S.EXTENDED,
            requires="public_text",
            missing="Tell the requester why more time is needed",
            records="the kind, working days, exemptions, previous due date; the basis",
            due="public interest: n more working days; complex: 40 in all",
            notify="update",
            refusals={S.EXTENDED: "This request has already been extended: it can be only once"},
            service="request_extend",
        ),
        Step(
            "answer",
            "answer",
            AWAITING,
            K.ANSWERED_FULL,
            to="response",
            requires="public_text",
            missing="Enter the response to publish",
            records="(or `answered-part`) exemptions; documents; the first response",
            due="none",
            first_response=True,
            notify="answered",
        ),
        Step(
            "refuse",
            "refuse",
            AWAITING,
            K.REFUSED,
            to=S.REFUSED,
            requires="public_text",
            missing="Enter the refusal notice to publish",
            records="the grounds, exemptions, public interest, cost; the first response",
            due="none",
            first_response=True,
            notify="answered",
            service="request_refuse",
        ),
        Step(
            "not-held",
            "record 'not held' for",
            AWAITING,
            K.NOT_HELD,
            to=S.NOT_HELD,
            requires="public_text",
            missing="Enter the response to publish",
            records="the first response; the basis",
            due="none",
            basis="not-held",
            first_response=True,
            notify="answered",
        ),
        Step(
            "withdraw",
            "withdraw",
            OPEN,
            K.WITHDRAWN,
            to=S.WITHDRAWN,
            who=ANYONE,
            requires="public_text",
            default="'The requester withdrew this request.'",
            due="none",
            not_received=None,
        ),
        Step(
            "review",
            "ask for an internal review of",
            RESPONDED,
            K.REVIEW_REQUESTED,
            to=S.INTERNAL_REVIEW,
            who=ANYONE,
            requires="public_text",
            missing="Say why the response should be reviewed",
            records="once only; the day received; the state it came from; the basis",
            due="20 working days from its receipt (EIR: 40)",
            refusal="An internal review can be asked for once there is a response, or when "
            "the response is overdue",
            not_received=None,
            overdue_states=AWAITING,
            service="request_review_request",
        ),
        Step(
            "review-outcome",
            "record a review outcome for",
            frozenset({S.INTERNAL_REVIEW}),
            K.REVIEW_DECIDED,
            to="response",
            requires="public_text",
            missing="Enter the review's outcome to publish",
            records="upheld or changed, exemptions, lateness; the basis",
            due="none",
            notify="review",
            service="request_review_decide",
        ),
        Step(
            "refer",
            "refer",
            ALL - {S.AWAITING_CONFIRMATION, S.CLARIFICATION_REQUESTED, S.WITHDRAWN, S.REFERRED},
            K.REFERRED,
            to=S.REFERRED,
            requires="public_text",
            default="'The requester referred this request to' the Commissioner",
            records="the Commissioner and their reference; the basis",
            due="none",
            not_received=STATE_REFUSAL,
        ),
        Step(
            "advice",
            "record advice on",
            ALL - {S.WITHDRAWN},
            K.ADVICE,
            requires="public_text",
            missing="Enter the advice and assistance given",
            records="the advice flag; the basis",
            basis="advice",
            notify="update",
            refusal="You cannot record advice on this request now",
            not_received="You cannot record advice on this request now",
        ),
        Step(
            "regime",
            "change the law of",
            frozenset({S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE, S.CLARIFICATION_REQUESTED}),
            K.REGIME_CHANGED,
            requires="reason",
            missing="Say why the request falls under this law",
            records="the law before and after; the reason as a private note",
            due="20 working days from the clock's start, under the new law (kept while "
            "waiting for a clarification)",
            refusal="The law can be changed only before any extension or response",
            not_received=None,
        ),
        Step(
            "attach",
            "add documents to",
            ALL - {S.WITHDRAWN},
            K.ATTACHMENT,
            requires="title",
            missing="Enter a title for the document",
            records="the document (published or not)",
            refusal="You cannot add documents to this request now",
            not_received="You cannot add documents to this request now",
        ),
        Step(
            "forward",
            "forward to the contractor",
            OPEN,
            K.CONTRACTOR_ASKED,
            requires="asked",
            missing="Say what the contractor must provide",
            records="the contract, the contractor and its email address, what was asked (not "
            "published); the contractor's own due date; the contractor is emailed",
            due="kept (the contractor's clock: 10 working days from the day after)",
            refusal="You can forward a request to the contractor only while it is open: "
            "this one is {state}",
            service="request_forward",
        ),
        Step(
            "contractor-reply",
            "record the contractor's reply to",
            ALL,
            K.CONTRACTOR_REPLIED,
            requires="outcome",
            missing="Choose whether the contractor replied",
            records="the reply and the day received (not published), or no reply; late against "
            "its due date: an MS6 finding for a contract kept outsourced",
            not_received=None,
            service="request_contractor_reply",
        ),
        Step(
            "redact",
            "redact",
            ALL,
            K.REDACTED,
            requires="span",
            missing="Enter the words to redact, exactly as they appear",
            records="who, what, why, when (not the words removed); not published",
            not_received=None,
            service="request_redact",
        ),
    )
}


def step_refusal(request, action: str, *, party: str, on) -> str | None:
    """Why `party` cannot take the step on the request on the date `on` (None: it can).
    Checks the row's gate only: who, the state, the clock; the service checks the rest."""
    step = STEPS[action]
    state = request.state
    label = request.get_state_display().lower()
    if party not in step.who:
        return NOT_YOURS.format(doing=step.doing)
    overdue = state in step.overdue_states and request.due_on is not None and on > request.due_on
    if state not in step.states and not overdue:
        refusal = step.refusals.get(state, step.refusal)
        return refusal.format(doing=step.doing, state=label)
    if step.not_received is not None and request.clock_started_on is None:
        return step.not_received.format(doing=step.doing, state=label)
    return None
