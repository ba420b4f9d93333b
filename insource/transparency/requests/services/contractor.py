"""The contractor's information (FOIA s.3(2)(b); MS6; issue 19, ADR 0039): forwarding the part of
a request that concerns information a contractor holds for the council, and recording its reply
or its failure to reply. Both are rows of the workflow table (`forward`, `contractor-reply`) and
check the row's gate first; each records one history event and one audit event
(`request_record`). A reply after the contractor's due date, or none, is late: for a contract a
decision keeps outsourced it is an MS6 finding handed to the standards (their service), which
raises its alert. The daily run that flags and reminds is `contractor_reminders`."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from insource.core.audit import Actor
from insource.core.dates import long_date
from insource.standards.monitoring.services import monitoring_finding_record
from insource.transparency.models import ContractorOutcome, ContractorRequest, EventKind
from insource.transparency.requests.contractors import clock
from insource.transparency.requests.services import emails
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    request_record,
    require_text,
    step_check,
)
from insource.transparency.requests.services.documents import attach, with_files

FORWARDED = (
    "Part of this request concerns information that the contractor holds for the council "
    "(Freedom of Information Act 2000 s.3(2)(b)). We have asked the contractor for it."
)


def _contract_of(request):
    contract = request.contract or (request.decision.contract if request.decision_id else None)
    if contract is None:
        raise RequestActionRefused(
            "This request is not about a contract, so there is no contractor to forward it to"
        )
    return contract


def _supplier_of(contract, supplier):
    suppliers = list(contract.suppliers.all())
    if supplier in (None, ""):
        if len(suppliers) > 1:
            raise RequestActionRefused("Choose the contractor that holds the information")
        return suppliers[0] if suppliers else None
    chosen = next((s for s in suppliers if str(s.pk) == str(supplier)), None)
    if chosen is None:
        raise RequestActionRefused("Choose one of the contract's suppliers")
    return chosen


def _email(address: str) -> str:
    address = require_text(address, "Enter the contractor's email address")
    try:
        validate_email(address)
    except ValidationError:
        raise RequestActionRefused(
            "Enter the contractor's email address in the correct format, like name@example.com"
        ) from None
    return address


def request_forward(
    *, request, asked: str, contractor_email: str, supplier=None, public_text: str = "", by, at
):
    """Forward the part of the request the contractor holds to it, on its contractual clock."""
    with transaction.atomic():
        step_check(request, "forward", by=by, at=at)
        contract = _contract_of(request)
        asked = require_text(asked, "Say what the contractor must provide")
        address = _email(contractor_email)
        chosen = _supplier_of(contract, supplier)
        day = day_of(at)
        forward = ContractorRequest.objects.create(
            request=request,
            contract=contract,
            supplier=chosen,
            authority=request.authority,
            contractor_email=address,
            asked=asked,
            forwarded_on=day,
            forwarded_at=at,
            forwarded_by_label=by.label,
            due_on=clock.contractor_due(day, request.regime),
        )
        event = request_record(
            request,
            kind=EventKind.CONTRACTOR_ASKED,
            by=by,
            at=at,
            public_text=(public_text or "").strip() or FORWARDED,
            private_note=asked,
            details=_details(forward),
        )
        transaction.on_commit(lambda: emails.email_contractor(forward, "asked"))
        return event


def _details(forward: ContractorRequest) -> dict:
    return {
        "contractor_request": forward.pk,
        "contract": forward.contract_id,
        "supplier": forward.supplier_id,
        "due_on": forward.due_on.isoformat(),
        "outcome": forward.outcome,
    }


def _awaiting(request) -> ContractorRequest:
    forward = (
        ContractorRequest.objects.select_for_update()
        .filter(request=request, outcome=ContractorOutcome.AWAITING)
        .order_by("forwarded_at", "id")
        .first()
    )
    if forward is None:
        raise RequestActionRefused("No part of this request is waiting for the contractor")
    return forward


def _received(forward, received_on: date | None, today: date) -> date:
    received = received_on or today
    if received > today:
        raise RequestActionRefused("The date the reply was received must be today or in the past")
    if received < forward.forwarded_on:
        raise RequestActionRefused(
            f"The date the reply was received must be on or after "
            f"{long_date(forward.forwarded_on)}, when the request was forwarded"
        )
    return received


def request_contractor_reply(
    *, request, outcome: str, reply: str = "", received_on=None, uploads=(), by, at
):
    """Record the contractor's reply (with its documents, not published) or that none came."""
    return with_files(
        list(uploads or ()),
        lambda stored: _reply(request, outcome, reply, received_on, stored, by=by, at=at),
    )


def _reply(request, outcome, reply, received_on, stored, *, by, at):
    with transaction.atomic():
        step_check(request, "contractor-reply", by=by, at=at)
        if outcome not in (ContractorOutcome.REPLIED, ContractorOutcome.NO_REPLY):
            raise RequestActionRefused("Choose whether the contractor replied")
        forward, today = _awaiting(request), day_of(at)
        if outcome == ContractorOutcome.REPLIED:
            reply = require_text(reply, "Enter the contractor's reply")
            forward.replied_on = _received(forward, received_on, today)
        forward.outcome, forward.reply = outcome, (reply or "").strip()
        forward.is_late = forward.is_late or clock.is_late(clock.status_of(forward, today))
        forward.save()
        event = request_record(
            request,
            kind=EventKind.CONTRACTOR_REPLIED,
            by=by,
            at=at,
            public_text=_reply_text(forward),
            private_note=forward.reply,
            details=_details(forward) | {"is_late": forward.is_late},
        )
        attach(request, event, stored, by=by, at=at)
        if forward.is_late:
            contractor_breach_record(forward, on=today, by=by, at=at)
        return event


def _reply_text(forward: ContractorRequest) -> str:
    if forward.outcome == ContractorOutcome.NO_REPLY:
        return "The contractor did not supply the information it holds for the council."
    text = f"The contractor replied on {long_date(forward.replied_on)}"
    if forward.replied_on > forward.due_on:
        return text + f", after its due date of {long_date(forward.due_on)}."
    return text + "."


def contractor_breach_record(forward: ContractorRequest, *, on: date, by: Actor, at: datetime):
    """The contractor missed its deadline: an MS6 finding, once, for a contract a decision keeps
    outsourced (the standards raise its alert); nothing is monitored otherwise."""
    if forward.breach_recorded:
        return None
    evidence = (
        f"The contractor did not supply information it holds for the council within "
        f"{clock.working_days_allowed(forward.forwarded_on)} working days: information request "
        f"{forward.request.reference}, due {long_date(forward.due_on)}"
        + (f", replied {long_date(forward.replied_on)}" if forward.replied_on else "")
    )
    record = monitoring_finding_record(
        authority=forward.authority,
        contract=forward.contract,
        standard="MS6",
        evidence=evidence,
        on=on,
        by=by,
        at=at,
    )
    if record is not None:
        forward.breach_recorded = True
        forward.save(update_fields=["breach_recorded"])
    return record
