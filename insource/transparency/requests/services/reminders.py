"""Reminders to officers about information requests due soon or overdue.

`requests_remind` is what a daily command calls: every confirmed request whose clock runs and
whose due date in force is within `INSOURCE_REQUEST_REMIND_WORKING_DAYS` (5) working days of
`on`, or past, is listed in one email to each of its authority's review officers and legal
officers, once per request per day (`reminded_on`). One audit event per authority reminded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from insource.authorities.models import Role
from insource.authorities.selectors import members_with_role
from insource.core.audit import Actor, audit_record
from insource.transparency.deadlines import REGIMES, due_on
from insource.transparency.models import InformationRequest
from insource.transparency.requests.services import emails
from insource.transparency.requests.states import CLOCKED


@dataclass(frozen=True)
class RemindResult:
    num_requests: int
    num_authorities: int
    num_officers: int


def remind_before(on: date) -> dict[str, date]:
    """Per regime, the last due date that counts as 'due soon' on `on`."""
    days = settings.INSOURCE_REQUEST_REMIND_WORKING_DAYS
    return {regime: due_on(on, regime=regime, working_days=days) for regime in REGIMES}


def requests_due_soon(on: date):
    """Confirmed requests with a running clock, due within the reminder window or overdue."""
    soon = Q()
    for regime, last in remind_before(on).items():
        soon |= Q(regime=regime, due_on__lte=last)
    return (
        InformationRequest.objects.filter(soon, state__in=CLOCKED, confirmed_at__isnull=False)
        .filter(due_on__isnull=False)
        .select_related("authority")
        .order_by("authority_id", "due_on", "id")
    )


def _officers(authority) -> list:
    found = {}
    for role in (Role.REVIEW_OFFICER, Role.LEGAL_OFFICER):
        for user in members_with_role(authority, role):
            found.setdefault(user.pk, user)
    return list(found.values())


def _item(request: InformationRequest, on: date) -> dict:
    return {
        "ref": request.reference,
        "title": request.public_title,
        "due_on": request.due_on,
        "state": request.get_state_display(),
        "overdue": on > request.due_on,
    }


@transaction.atomic
def requests_remind(*, on: date, by: Actor, at: datetime) -> RemindResult:
    """Remind officers of requests due within 5 working days or overdue, once a day each."""
    rows = requests_due_soon(on).exclude(reminded_on=on).select_for_update(of=("self",))
    by_authority = defaultdict(list)
    for request in rows:
        by_authority[request.authority].append(request)
    num_officers = 0
    for authority, requests in by_authority.items():
        InformationRequest.objects.filter(pk__in=[r.pk for r in requests]).update(reminded_on=on)
        items = [_item(r, on) for r in requests]
        officers = _officers(authority)
        num_officers += len(officers)
        audit_record(
            by=by,
            at=at,
            action="transparency.requests_remind",
            object_type="transparency.InformationRequest",
            authority=authority,
            after={"on": on.isoformat(), "requests": [i["ref"] for i in items]},
            reason=f"{len(officers)} officer(s) reminded",
        )
        for user in officers:
            transaction.on_commit(
                lambda u=user, a=authority, i=items: emails.email_reminder(u, a, i)
            )
    num = sum(len(r) for r in by_authority.values())
    return RemindResult(num, len(by_authority), num_officers)
