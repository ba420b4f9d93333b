"""The daily run for forwarded contractor requests (`insource requests remind`): a reminder to
the contractor a few working days before its due date, once; and, the day after the due date
passes with no reply, the "late" flag, one more reminder to the contractor, an email to the
authority's request officers and — for a contract a decision keeps outsourced — the MS6 finding
(`contractor_breach_record`). Idempotent: each happens once per forwarded part."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.transparency.deadlines import due_on
from insource.transparency.models import ContractorOutcome, ContractorRequest
from insource.transparency.requests.services import emails
from insource.transparency.requests.services.contractor import contractor_breach_record
from insource.transparency.requests.services.reminders import _officers

REMIND_WORKING_DAYS = 3  # before the due date (DESIGN: the officers' own reminder window is 5)


@dataclass(frozen=True)
class ContractorRun:
    num_reminded: int
    num_late: int
    num_breaches: int


def _soon(on: date) -> date:
    """The last due date reminded on `on` (FOIA's UK-wide working days: the widest calendar)."""
    return due_on(on, regime="foia", working_days=REMIND_WORKING_DAYS)


def _awaiting():
    return ContractorRequest.objects.filter(outcome=ContractorOutcome.AWAITING).select_related(
        "request", "authority", "contract"
    )


@transaction.atomic
def contractor_reminders(*, on: date, by: Actor, at: datetime) -> ContractorRun:
    """Remind contractors due soon, and flag, remind and report those now late."""
    reminded = late = breaches = 0
    due_soon = _awaiting().filter(reminded_on__isnull=True, due_on__gte=on, due_on__lte=_soon(on))
    for forward in due_soon.select_for_update(of=("self",)):
        forward.reminded_on = on
        forward.save(update_fields=["reminded_on"])
        transaction.on_commit(lambda f=forward: emails.email_contractor(f, "reminder"))
        reminded += 1
    for forward in _awaiting().filter(due_on__lt=on, late_flagged_on__isnull=True):
        breaches += _flag_late(forward, on=on, by=by, at=at)
        late += 1
    return ContractorRun(reminded, late, breaches)


def _flag_late(forward: ContractorRequest, *, on: date, by: Actor, at: datetime) -> int:
    forward.is_late, forward.late_flagged_on, forward.reminded_on = True, on, on
    forward.save(update_fields=["is_late", "late_flagged_on", "reminded_on"])
    breach = contractor_breach_record(forward, on=on, by=by, at=at) is not None
    audit_record(
        by=by,
        at=at,
        action="transparency.contractor_late",
        obj=forward.request,
        authority=forward.authority,
        after={"contractor_request": forward.pk, "due_on": forward.due_on.isoformat()},
        reason="MS6 finding recorded" if breach else "",
    )
    officers = _officers(forward.authority)
    transaction.on_commit(lambda: _tell(forward, officers, breach))
    return int(breach)


def _tell(forward, officers, breach: bool) -> None:
    emails.email_contractor(forward, "reminder", late=True)
    for user in officers:
        emails.email_contractor_late(user, forward, breach=breach)
