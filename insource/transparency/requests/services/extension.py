"""Extending the time for a response: the step of the workflow table with rules of its own.

Extension, once, claimed on or before the due date in force (POLICY.md §3, §5; deadlines in
`insource.transparency.deadlines`): FOIA public interest — n more working days (1 to 20, default
20) counted after the due date in force, naming the qualified exemption whose public interest
test needs the time (s.10(3), s.17(2)); EIR/EISR complex and voluminous — 40 working days in
total from the clock's start (EIR reg 7(1)). Refused under FOISA and for a public-interest
extension under the EIR or EISR: the law has none.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from insource.core.audit import Actor
from insource.core.dates import long_date
from insource.transparency.deadlines import due_on, is_scottish, limits
from insource.transparency.models import EventKind, InformationRequest, RequestState
from insource.transparency.requests.law import basis, exemptions_of
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    day_of,
    notify,
    request_record,
    require_text,
    step_check,
)

S = RequestState


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
    step_check(request, "extend", by=by, at=at)
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
    notify(request, event, "update")
    return event
