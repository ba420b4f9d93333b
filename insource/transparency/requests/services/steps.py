"""`request_step`: the one service that takes a step of the workflow table
(`insource.transparency.requests.workflow.STEPS`).

For a step it checks the table's gate (who, the state, the clock), then what the step requires,
records one history event and one audit event (`request_record`) with the state, due date and
statutory basis the table gives, stores the documents sent with it, and emails a confirmed
requester after commit. What a step adds of its own (a date received, exemptions, the law it
changes to) is a small function below, named in `_OWN`. The named services (`request_answer`,
…) are in `named`.

The rules (POLICY.md §3, §5; deadlines in `insource.transparency.deadlines`):
- A clarification stops nothing: the request waits for it (no due date), and when it arrives a
  fresh 20 working days run from the day after its receipt (FOIA s.10(6)(b), EIR reg 9(4),
  FOISA s.10(1)(b)).
- Changing the law recomputes the due date from the clock's start with the new calendar; not
  after an extension or a response.
- Advice and assistance (FOIA s.16 and equivalents) sets the request's advice flag.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from insource.core.audit import Actor
from insource.core.dates import long_date
from insource.transparency.models import EventKind, InformationRequest, Regime, RequestState
from insource.transparency.requests.law import basis, commissioner_for
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    hide_identity,
    notify,
    party_of,
    request_record,
    response_due,
    step_check,
)
from insource.transparency.requests.services.documents import (
    AttachmentUpload,
    attach,
    with_files,
)
from insource.transparency.requests.services.responses import (
    check_exemptions,
    first_response,
    refusal_basis,
)
from insource.transparency.requests.workflow import STEPS, Step

S = RequestState


def request_step(
    *, request: InformationRequest, action: str, data: dict | None = None, by: Actor, at: datetime
):
    """Take the step `action` of the table on the request, with the form's `data` (the fields
    the step reads: `public_text`, `private_note`, `received_on`, `in_full`, `exemptions`,
    `public_interest`, `uploads`, `commissioner_reference`, `regime`, `reason`, `title`, `file`,
    `is_public`). Returns the event; raises `RequestActionRefused` saying why not."""
    step = STEPS[action]
    if step.service != "request_step":
        raise ValueError(f"the step {action!r} is taken by {step.service}")
    data = dict(data or {})
    uploads = _uploads(action, data)
    return with_files(uploads, lambda stored: _take(step, request, data, stored, by=by, at=at))


def _uploads(action: str, data: dict) -> list:
    if action == "attach":
        upload = AttachmentUpload(
            data.get("title") or "", data.get("file"), data.get("is_public", True)
        )
        return [upload]
    return list(data.get("uploads") or ())


def _take(step: Step, request, data: dict, stored, *, by: Actor, at: datetime):
    with transaction.atomic():
        if step.action == "regime":
            _regime_chosen(request, data.get("regime") or "")
        step_check(request, step.action, by=by, at=at)
        text = _required(step, request, data)
        record = {"public_text": text} if step.requires == "public_text" else {}
        if step.to not in (None, "response"):
            record["state"] = step.to
        if step.due == "none":
            record["due"] = None
        if step.basis:
            record["statutory_basis"] = basis(step.basis, request.regime)
        if step.first_response:
            record["fields"] = first_response(request, at)
        own = _OWN.get(step.action)
        if own is not None:
            record |= own(request, data, text=text, stored=stored, by=by, at=at)
        event = request_record(request, kind=record.pop("kind", step.kind), by=by, at=at, **record)
        attach(request, event, stored, by=by, at=at)
        if step.notify:
            notify(request, event, step.notify)
        return event


def _required(step: Step, request, data: dict) -> str:
    """The step's required field, stripped; its default when empty, or the refusal."""
    value = (data.get(step.requires) or "").strip()
    if value:
        return value
    if step.missing:
        raise RequestActionRefused(step.missing)
    return _DEFAULTS[step.action](request)


_DEFAULTS = {
    "acknowledge": lambda request: (
        "We have received your request."
        + (f" We will respond by {long_date(request.due_on)}." if request.due_on else "")
    ),
    "withdraw": lambda request: "The requester withdrew this request.",
    "refer": lambda request: (
        f"The requester referred this request to {commissioner_for(request.regime).name}."
    ),
}


# What a step adds of its own: more record arguments, or a refusal --------------------------


def _acknowledge(request, data, **_) -> dict:
    if request.events.filter(kind=EventKind.ACKNOWLEDGED).exists():
        raise RequestActionRefused("This request has already been acknowledged")
    return {}


def _requester_text(request, text: str) -> str:
    """The requester's own words, without their name or email (hidden before publishing)."""
    hidden, _count, _found = hide_identity(
        text, name=request.requester_name, email=request.requester_email
    )
    return hidden


def _clarification(request, data, *, text: str, at: datetime, **_) -> dict:
    text = _requester_text(request, text)
    received = data.get("received_on") or day_of(at)
    if received > day_of(at):
        raise RequestActionRefused(
            "The date the clarification was received cannot be in the future"
        )
    return {
        "public_text": text,
        "due": response_due(received, request.regime),
        "fields": {"clock_started_on": received},
        "details": {"received_on": received.isoformat()},
    }


def _answer(request, data, *, stored, **_) -> dict:
    in_full = bool(data.get("in_full"))
    public_interest = data.get("public_interest") or ""
    codes = check_exemptions(
        request, data.get("exemptions") or (), public_interest, required=not in_full
    )
    return {
        "kind": EventKind.ANSWERED_FULL if in_full else EventKind.ANSWERED_PART,
        "state": S.ANSWERED_FULL if in_full else S.ANSWERED_PART,
        "exemptions": codes,
        "public_interest": public_interest.strip(),
        "statutory_basis": refusal_basis(request, codes) if codes else "",
        "details": {"num_documents": len(stored)},
    }


def _withdraw(request, data, *, text: str, by: Actor, **_) -> dict:
    if party_of(by) == "requester":
        return {"public_text": _requester_text(request, text)}
    return {}


def _refer(request, data, **_) -> dict:
    commissioner = commissioner_for(request.regime)
    reference = (data.get("commissioner_reference") or "").strip()
    return {
        "statutory_basis": commissioner.basis,
        "details": {"commissioner": commissioner.name, "reference": reference},
    }


def _regime_chosen(request, regime: str) -> None:
    if regime not in Regime.values:
        raise RequestActionRefused("Choose the law the request is handled under")
    if regime == request.regime:
        raise RequestActionRefused("The request is already handled under that law")


def _regime(request, data, *, text: str, **_) -> dict:
    regime = data["regime"]
    due = request.due_on
    if request.clock_started_on is not None and request.state != S.CLARIFICATION_REQUESTED:
        due = response_due(request.clock_started_on, regime)
    return {
        "due": due,
        "fields": {"regime": regime},
        "public_text": f"This request is handled under the {Regime(regime).label}.",
        "private_note": text,
        "details": {"from": request.regime, "to": regime},
    }


def _advice(request, data, **_) -> dict:
    return {"fields": {"has_advice": True}}


def _clarify(request, data, **_) -> dict:
    return {"private_note": data.get("private_note") or ""}


def _attach(request, data, *, text: str, **_) -> dict:
    public = data.get("is_public", True)
    return {
        "public_text": f"Document added: {text}" if public else "",
        "is_public": public,
        "details": {"title": text, "is_public": public},
    }


_OWN = {
    "acknowledge": _acknowledge,
    "clarify": _clarify,
    "clarification": _clarification,
    "answer": _answer,
    "withdraw": _withdraw,
    "refer": _refer,
    "advice": _advice,
    "regime": _regime,
    "attach": _attach,
}
