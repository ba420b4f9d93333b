"""Making a transition plan when an in-house decision is signed, and moving its transfer date.

Which decisions make a plan (`plan_route`): any `INSOURCE_*` outcome (the service comes in
house), and `EXEMPT_PUBLIC_PUBLIC` when the decision's facts say the current counterparty is not
already public (the decision-maker chose a shared service with another authority or a
council-owned company: staff, assets and data still move, under TUPE, to a public body). An
`EXEMPT_PUBLIC_PUBLIC` reached because the contract already is public-public moves nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.appraisal.models import AppraisalRun
from insource.appraisal.selectors import run_for_decision
from insource.core.audit import Actor, audit_record
from insource.transition import schedule
from insource.transition.models import Milestone, MilestoneTemplate, TransitionPlan
from insource.transition.status import DONE

PUBLIC_PARTIES = {"public-authority", "authority-controlled"}
IN_HOUSE, PUBLIC_PUBLIC = "in-house", "public-public"


def plan_route(decision) -> str | None:
    """The route a signed decision takes the service on, or None when nothing transfers."""
    if decision.outcome.startswith("INSOURCE_"):
        return IN_HOUSE
    party = ((decision.facts or {}).get("contract") or {}).get("counterparty")
    if decision.outcome == "EXEMPT_PUBLIC_PUBLIC" and party not in PUBLIC_PARTIES:
        return PUBLIC_PUBLIC
    return None


def template_in_force(authority, service_type: str) -> MilestoneTemplate | None:
    """The authority's latest template version for the service type, if it has one."""
    rows = MilestoneTemplate.objects.filter(authority=authority, service_type=service_type)
    return rows.order_by("-number").first()


def _budget(decision) -> tuple[Decimal | None, str]:
    run = run_for_decision(decision) or (
        AppraisalRun.objects.filter(appraisal__review_id=decision.review_id)
        .order_by("-number")
        .first()
    )
    if run is None:
        return None, ""
    value = Decimal(str(run.results["options"]["inhouse"])).quantize(Decimal("0.01"))
    return value, f"options appraisal run {run.number}: the central in-house estimate"


def _milestones(plan: TransitionPlan, items: list[dict]) -> None:
    Milestone.objects.bulk_create(
        Milestone(
            plan=plan,
            key=item["key"],
            title=item["title"],
            position=position,
            lead_days=item["lead_days"],
            due_on=schedule.due_on(
                key=item["key"], lead_days=item["lead_days"], transfer_on=plan.transfer_on
            ),
            owner_role=item.get("owner_role", ""),
            citation=item.get("citation", "")[:500],
            href=item.get("href", ""),
            is_added=item.get("is_added", False),
        )
        for position, item in enumerate(items)
    )


@transaction.atomic
def transition_plan_open(*, decision, by: Actor, at: datetime) -> TransitionPlan | None:
    """Make the plan for a signed decision that brings the service home (None when the
    decision does not); idempotent: the review's existing plan is returned unchanged."""
    route = plan_route(decision)
    existing = TransitionPlan.objects.filter(review_id=decision.review_id).first()
    if route is None or existing is not None:
        return existing
    review, contract = decision.review, decision.contract
    service_type = schedule.service_type_for_cpv(contract.main_cpv)
    template = template_in_force(decision.authority, service_type)
    nation = decision.authority.nation
    transfer_on = review.decision_point_on
    items = (
        template.items
        if template
        else schedule.template_default(service_type=service_type, nation=nation, on=transfer_on)
    )
    budget, source = _budget(decision)
    plan = TransitionPlan.objects.create(
        review=review,
        decision=decision,
        authority=decision.authority,
        contract=contract,
        route=route,
        service_type=service_type,
        nation=nation,
        transfer_on=transfer_on,
        template_version=template,
        budget_inhouse_gbp=budget,
        budget_source=source,
        created_at=at,
    )
    _milestones(plan, items)
    audit_record(
        by=by,
        at=at,
        action="transition.plan_open",
        obj=plan,
        authority=plan.authority,
        after={
            "review": review.pk,
            "decision": decision.pk,
            "route": route,
            "service_type": service_type,
            "transfer_on": transfer_on.isoformat(),
            "template": template.number if template else "shipped",
            "milestones": [i["key"] for i in items],
        },
    )
    return plan


def _check_version(plan: TransitionPlan, version: int | None) -> TransitionPlan:
    locked = TransitionPlan.objects.select_for_update().get(pk=plan.pk)
    if version is not None and locked.version != version:
        raise ValidationError(
            {"__all__": "The plan changed since you read it: read it again, then save"}
        )
    return locked


@transaction.atomic
def plan_transfer_move(
    *,
    plan: TransitionPlan,
    transfer_on: date,
    reason: str,
    by: Actor,
    at: datetime,
    version: int | None = None,
) -> TransitionPlan:
    """Move the transfer date: every milestone not done is rescheduled by its lead days, so the
    liability information stays at least the legal minimum before the new date."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the transfer date moves"})
    plan = _check_version(plan, version)
    before = plan.transfer_on
    plan.transfer_on, plan.version = transfer_on, plan.version + 1
    plan.save(update_fields=["transfer_on", "version"])
    moved = []
    for m in plan.milestones.exclude(status=DONE):
        m.due_on = schedule.due_on(key=m.key, lead_days=m.lead_days, transfer_on=transfer_on)
        m.updated_at = at
        m.save(update_fields=["due_on", "updated_at"])
        moved.append(m.key)
    audit_record(
        by=by,
        at=at,
        action="transition.plan_transfer_move",
        obj=plan,
        authority=plan.authority,
        before={"transfer_on": before.isoformat()},
        after={"transfer_on": transfer_on.isoformat(), "rescheduled": moved},
        reason=reason,
    )
    return plan


@transaction.atomic
def plan_illustrative_mark(*, plan: TransitionPlan, by: Actor, at: datetime) -> TransitionPlan:
    """Mark a (demo) plan's workforce, grades and consultation as illustrative: every page that
    shows them says so."""
    plan.is_illustrative = True
    plan.save(update_fields=["is_illustrative"])
    audit_record(
        by=by,
        at=at,
        action="transition.plan_illustrative",
        obj=plan,
        authority=plan.authority,
        after={"is_illustrative": True},
    )
    return plan
