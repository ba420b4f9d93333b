"""Read-only queries over information requests: status (overdue, very overdue), the officers'
queue and statistics. Officer selectors take the authority, so a view never reaches another
authority's requests; the public ones are in `public_selectors`. Dates are arguments,
never the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from insource.authorities.models import Authority
from insource.transparency.deadlines import REGIMES, VERY_OVERDUE_AFTER, working_days_late
from insource.transparency.models import (
    InformationRequest,
    RequestAttachment,
    RequestEvent,
    RequestState,
)
from insource.transparency.requests.states import (
    AWAITING,
    CLOCKED,
    OPEN,
    RESPONDED,
)

S = RequestState


@dataclass(frozen=True)
class RequestStatus:
    """Where a request stands on a date: `code` is the state, or overdue / very-overdue."""

    code: str
    label: str
    colour: str
    due_on: date | None
    working_days_late: int = 0

    @property
    def is_overdue(self) -> bool:
        return self.code in ("overdue", "very-overdue")


_COLOURS = {
    S.AWAITING_CONFIRMATION: "grey",
    S.AWAITING_RESPONSE: "blue",
    S.CLARIFICATION_REQUESTED: "yellow",
    S.EXTENDED: "light-blue",
    S.ANSWERED_FULL: "green",
    S.ANSWERED_PART: "turquoise",
    S.REFUSED: "pink",
    S.NOT_HELD: "grey",
    S.WITHDRAWN: "grey",
    S.INTERNAL_REVIEW: "purple",
    S.REFERRED: "orange",
}


def status_of(*, state: str, due_on: date | None, regime: str, on: date) -> RequestStatus:
    """Overdue: past the due date in force; very overdue: more than 20 working days past it
    (POLICY.md §5). Only while a clock runs (awaiting a response, extended, in review)."""
    if state in CLOCKED and due_on is not None and on > due_on:
        late = working_days_late(due_on, on, regime=regime)
        if late > VERY_OVERDUE_AFTER:
            return RequestStatus("very-overdue", "Very overdue", "red", due_on, late)
        return RequestStatus("overdue", "Overdue", "red", due_on, late)
    return RequestStatus(state, S(state).label, _COLOURS[S(state)], due_on)


def request_status(request: InformationRequest, on: date) -> RequestStatus:
    """The request's status on `on` (see `status_of`)."""
    return status_of(state=request.state, due_on=request.due_on, regime=request.regime, on=on)


@cache
def _very_overdue_before(on: date, regime: str) -> date:
    """The latest due date that is very overdue on `on` under the regime's calendar."""
    day = on - timedelta(days=VERY_OVERDUE_AFTER)
    while working_days_late(day, on, regime=regime) <= VERY_OVERDUE_AFTER:
        day -= timedelta(days=1)
    return day


def overdue_q(on: date, very: bool = False) -> Q:
    if not very:
        return Q(state__in=CLOCKED, due_on__lt=on)
    dates = Q()
    for regime in REGIMES:
        dates |= Q(regime=regime, due_on__lte=_very_overdue_before(on, regime))
    return Q(state__in=CLOCKED) & dates


# Officers -------------------------------------------------------------------------------


def requests_for(*, authority: Authority) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(authority=authority).select_related(
        "authority", "contract"
    )


def request_get(*, authority: Authority, reference: str) -> InformationRequest | None:
    """One of the authority's requests (None for another authority's)."""
    return requests_for(authority=authority).filter(reference=reference).first()


def request_or_404(*, authority: Authority, reference: str) -> InformationRequest:
    """One of the authority's requests, or 404."""
    found = request_get(authority=authority, reference=reference)
    if found is None:
        raise Http404("No such request")
    return found


QUEUE_SHOWS = ("open", "overdue", "very-overdue", "awaiting-confirmation", "responded", "all")


def requests_queue(
    *, authority: Authority, on: date, show: str = "open", query: str = ""
) -> QuerySet[InformationRequest]:
    """The officers' queue: due soonest first (so overdue first), then the newest.

    `show`: open (confirmed, still open), overdue, very-overdue, awaiting-confirmation,
    responded, all, or a stored state."""
    rows = requests_for(authority=authority)
    if show == "open":
        rows = rows.filter(state__in=OPEN - {S.AWAITING_CONFIRMATION})
    elif show in ("overdue", "very-overdue"):
        rows = rows.filter(overdue_q(on, very=show == "very-overdue"), confirmed_at__isnull=False)
    elif show == "responded":
        rows = rows.filter(state__in=RESPONDED)
    elif show in S.values:
        rows = rows.filter(state=show)
    if query:
        rows = rows.filter(Q(reference__iexact=query) | Q(title__icontains=query))
    return rows.order_by(F("due_on").asc(nulls_last=True), "-submitted_at", "-id")


def requests_due_by(*, authority: Authority, until: date) -> QuerySet[InformationRequest]:
    """Confirmed requests whose clock runs and whose due date is on or before `until` (so the
    overdue ones too), soonest first: an officer's first page."""
    return (
        requests_for(authority=authority)
        .filter(state__in=CLOCKED, due_on__lte=until, confirmed_at__isnull=False)
        .order_by("due_on", "id")
    )


def request_events(*, authority: Authority, request: InformationRequest) -> QuerySet:
    """Every event of the request, private notes included (officers only)."""
    return RequestEvent.objects.filter(request=request, request__authority=authority).order_by(
        "at", "id"
    )


def request_attachments(*, authority: Authority, request: InformationRequest) -> QuerySet:
    return RequestAttachment.objects.filter(request=request, request__authority=authority)


def attachment_get(*, authority: Authority, reference: str, pk: int) -> RequestAttachment | None:
    return RequestAttachment.objects.filter(
        pk=pk, request__reference=reference, request__authority=authority
    ).first()


def attachment_or_404(*, authority: Authority, reference: str, pk: int) -> RequestAttachment:
    """One document of one of the authority's requests, or 404."""
    found = attachment_get(authority=authority, reference=reference, pk=pk)
    if found is None:
        raise Http404("No such document")
    return found


def request_redactions(*, authority: Authority, request: InformationRequest) -> QuerySet:
    return request.redactions.filter(request__authority=authority).order_by("at", "id")


# Statistics -----------------------------------------------------------------------------


def request_stats(*, authority: Authority, on: date, since: date | None = None) -> dict:
    """Per-authority statistics over confirmed requests (received on or after `since`):
    received; answered (any first response: answered, refused, not held); answered on time;
    late (first response after the due date then in force); open and overdue on `on`; very
    overdue; and the number in each state."""
    rows = InformationRequest.objects.filter(authority=authority, confirmed_at__isnull=False)
    if since is not None:
        rows = rows.filter(received_on__gte=since)
    totals = rows.aggregate(
        received=Count("id"),
        answered=Count("id", filter=Q(first_response_on__isnull=False)),
        answered_on_time=Count("id", filter=Q(is_first_response_late=False)),
        late=Count("id", filter=Q(is_first_response_late=True)),
        open_overdue=Count("id", filter=overdue_q(on)),
        open_very_overdue=Count("id", filter=overdue_q(on, very=True)),
    )
    by_state = dict(rows.values_list("state").annotate(n=Count("id")).order_by())
    totals["outcomes"] = {s: by_state.get(s, 0) for s in S.values if by_state.get(s)}
    answered, on_time = totals["answered"], totals["answered_on_time"]
    totals["on_time_percent"] = round(100 * on_time / answered) if answered else None
    return totals


def queue_counts(*, authority: Authority, on: date) -> dict:
    """Headline counts for the officers' queue."""
    rows = requests_for(authority=authority)
    return rows.aggregate(
        open=Count("id", filter=Q(state__in=OPEN - {S.AWAITING_CONFIRMATION})),
        overdue=Count("id", filter=overdue_q(on) & Q(confirmed_at__isnull=False)),
        very_overdue=Count("id", filter=overdue_q(on, very=True) & Q(confirmed_at__isnull=False)),
        awaiting_confirmation=Count("id", filter=Q(state=S.AWAITING_CONFIRMATION)),
        awaiting=Count("id", filter=Q(state__in=AWAITING - {S.AWAITING_CONFIRMATION})),
    )
