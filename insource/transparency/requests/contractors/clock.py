"""The contractor's clock (MS6; POLICY.md §3 "contractor information turnaround"): the working
days a contractor has to supply information it holds for the council, counted on the request's
own statutory working-day calendar (`transparency.deadlines`), and the one function that says
whether a forwarded part is late — the request page, the counts and the daily run all call it.
Pure: no database, no clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from insource.policy.params import load_all
from insource.transparency.deadlines import due_on

PARAMETERS = Path(__file__).resolve().parents[2] / "parameters"
WORKING_DAYS = "transparency.contractor_working_days"

AWAITING, LATE = "awaiting", "late"
REPLIED, REPLIED_LATE, NO_REPLY = "replied", "replied-late", "no-reply"


def working_days_allowed(on: date) -> int:
    """The contractor's working days on `on` (a dated DESIGN parameter)."""
    return int(load_all(PARAMETERS)[WORKING_DAYS].at(on).value)


def contractor_due(forwarded_on: date, regime: str) -> date:
    """The day the contractor's reply is due: the n-th working day after forwarding."""
    return due_on(forwarded_on, regime=regime, working_days=working_days_allowed(forwarded_on))


def contractor_status(*, outcome: str, due: date, replied_on: date | None, on: date) -> str:
    """awaiting, late (awaiting past the due date), replied, replied-late, or no-reply."""
    if outcome == "no-reply":
        return NO_REPLY
    if outcome == "replied":
        return REPLIED_LATE if replied_on is not None and replied_on > due else REPLIED
    return LATE if on > due else AWAITING


def is_late(status: str) -> bool:
    """Whether a status counts against the contractor (an MS6 breach)."""
    return status in (LATE, REPLIED_LATE, NO_REPLY)


def status_of(cr, on: date) -> str:
    """The status of a `ContractorRequest` row on `on`."""
    return contractor_status(outcome=cr.outcome, due=cr.due_on, replied_on=cr.replied_on, on=on)
