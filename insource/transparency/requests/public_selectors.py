"""Public read-only queries over information requests: published requests only, as explicit
field lists or dataclasses, never the requester's name, email address or address hash; and the
lookups behind the requester's confirmation and private links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from insource.authorities.models import Authority
from insource.authorities.selectors import authority_by_public_slug
from insource.register.models import Contract
from insource.reviews.selectors.reviews import publication_get_public
from insource.transparency.models import InformationRequest, RequestAttachment, RequestState
from insource.transparency.requests.law import commissioner_for, regime_for
from insource.transparency.requests.selectors import overdue_q
from insource.transparency.requests.tokens import private_token_valid, token_hash

S = RequestState
PUBLIC_FIELDS = (
    "reference",
    "public_title",
    "state",
    "regime",
    "received_on",
    "due_on",
    "submitted_at",
    "last_event_at",
    "authority__name",
    "authority__nice_name",
    "contract_id",
    "contract__title",
    "decision_id",
)


def requests_public(
    *, on: date, authority: Authority | None = None, state: str = "", overdue: str = ""
) -> QuerySet:
    """Published requests as dicts of PUBLIC_FIELDS, latest activity first. `state` filters
    by stored state; `overdue` is `overdue` (any) or `very-overdue`."""
    rows = InformationRequest.objects.filter(is_published=True)
    if authority is not None:
        rows = rows.filter(authority=authority)
    if state in S.values:
        rows = rows.filter(state=state)
    if overdue in ("overdue", "very-overdue"):
        rows = rows.filter(overdue_q(on, very=overdue == "very-overdue"))
    return rows.order_by("-last_event_at", "-id").values(*PUBLIC_FIELDS)


@dataclass(frozen=True)
class PublicEvent:
    kind: str
    label: str
    at: object
    party: str
    public_text: str
    exemptions: list
    public_interest: str
    statutory_basis: str
    due_on_after: date | None
    attachments: list = field(default_factory=list)


@dataclass(frozen=True)
class PublicAttachment:
    pk: int
    title: str
    original_name: str
    content_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class PublicRequest:
    """What the public page of a request shows: never who made it."""

    reference: str
    title: str
    text: str
    state: str
    regime: str
    regime_label: str
    authority: Authority
    contract_id: int | None
    contract_title: str
    decision_id: int | None
    submitted_at: object
    received_on: date | None
    due_on: date | None
    is_scottish: bool
    events: list
    commissioner: object


def _public_attachments(request: InformationRequest) -> dict[int | None, list]:
    found: dict[int | None, list] = {}
    for a in request.attachments.filter(is_public=True).order_by("added_at", "id"):
        found.setdefault(a.event_id, []).append(
            PublicAttachment(a.pk, a.title, a.original_name, a.content_type, a.size, a.sha256)
        )
    return found


def _public_events(request: InformationRequest) -> list[PublicEvent]:
    attachments = _public_attachments(request)
    return [
        PublicEvent(
            e.kind,
            e.get_kind_display(),
            e.at,
            e.party,
            e.public_text,
            list(e.exemptions),
            e.public_interest,
            e.statutory_basis,
            e.due_on_after,
            attachments.get(e.pk, []),
        )
        for e in request.events.filter(is_public=True).order_by("at", "id")
    ]


def request_public_get(reference: str) -> PublicRequest | None:
    """One published request with its public events and documents, or None."""
    request = (
        InformationRequest.objects.filter(reference=reference, is_published=True)
        .select_related("authority", "contract")
        .first()
    )
    if request is None:
        return None
    return PublicRequest(
        reference=request.reference,
        title=request.public_title,
        text=request.public_text,
        state=request.state,
        regime=request.regime,
        regime_label=request.get_regime_display(),
        authority=request.authority,
        contract_id=request.contract_id,
        contract_title=request.contract.title if request.contract_id else "",
        decision_id=request.decision_id,
        submitted_at=request.submitted_at,
        received_on=request.received_on,
        due_on=request.due_on,
        is_scottish=request.is_scottish,
        events=_public_events(request),
        commissioner=commissioner_for(request.regime),
    )


def attachment_public_get(reference: str, pk: int) -> RequestAttachment | None:
    """A public document of a published request."""
    return RequestAttachment.objects.filter(
        pk=pk, is_public=True, request__reference=reference, request__is_published=True
    ).first()


def request_by_token(token: str) -> InformationRequest | None:
    """The request a confirmation link names (None if the token is not known)."""
    if not token or len(token) > 100:
        return None
    rows = InformationRequest.objects.select_related("authority")
    return rows.filter(token_hash=token_hash(token)).first()


def request_private_get(reference: str, token: str) -> InformationRequest | None:
    """The request behind a requester's private link (None unless the token is right)."""
    found = InformationRequest.objects.select_related("authority").filter(reference=reference)
    request = found.first()
    if request is None or not private_token_valid(request, token):
        return None
    return request


@dataclass(frozen=True)
class RequestTarget:
    """What a new request is about: an authority, and maybe a contract or a published
    decision; `regime` is the law it would be handled under."""

    authority: Authority
    contract: object = None
    decision: object = None
    regime: str = "foia"


def request_target(*, contract: str = "", decision: str = "", authority: str = ""):
    """The target named by the form's query string, or None when it names nothing public."""
    found = None
    if decision.isdigit():
        publication = publication_get_public(int(decision))
        if publication is not None:
            d = publication.decision
            found = RequestTarget(d.authority, d.contract, d)
    elif contract.isdigit():
        c = Contract.objects.select_related("reviewing_authority").filter(pk=int(contract)).first()
        if c is not None:
            found = RequestTarget(c.reviewing_authority, c)
    elif authority:
        a = authority_by_public_slug(authority[:120])
        found = RequestTarget(a) if a is not None else None
    if found is None:
        return None
    cpv = list(found.contract.cpv_codes or []) + [found.contract.main_cpv] if found.contract else []
    regime = regime_for(nation=found.authority.nation, cpv_codes=cpv)
    return RequestTarget(found.authority, found.contract, found.decision, regime)
