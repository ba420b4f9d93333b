"""Making an information request (spam guard in `spam`) and confirming the email address."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from insource.core.audit import Actor
from insource.transparency.models import (
    EventKind,
    InformationRequest,
    Redaction,
    RedactionTarget,
    RequestState,
)
from insource.transparency.requests.law import regime_for
from insource.transparency.requests.public_selectors import request_by_token
from insource.transparency.requests.services import emails
from insource.transparency.requests.services.core import (
    REQUESTER,
    RequestActionRefused,
    day_of,
    hide_identity,
    request_record,
    response_due,
)
from insource.transparency.requests.services.spam import check_rate, check_spam, ip_hash
from insource.transparency.requests.tokens import token_hash

LIMITS = {"name": 200, "email": 254, "title": 200, "text": 20_000}
NAMES = {
    "name": "Your name",
    "email": "Your email address",
    "title": "The title",
    "text": "Your request",
}


class RequestInvalid(Exception):
    """Fields to correct: `errors` maps a field name to its message (GOV.UK style)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Submitted:
    request: InformationRequest
    token: str  # the secret of the confirmation and private links; only its hash is stored


def _clean(*, name: str, email: str, title: str, text: str) -> dict[str, str]:
    values = {
        "name": (name or "").strip(),
        "email": (email or "").strip().lower(),
        "title": re.sub(r"\s+", " ", title or "").strip(),
        "text": (text or "").strip(),
    }
    errors = {}
    missing = {
        "name": "Enter your name",
        "email": "Enter your email address",
        "title": "Enter a short title for your request",
        "text": "Enter the information you are asking for",
    }
    for field, message in missing.items():
        if not values[field]:
            errors[field] = message
        elif len(values[field]) > LIMITS[field]:
            errors[field] = f"{NAMES[field]} must be {LIMITS[field]} characters or fewer"
    if "email" not in errors:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
    if errors:
        raise RequestInvalid(errors)
    return values


def _redact_identity(request: InformationRequest, *, at: datetime, by_label: str) -> None:
    """Replace the requester's name and email in the public title and text, recording each."""
    targets = ((RedactionTarget.TITLE, "public_title"), (RedactionTarget.TEXT, "public_text"))
    for target, field in targets:
        text, count, found = hide_identity(
            getattr(request, field), name=request.requester_name, email=request.requester_email
        )
        if not count:
            continue
        setattr(request, field, text)
        Redaction.objects.create(
            request=request,
            target=target,
            what="The requester's name or email address",
            why="The requester's identity is never published",
            removed_sha256=hashlib.sha256("\n".join(found).encode()).hexdigest(),
            num_replaced=count,
            by_label=by_label,
            at=at,
        )


def _target_regime(authority, contract, decision) -> str:
    if decision is not None and contract is None:
        contract = decision.contract
    cpv = []
    if contract is not None:
        cpv = list(contract.cpv_codes or []) + [contract.main_cpv]
    return regime_for(nation=authority.nation, cpv_codes=cpv)


def request_submit(
    *,
    authority,
    title: str,
    text: str,
    name: str,
    email: str,
    honeypot: str,
    form_token: str,
    ip: str,
    at: datetime,
    contract=None,
    decision=None,
    by: Actor = REQUESTER,
) -> Submitted:
    """Make a request (awaiting confirmation of the email address). When the portal is the
    authority's own, it is received now and its clock starts; the confirmation link goes by
    email after commit. Raises `RequestInvalid` (fields first, so a person sees what to fix),
    then `SubmissionRefused` (spam guard, rate limit), storing nothing."""
    values = _clean(name=name, email=email, title=title, text=text)
    check_spam(honeypot=honeypot, form_token=form_token, at=at)
    digest = ip_hash(ip) if ip else ""
    with transaction.atomic():
        check_rate(email=values["email"], ip_digest=digest, at=at)
        token = secrets.token_urlsafe(32)
        request = _create(authority, contract, decision, values, digest, token, at)
        request_record(request, kind=EventKind.SUBMITTED, by=by, at=at, details={"own": _own()})
        transaction.on_commit(lambda: emails.email_confirmation(request, token))
    return Submitted(request=request, token=token)


def _own() -> bool:
    return bool(settings.INSOURCE_PORTAL_IS_AUTHORITY_OWN)


def _create(authority, contract, decision, values, digest, token, at) -> InformationRequest:
    regime = _target_regime(authority, contract, decision)
    received = day_of(at) if _own() else None
    request = InformationRequest(
        reference=f"tmp-{token_hash(token)[:16]}",
        authority=authority,
        contract=contract,
        decision=decision,
        title=values["title"],
        text=values["text"],
        public_title=values["title"],
        public_text=values["text"],
        regime=regime,
        state=RequestState.AWAITING_CONFIRMATION,
        requester_name=values["name"],
        requester_email=values["email"],
        ip_hash=digest,
        token_hash=token_hash(token),
        submitted_at=at,
        received_on=received,
        clock_started_on=received,
        due_on=response_due(received, regime) if received else None,
        last_event_at=at,
    )
    request.save()
    request.reference = f"IR-{day_of(at).year}-{request.pk:06d}"
    _redact_identity(request, at=at, by_label="system:request_submit")
    request.save(update_fields=["reference", "public_title", "public_text"])
    return request


@transaction.atomic
def request_confirm(*, token: str, at: datetime, by: Actor = REQUESTER) -> InformationRequest:
    """Confirm the email address and publish the request; idempotent (a second click changes
    nothing). When the portal is not the authority's own, the request is received now."""
    request = request_by_token(token)
    if request is None:
        raise RequestActionRefused(
            "This link is not valid. Check that you copied the whole link from the email"
        )
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if request.confirmed_at is not None:
        return request
    fields = {"confirmed_at": at, "is_published": True}
    if request.received_on is None:
        received = day_of(at)
        fields |= {"received_on": received, "clock_started_on": received}
        fields["due_on"] = response_due(received, request.regime)
    state = None
    if request.state == RequestState.AWAITING_CONFIRMATION:
        state = RequestState.AWAITING_RESPONSE
    request_record(request, kind=EventKind.CONFIRMED, by=by, at=at, state=state, fields=fields)
    return request
