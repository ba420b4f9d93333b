"""The named services of the workflow table's steps: one-line wrappers of `request_step`, kept
because the officers' and the requester's pages, the demo and the tests call them by name with
their keyword arguments. The rules are the table's (`..workflow.STEPS`) and `steps`'."""

from __future__ import annotations

from datetime import date, datetime

from insource.core.audit import Actor
from insource.transparency.models import InformationRequest
from insource.transparency.requests.services.documents import AttachmentUpload
from insource.transparency.requests.services.steps import request_step


def request_acknowledge(
    *, request: InformationRequest, public_text: str = "", by: Actor, at: datetime
):
    """Acknowledge receipt (once), telling the requester the due date."""
    data = {"public_text": public_text}
    return request_step(request=request, action="acknowledge", data=data, by=by, at=at)


def request_clarification_ask(
    *, request: InformationRequest, public_text: str, by: Actor, at: datetime, private_note=""
):
    """Ask the requester what they mean: the request then waits for their answer."""
    data = {"public_text": public_text, "private_note": private_note}
    return request_step(request=request, action="clarify", data=data, by=by, at=at)


def request_clarification_received(
    *,
    request: InformationRequest,
    public_text: str,
    by: Actor,
    at: datetime,
    received_on: date | None = None,
):
    """Record the clarification: a fresh 20 working days from the day after its receipt."""
    data = {"public_text": public_text, "received_on": received_on}
    return request_step(request=request, action="clarification", data=data, by=by, at=at)


def request_answer(
    *,
    request: InformationRequest,
    in_full: bool,
    public_text: str,
    by: Actor,
    at: datetime,
    exemptions=(),
    public_interest: str = "",
    uploads=(),
):
    """Answer in full, or in part (naming what is withheld, under which exemptions)."""
    data = {
        "in_full": in_full,
        "public_text": public_text,
        "exemptions": exemptions,
        "public_interest": public_interest,
        "uploads": uploads,
    }
    return request_step(request=request, action="answer", data=data, by=by, at=at)


def request_not_held(*, request: InformationRequest, public_text: str, by: Actor, at: datetime):
    """The authority does not hold the information (say who might)."""
    data = {"public_text": public_text}
    return request_step(request=request, action="not-held", data=data, by=by, at=at)


def request_withdraw(
    *, request: InformationRequest, by: Actor, at: datetime, public_text: str = ""
):
    """Withdraw the request (the requester through their private link, or an officer
    recording that they did)."""
    data = {"public_text": public_text}
    return request_step(request=request, action="withdraw", data=data, by=by, at=at)


def request_refer(
    *,
    request: InformationRequest,
    by: Actor,
    at: datetime,
    public_text: str = "",
    commissioner_reference: str = "",
):
    """Record that the requester took the request to the Commissioner (ICO, or the Scottish
    Information Commissioner for FOISA and EISR)."""
    data = {"public_text": public_text, "commissioner_reference": commissioner_reference}
    return request_step(request=request, action="refer", data=data, by=by, at=at)


def request_advice_record(
    *, request: InformationRequest, public_text: str, by: Actor, at: datetime
):
    """Record advice and assistance given to the requester (FOIA s.16 and equivalents)."""
    data = {"public_text": public_text}
    return request_step(request=request, action="advice", data=data, by=by, at=at)


def request_regime_change(
    *, request: InformationRequest, regime: str, reason: str, by: Actor, at: datetime
):
    """Handle the request under another law (e.g. EIR for environmental information)."""
    data = {"regime": regime, "reason": reason}
    return request_step(request=request, action="regime", data=data, by=by, at=at)


def request_attachment_add(
    *, request: InformationRequest, upload: AttachmentUpload, by: Actor, at: datetime
):
    """Add a document to the request (published when `upload.is_public`)."""
    data = {"title": upload.title, "file": upload.file, "is_public": upload.is_public}
    return request_step(request=request, action="attach", data=data, by=by, at=at)
