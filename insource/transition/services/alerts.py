"""Alerts on transition milestones (`insource transition alerts --on DATE`, daily from cron):
a late milestone emails its owner once per milestone and due date; the employee liability
information also sends a reminder before it is due. Idempotent: a second run the same day (or
any later day, for the same due date) raises nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction

from insource.authorities.models import Membership
from insource.core.audit import Actor, audit_record
from insource.transition import schedule
from insource.transition.models import Milestone, MilestoneAlert
from insource.transition.notify import notify_alert
from insource.transition.status import DONE, LATE, milestone_status

K = MilestoneAlert.Kind


@dataclass
class AlertsRun:
    """What one run raised, how many it had raised before, and the emails sent."""

    raised: list[MilestoneAlert] = field(default_factory=list)
    already: int = 0
    notified: int = 0


def alert_kind(milestone: Milestone, *, on: date) -> str | None:
    """Which alert a milestone calls for on `on`: late, the liability information's reminder,
    or none."""
    if milestone_status(recorded=milestone.status, due_on=milestone.due_on, on=on) == LATE:
        return K.LATE
    days_left = (milestone.due_on - on).days
    if milestone.key == schedule.ELI and 0 <= days_left <= schedule.eli_reminder_days(on):
        return K.REMINDER if milestone.status != DONE else None
    return None


def recipients(milestone: Milestone) -> list:
    """The owner; with no owner named, the authority's members holding the owner's role."""
    if milestone.owner_id is not None:
        return [milestone.owner]
    rows = Membership.objects.filter(
        authority_id=milestone.plan.authority_id, role=milestone.owner_role, user__is_active=True
    )
    return [m.user for m in rows.select_related("user")]


def _raise(milestone: Milestone, kind: str, *, on, by, at, run: AlertsRun) -> None:
    alert, created = MilestoneAlert.objects.get_or_create(
        milestone=milestone,
        kind=kind,
        due_on=milestone.due_on,
        defaults={"raised_on": on, "raised_at": at},
    )
    if not created:
        run.already += 1
        return
    audit_record(
        by=by,
        at=at,
        action="transition.alert",
        obj=alert,
        authority=milestone.plan.authority,
        after={"milestone": milestone.key, "kind": kind, "due_on": str(milestone.due_on)},
    )
    run.raised.append(alert)
    people = recipients(milestone)

    def send() -> None:
        alert.num_notified = notify_alert(alert, people)
        MilestoneAlert.objects.filter(pk=alert.pk).update(num_notified=alert.num_notified)
        run.notified += alert.num_notified

    transaction.on_commit(send)


def transition_alerts_raise(*, on: date, by: Actor, at: datetime, authority=None) -> AlertsRun:
    """Raise the alerts due on `on` (for one authority, or all) and email them once."""
    run = AlertsRun()
    horizon = on + timedelta(days=schedule.eli_reminder_days(on))
    rows = Milestone.objects.exclude(status=DONE).filter(due_on__lte=horizon)
    if authority is not None:
        rows = rows.filter(plan__authority=authority)
    rows = rows.select_related("plan__authority", "plan__contract", "owner")
    for milestone in rows.order_by("due_on", "id"):
        kind = alert_kind(milestone, on=on)
        if kind:
            with transaction.atomic():
                _raise(milestone, kind, on=on, by=by, at=at, run=run)
    return run
