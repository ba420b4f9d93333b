"""Refusing (the step of the workflow table with rules of its own), and what every response
shares: the exemptions checked, the refusal's statutory basis, the first response recorded.
Answering and 'not held' are steps of the table (`steps`).

Refusals record the exemptions, the public interest reasons (required when any exemption is
qualified, and for the EIR's 'manifestly unreasonable') and the statutory basis, including the
refusal notice's section. Vexatious or repeated requests (s.14) and the cost limit (s.12:
£450, £600 for central government and under FOISA) are refusals with their flag and basis.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction

from insource.core.audit import Actor
from insource.transparency.models import EventKind, InformationRequest, RequestState
from insource.transparency.requests.law import (
    basis,
    cost_limit_gbp,
    exemptions_of,
    needs_public_interest,
)
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    notify,
    request_record,
    require_text,
    step_check,
)

S = RequestState
GROUNDS = ("exemption", "vexatious", "repeated", "cost-limit")


def first_response(request: InformationRequest, at: datetime) -> dict:
    if request.first_response_on is not None:
        return {}
    on = day_of(at)
    late = request.due_on is not None and on > request.due_on
    return {"first_response_on": on, "is_first_response_late": late}


def check_exemptions(request, exemptions, public_interest: str, *, required: bool) -> list:
    known = exemptions_of(request.regime)
    codes = list(dict.fromkeys(exemptions or ()))
    if any(c not in known for c in codes):
        raise RequestActionRefused("Choose the exemptions from the list for this law")
    if required and not codes:
        raise RequestActionRefused("Choose the exemption the information is withheld under")
    if needs_public_interest(request.regime, codes) and not public_interest.strip():
        raise RequestActionRefused(
            "Give the public interest reasons: a qualified exemption needs the public interest test"
        )
    return codes


def refusal_basis(request, codes) -> str:
    known = exemptions_of(request.regime)
    parts = [known[c].label for c in codes] + [basis("refusal-notice", request.regime)]
    return "; ".join(p for p in parts if p)


def _ground_fields(request, ground: str, estimate, public_interest: str) -> tuple[dict, dict]:
    """The flag and details of a refusal for vexatious, repeated or cost-limit reasons."""
    eir = request.regime in ("eir", "eisr")
    if eir and not public_interest.strip():
        raise RequestActionRefused(
            "Give the public interest reasons: under the EIR a manifestly unreasonable request "
            "needs the public interest test"
        )
    if ground == "vexatious":
        return {"is_vexatious": True}, {}
    if ground == "repeated":
        return {"is_repeated": True}, {}
    if estimate is None or Decimal(estimate) <= 0:
        raise RequestActionRefused("Enter the estimated cost of complying, in pounds")
    limit = cost_limit_gbp(request.regime, request.authority.procurement_category)
    if limit is not None and Decimal(estimate) <= limit:
        raise RequestActionRefused(
            f"The estimate (£{Decimal(estimate):,.2f}) is within the appropriate limit of "
            f"£{limit:,.0f}: the request cannot be refused on cost"
        )
    details = {"cost_estimate_gbp": f"{Decimal(estimate):.2f}"}
    details["cost_limit_gbp"] = f"{limit:.2f}" if limit is not None else None
    return {"exceeds_cost_limit": True}, details


@transaction.atomic
def request_refuse(
    *,
    request: InformationRequest,
    ground: str,
    public_text: str,
    by: Actor,
    at: datetime,
    exemptions=(),
    public_interest: str = "",
    cost_estimate_gbp: Decimal | None = None,
):
    """Refuse, with a refusal notice: under exemptions, as vexatious or repeated, or on cost."""
    step_check(request, "refuse", by=by, at=at)
    if ground not in GROUNDS:
        raise RequestActionRefused("Choose why the request is refused")
    text = require_text(public_text, "Enter the refusal notice to publish")
    fields, details = {}, {"ground": ground}
    if ground == "exemption":
        codes = check_exemptions(request, exemptions, public_interest, required=True)
        statutory = refusal_basis(request, codes)
    else:
        codes = []
        flag, extra = _ground_fields(request, ground, cost_estimate_gbp, public_interest)
        fields, details = flag, details | extra
        statutory = "; ".join(
            [basis(ground, request.regime), basis("refusal-notice", request.regime)]
        )
    event = request_record(
        request,
        kind=EventKind.REFUSED,
        by=by,
        at=at,
        state=S.REFUSED,
        due=None,
        fields=fields | first_response(request, at),
        public_text=text,
        exemptions=codes,
        public_interest=public_interest.strip(),
        statutory_basis=statutory,
        details=details,
    )
    notify(request, event, "answered")
    return event
