"""What every request service shares: the refusal error, the table's gate (`step_check`), the
clock, the email after commit (`notify`), and `request_record` — one history event and one
audit event, in the caller's transaction.

Time is an argument: services take `at` (an aware datetime) and derive the Europe/London date
with `received_on_of`; nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.db import transaction

from insource.core import privacy
from insource.core.audit import Actor, audit_record
from insource.transparency.deadlines import due_on, limits, received_on_of
from insource.transparency.models import (
    REDACTED,
    InformationRequest,
    Party,
    Redaction,
    RedactionTarget,
    RequestEvent,
    RequestState,
)
from insource.transparency.requests.services import emails
from insource.transparency.requests.workflow import step_refusal
from insource.transparency.signals import request_answered

S = RequestState
# The steps that respond to a request (what `signals.request_answered` announces).
RESPONSE_KINDS = frozenset({"answered-full", "answered-part", "not-held", "refused"})
REQUESTER = Actor(label="requester")

_KEEP = object()


class RequestActionRefused(Exception):
    """The action is not allowed on this request now; `str(error)` says why and what to do."""


def party_of(by: Actor) -> str:
    if by == REQUESTER:
        return Party.REQUESTER
    return Party.SYSTEM if by.label.startswith("system:") else Party.AUTHORITY


def step_check(request: InformationRequest, action: str, *, by: Actor, at: datetime) -> None:
    """Refuse unless the table lets `by` take the step `action` on the request now (who, the
    state, the clock: `workflow.step_refusal`)."""
    refusal = step_refusal(request, action, party=party_of(by), on=day_of(at))
    if refusal is not None:
        raise RequestActionRefused(refusal)


def notify(request: InformationRequest, event, template: str) -> None:
    """Email a confirmed requester about the step, after commit."""
    if request.confirmed_at is not None:
        transaction.on_commit(lambda: emails.email_requester(request, event, template))


def response_due(started_on: date, regime: str) -> date:
    """The response due date: the 20th working day after `started_on` (the regime's calendar)."""
    return due_on(started_on, regime=regime, working_days=limits(regime)["response"])


def day_of(at: datetime) -> date:
    return received_on_of(at)


def require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise RequestActionRefused(message)
    return value


def hide_identity(text: str, *, name: str, email: str) -> tuple[str, int, list[str]]:
    """The text with the requester's name and email address replaced (whole words, any case),
    how many replacements, and which of the two occurred: the requester's identity is never
    published."""
    return privacy.hide_identity(text, name=name, email=email, replacement=REDACTED)


def _without_identity(request: InformationRequest, text: str) -> tuple[str, tuple[int, list]]:
    """Any event's public text, whoever wrote it (an officer's answer may greet the requester by
    name), without the requester's name or email; and what was hidden."""
    text, count, found = hide_identity(
        text or "", name=request.requester_name, email=request.requester_email
    )
    return text, ((count, found) if count else ())


def _record_hidden(request, event, hidden, *, by: Actor, at: datetime) -> None:
    count, found = hidden
    Redaction.objects.create(
        request=request,
        target=RedactionTarget.EVENT,
        event=event,
        what="The requester's name or email address",
        why="The requester's identity is never published",
        removed_sha256=hashlib.sha256("\n".join(found).encode()).hexdigest(),
        num_replaced=count,
        by_label=by.label,
        at=at,
    )


def _snapshot(request: InformationRequest) -> dict:
    return {
        "state": request.state,
        "due_on": request.due_on.isoformat() if request.due_on else None,
        "regime": request.regime,
    }


def request_record(
    request: InformationRequest,
    *,
    kind: str,
    by: Actor,
    at: datetime,
    state: str | None = None,
    due=_KEEP,
    fields: dict | None = None,
    public_text: str = "",
    private_note: str = "",
    exemptions=(),
    public_interest: str = "",
    statutory_basis: str = "",
    is_public: bool = True,
    details: dict | None = None,
) -> RequestEvent:
    """Apply a step to the request (new state, due date, other fields), append its event and
    record one audit event. Call inside the service's transaction."""
    before = _snapshot(request)
    changes = dict(fields or {})
    if state is not None:
        changes["state"] = state
    if due is not _KEEP:
        changes["due_on"] = due
    changes["last_event_at"] = at
    for name, value in changes.items():
        setattr(request, name, value)
    request.save(update_fields=list(changes))
    public_text, hidden = _without_identity(request, public_text)
    event = RequestEvent.objects.create(
        request=request,
        kind=kind,
        at=at,
        party=party_of(by),
        by_label=by.label,
        public_text=public_text,
        private_note=private_note,
        exemptions=list(exemptions),
        public_interest=public_interest,
        statutory_basis=statutory_basis,
        state_after=request.state,
        due_on_after=request.due_on,
        is_public=is_public,
        details=details or {},
    )
    if hidden:
        _record_hidden(request, event, hidden, by=by, at=at)
    after = _snapshot(request) | {"event": event.pk, "kind": kind}
    if details:
        after["details"] = details
    audit_record(
        by=by,
        at=at,
        action=f"transparency.request_{kind.replace('-', '_')}",
        obj=request,
        authority=request.authority,
        before=before,
        after=after,
        reason=private_note[:500],
    )
    if kind in RESPONSE_KINDS:
        request_answered.send(sender=InformationRequest, request=request, event=event, at=at)
    return event
