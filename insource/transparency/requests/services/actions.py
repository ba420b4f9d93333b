"""The officers' steps on the clock: acknowledge, ask for and receive a clarification, extend,
change the law it is handled under, record advice and assistance, withdraw.

The rules (POLICY.md §3, §5; deadlines in `insource.transparency.deadlines`):
- A clarification stops nothing: the request waits for it (no due date), and when it arrives a
  fresh 20 working days run from the day after its receipt (FOIA s.10(6)(b), EIR reg 9(4),
  FOISA s.10(1)(b)).
- Extension, once, claimed on or before the due date in force: FOIA public interest — n more
  working days (1 to 20, default 20) counted after the due date in force, naming the qualified
  exemption whose public interest test needs the time (s.10(3), s.17(2)); EIR/EISR complex and
  voluminous — 40 working days in total from the clock's start (EIR reg 7(1)). Refused under
  FOISA and for a public-interest extension under the EIR or EISR: the law has none.
- Changing the law recomputes the due date from the clock's start with the new calendar; not
  after an extension or a response.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from insource.core.audit import Actor
from insource.transparency.deadlines import due_on, is_scottish, limits
from insource.transparency.models import EventKind, InformationRequest, Regime, RequestState
from insource.transparency.requests.law import basis, exemptions_of
from insource.transparency.requests.services import emails
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    hide_identity,
    long_date,
    party_of,
    request_record,
    require_state,
    require_text,
    response_due,
)
from insource.transparency.requests.states import AWAITING, OPEN

S = RequestState


def _notify(request: InformationRequest, event, template: str = "update") -> None:
    if request.confirmed_at is not None:
        transaction.on_commit(lambda: emails.email_requester(request, event, template))


@transaction.atomic
def request_acknowledge(
    *, request: InformationRequest, public_text: str = "", by: Actor, at: datetime
) -> object:
    """Acknowledge receipt (once), telling the requester the due date."""
    require_state(request, AWAITING | {S.CLARIFICATION_REQUESTED}, "acknowledge")
    if request.events.filter(kind=EventKind.ACKNOWLEDGED).exists():
        raise RequestActionRefused("This request has already been acknowledged")
    text = public_text.strip() or _default_acknowledgement(request)
    event = request_record(request, kind=EventKind.ACKNOWLEDGED, by=by, at=at, public_text=text)
    _notify(request, event, "acknowledged")
    return event


def _default_acknowledgement(request: InformationRequest) -> str:
    due = f" We will respond by {long_date(request.due_on)}." if request.due_on else ""
    return f"We have received your request.{due}"


@transaction.atomic
def request_clarification_ask(
    *, request: InformationRequest, public_text: str, by: Actor, at: datetime, private_note=""
):
    """Ask the requester what they mean: the request then waits for their answer."""
    require_state(request, AWAITING, "ask for a clarification of")
    text = require_text(public_text, "Say what the requester needs to clarify")
    event = request_record(
        request,
        kind=EventKind.CLARIFICATION_REQUESTED,
        by=by,
        at=at,
        state=S.CLARIFICATION_REQUESTED,
        due=None,
        public_text=text,
        private_note=private_note,
        statutory_basis=basis("clarification", request.regime),
    )
    _notify(request, event, "clarification")
    return event


@transaction.atomic
def request_clarification_received(
    *,
    request: InformationRequest,
    public_text: str,
    by: Actor,
    at: datetime,
    received_on: date | None = None,
):
    """Record the clarification: a fresh 20 working days from the day after its receipt."""
    require_state(request, {S.CLARIFICATION_REQUESTED}, "record a clarification for")
    text = require_text(public_text, "Enter the clarification the requester gave")
    text, _count, _found = hide_identity(
        text, name=request.requester_name, email=request.requester_email
    )
    received = received_on or day_of(at)
    if received > day_of(at):
        raise RequestActionRefused(
            "The date the clarification was received cannot be in the future"
        )
    return request_record(
        request,
        kind=EventKind.CLARIFICATION_RECEIVED,
        by=by,
        at=at,
        state=S.AWAITING_RESPONSE,
        due=response_due(received, request.regime),
        fields={"clock_started_on": received},
        public_text=text,
        statutory_basis=basis("clarification", request.regime),
        details={"received_on": received.isoformat()},
    )


def _extended_due(request: InformationRequest, kind: str, working_days: int | None, exemptions):
    """The new due date, or a refusal saying why the law allows no such extension."""
    regime = request.regime
    if kind == "complex":
        total = limits(regime)["eir_complex"]
        if total is None:
            raise RequestActionRefused(
                "Only environmental information requests (EIR, EISR) can be extended as "
                "complex and voluminous"
            )
        return due_on(request.clock_started_on, regime=regime, working_days=total), total
    most = limits(regime)["public_interest_extension"]
    if most is None:
        raise RequestActionRefused(
            "Scottish law (FOISA, EISR) allows no public-interest extension"
            if is_scottish(regime)
            else "The EIR allow no public-interest extension: extend it as complex and "
            "voluminous if that applies"
        )
    n = working_days or most
    if not 1 <= n <= most:
        raise RequestActionRefused(f"Extend by between 1 and {most} working days")
    known = exemptions_of(regime)
    qualified = [c for c in exemptions if c in known and not known[c].is_absolute]
    if not qualified:
        raise RequestActionRefused(
            "Name the qualified exemption whose public interest test needs more time"
        )
    return due_on(request.due_on, regime=regime, working_days=n), n


@transaction.atomic
def request_extend(
    *,
    request: InformationRequest,
    kind: str,
    public_text: str,
    by: Actor,
    at: datetime,
    working_days: int | None = None,
    exemptions=(),
):
    """Extend the time for a response once (`kind`: public-interest or complex)."""
    if is_scottish(request.regime) and kind != "complex":
        raise RequestActionRefused("Scottish law (FOISA, EISR) allows no public-interest extension")
    require_state(request, AWAITING, "extend")
    if request.state == S.EXTENDED:
        raise RequestActionRefused("This request has already been extended: it can be only once")
    if day_of(at) > request.due_on:
        raise RequestActionRefused(
            f"The due date ({long_date(request.due_on)}) has passed: an extension must be "
            "claimed on or before it"
        )
    text = require_text(public_text, "Tell the requester why more time is needed")
    new_due, n = _extended_due(request, kind, working_days, exemptions)
    event = request_record(
        request,
        kind=EventKind.EXTENDED,
        by=by,
        at=at,
        state=S.EXTENDED,
        due=new_due,
        public_text=text,
        exemptions=exemptions,
        statutory_basis=basis(f"extension-{kind}", request.regime),
        details={"kind": kind, "working_days": n, "previous_due_on": request.due_on.isoformat()},
    )
    _notify(request, event)
    return event


@transaction.atomic
def request_withdraw(
    *, request: InformationRequest, by: Actor, at: datetime, public_text: str = ""
):
    """Withdraw the request (the requester through their private link, or an officer
    recording that they did)."""
    if request.state not in OPEN:
        raise RequestActionRefused(
            f"You cannot withdraw a request that is {request.get_state_display().lower()}"
        )
    text = public_text.strip() or "The requester withdrew this request."
    if party_of(by) == "requester":
        text, _count, _found = hide_identity(
            text, name=request.requester_name, email=request.requester_email
        )
    return request_record(
        request,
        kind=EventKind.WITHDRAWN,
        by=by,
        at=at,
        state=S.WITHDRAWN,
        due=None,
        public_text=text,
    )


@transaction.atomic
def request_regime_change(
    *, request: InformationRequest, regime: str, reason: str, by: Actor, at: datetime
):
    """Handle the request under another law (e.g. EIR for environmental information)."""
    if regime not in Regime.values:
        raise RequestActionRefused("Choose the law the request is handled under")
    if regime == request.regime:
        raise RequestActionRefused("The request is already handled under that law")
    allowed = {S.AWAITING_CONFIRMATION, S.AWAITING_RESPONSE, S.CLARIFICATION_REQUESTED}
    if request.state not in allowed:
        raise RequestActionRefused("The law can be changed only before any extension or response")
    reason = require_text(reason, "Say why the request falls under this law")
    due = request.due_on
    if request.clock_started_on is not None and request.state != S.CLARIFICATION_REQUESTED:
        due = response_due(request.clock_started_on, regime)
    previous = request.regime
    return request_record(
        request,
        kind=EventKind.REGIME_CHANGED,
        by=by,
        at=at,
        due=due,
        fields={"regime": regime},
        public_text=f"This request is handled under the {Regime(regime).label}.",
        private_note=reason,
        details={"from": previous, "to": regime},
    )


@transaction.atomic
def request_advice_record(
    *, request: InformationRequest, public_text: str, by: Actor, at: datetime
):
    """Record advice and assistance given to the requester (FOIA s.16 and equivalents)."""
    if request.state == S.WITHDRAWN or request.clock_started_on is None:
        raise RequestActionRefused("You cannot record advice on this request now")
    text = require_text(public_text, "Enter the advice and assistance given")
    event = request_record(
        request,
        kind=EventKind.ADVICE,
        by=by,
        at=at,
        fields={"has_advice": True},
        public_text=text,
        statutory_basis=basis("advice", request.regime),
    )
    _notify(request, event)
    return event
