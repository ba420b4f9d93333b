"""Updating a plan's milestones: status, owner, evidence, notes and due date (the one path by
which a milestone becomes done), adding an authority's own milestone, and saving an
authority's template for its services (append-only versions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from insource.authorities.models import Membership, Role
from insource.core.audit import Actor, audit_record
from insource.transition import schedule
from insource.transition.models import Milestone, MilestoneTemplate, TransitionPlan
from insource.transition.signals import plan_went_live
from insource.transition.status import DONE

STATUSES = {s.value for s in Milestone.Status}
FIELDS = ("status", "owner_id", "evidence", "notes", "due_on", "done_on")


@dataclass(frozen=True)
class MilestoneChange:
    """What an officer asks to change on a milestone; `due_on` None keeps the due date."""

    status: str
    owner: object | None
    evidence: str
    notes: str
    due_on: date | None = None


def _check_owner(plan: TransitionPlan, owner) -> None:
    if owner is None:
        return
    members = Membership.objects.filter(authority=plan.authority, user=owner).exclude(
        role=Role.UNION_REPRESENTATIVE
    )
    if not members.exists():
        raise ValidationError({"owner": "Choose an officer of this authority as the owner"})


def _check_due(milestone: Milestone, due_on: date | None, errors: dict) -> None:
    transfer = milestone.plan.transfer_on
    if due_on is None or due_on == milestone.due_on:
        return
    if milestone.key == schedule.GO_LIVE:
        errors["due_on"] = "Go-live is due on the transfer date: move the transfer date instead"
    elif milestone.key == schedule.ELI:
        latest = transfer - timedelta(days=schedule.eli_minimum_days(transfer))
        if due_on > latest:
            errors["due_on"] = (
                "The employee liability information must be due at least "
                f"{schedule.eli_minimum_days(transfer)} days before the transfer (TUPE 2006 "
                f"reg. 11(6)): enter a date on or before {latest:%-d %B %Y}"
            )
    elif due_on > transfer:
        errors["due_on"] = "The due date must be on or before the transfer date"


def _validate(milestone: Milestone, change: MilestoneChange) -> None:
    errors: dict[str, str] = {}
    if change.status not in STATUSES:
        errors["status"] = "Choose a status"
    if change.status == DONE and not change.evidence.strip():
        errors["evidence"] = "Enter the evidence that it is done (a document, link or reference)"
    _check_due(milestone, change.due_on, errors)
    if errors:
        raise ValidationError(errors)
    _check_owner(milestone.plan, change.owner)


def _snapshot(m: Milestone) -> dict:
    return {f: (str(getattr(m, f)) if getattr(m, f) is not None else None) for f in FIELDS}


def _on_done(milestone: Milestone, *, on: date, by: Actor, at: datetime) -> None:
    """What follows a milestone becoming done, in the same transaction (go-live: the plan
    says so, and the in-house service starts: `insource.inhouse.receivers`)."""
    if milestone.key == "go-live":
        # Marked done on the day or later: the service started then, or on the transfer date.
        started_on = min(milestone.done_on, milestone.plan.transfer_on)
        plan_went_live.send(
            sender=TransitionPlan, plan=milestone.plan, started_on=started_on, by=by, at=at
        )


@transaction.atomic
def milestone_update(
    *, milestone: Milestone, change: MilestoneChange, on: date, by: Actor, at: datetime
) -> Milestone:
    """Record a milestone's status, owner, evidence, notes and (optionally) due date. Done
    records the date it was done; un-doing it clears that date. Late is never stored: it
    follows from the date (`status.milestone_status`)."""
    milestone = Milestone.objects.select_for_update().select_related("plan").get(pk=milestone.pk)
    _validate(milestone, change)
    before = _snapshot(milestone)
    became_done = change.status == DONE and milestone.status != DONE
    milestone.status = change.status
    milestone.owner = change.owner
    milestone.evidence, milestone.notes = change.evidence.strip(), change.notes.strip()
    if change.due_on is not None and change.due_on != milestone.due_on:
        milestone.due_on = change.due_on
        milestone.lead_days = (milestone.plan.transfer_on - change.due_on).days
    milestone.done_on = (milestone.done_on or on) if change.status == DONE else None
    milestone.updated_at = at
    milestone.save()
    audit_record(
        by=by,
        at=at,
        action="transition.milestone_update",
        obj=milestone,
        authority=milestone.plan.authority,
        before=before,
        after=_snapshot(milestone),
    )
    if became_done:
        _on_done(milestone, on=on, by=by, at=at)
    return milestone


@transaction.atomic
def milestone_add(
    *, plan: TransitionPlan, title: str, due_on: date | None, owner, by: Actor, at: datetime
) -> Milestone:
    """Add the authority's own milestone to a plan (a step the template does not have)."""
    errors = {}
    if not title.strip():
        errors["title"] = "Enter what has to be done"
    if due_on is None:
        errors["due_on"] = "Enter the date it is due"
    elif due_on > plan.transfer_on:
        errors["due_on"] = "The due date must be on or before the transfer date"
    key = slugify(title)[:50] or "milestone"
    if plan.milestones.filter(key=key).exists():
        errors["title"] = "The plan already has a milestone with this name"
    if errors:
        raise ValidationError(errors)
    _check_owner(plan, owner)
    milestone = Milestone.objects.create(
        plan=plan,
        key=key,
        title=title.strip(),
        position=plan.milestones.count(),
        lead_days=(plan.transfer_on - due_on).days,
        due_on=due_on,
        owner=owner,
        is_added=True,
        updated_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="transition.milestone_add",
        obj=milestone,
        authority=plan.authority,
        after={"key": key, "title": milestone.title, "due_on": due_on.isoformat()},
    )
    return milestone


def _template_errors(items: list[dict], on: date) -> dict:
    errors, keys = {}, [i.get("key") for i in items]
    for missing in sorted(schedule.REQUIRED - set(keys)):
        errors[f"items.{missing}"] = f"Keep the milestone {missing}: the law or the plan needs it"
    if len(set(keys)) != len(keys):
        errors["items"] = "Give each milestone its own name"
    for item in items:
        days = item.get("lead_days")
        if not isinstance(days, int) or days < 0:
            errors[f"items.{item.get('key')}"] = "Enter the days before the transfer as 0 or more"
        elif item.get("key") == schedule.ELI and days < schedule.eli_minimum_days(on):
            errors[f"items.{schedule.ELI}"] = (
                f"The employee liability information must be due at least "
                f"{schedule.eli_minimum_days(on)} days before the transfer (TUPE 2006 reg. 11(6))"
            )
        if not str(item.get("title", "")).strip():
            errors[f"items.{item.get('key')}"] = "Enter the milestone's title"
    return errors


@transaction.atomic
def milestone_template_save(
    *,
    authority,
    service_type: str,
    items: list[dict],
    reason: str,
    on: date,
    by: Actor,
    at: datetime,
) -> MilestoneTemplate:
    """Save a new version of the authority's template for a service type: the plans made
    after it use it; plans already made keep their milestones."""
    errors = _template_errors(items, on)
    if not reason.strip():
        errors["reason"] = "Enter why the template changes"
    if service_type not in schedule.SERVICE_TYPE_LABELS:
        errors["service_type"] = "Choose a service type"
    if errors:
        raise ValidationError(errors)
    latest = MilestoneTemplate.objects.filter(authority=authority, service_type=service_type)
    number = (latest.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    template = MilestoneTemplate.objects.create(
        authority=authority,
        service_type=service_type,
        number=number,
        items=items,
        reason=reason.strip(),
        created_by=by.label,
        created_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="transition.template_save",
        obj=template,
        authority=authority,
        after={"service_type": service_type, "number": number, "items": items},
        reason=reason,
    )
    return template
