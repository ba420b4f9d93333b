"""The consultation log (TUPE 2006 reg. 13): meetings, issues raised, the council's responses
and representatives' comments. Append-only; one audit event per entry."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.transition.models import ConsultationEntry, TransitionPlan
from insource.transition.permissions import consultation_kinds


@transaction.atomic
def consultation_add(
    *,
    plan: TransitionPlan,
    kind: str,
    occurred_on: date | None,
    text: str,
    responds_to: ConsultationEntry | None,
    user,
    role_label: str,
    capabilities,
    on: date,
    by: Actor,
    at: datetime,
) -> ConsultationEntry:
    """Add an entry the member's capabilities allow (`permissions.consultation_kinds`)."""
    errors = {}
    if kind not in consultation_kinds(capabilities):
        errors["kind"] = "Choose what you are recording"
    if occurred_on is None:
        errors["occurred_on"] = "Enter the date"
    elif occurred_on > on:
        errors["occurred_on"] = "The date must be today or in the past"
    if not text.strip():
        errors["text"] = "Enter what was said or decided"
    if responds_to is not None and responds_to.plan_id != plan.pk:
        errors["responds_to"] = "Choose an issue raised on this plan"
    if errors:
        raise ValidationError(errors)
    entry = ConsultationEntry.objects.create(
        plan=plan,
        kind=kind,
        occurred_on=occurred_on,
        text=text.strip(),
        responds_to=responds_to,
        author=user,
        author_name=user.get_full_name() or user.get_username(),
        author_role=role_label[:60],
        created_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="transition.consultation_add",
        obj=entry,
        authority=plan.authority,
        after={"plan": plan.pk, "kind": kind, "occurred_on": occurred_on.isoformat()},
    )
    return entry
