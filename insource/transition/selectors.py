"""Reads of transition plans; every query takes the authority (or the review, which has one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.http import Http404

from insource.authorities.models import Role
from insource.transition.models import Milestone, TransitionPlan
from insource.transition.status import DONE, LATE, milestone_status, plan_status


def transition_plan_for_review(review) -> TransitionPlan | None:
    """The review's transition plan, if its decision made one."""
    rows = TransitionPlan.objects.filter(review=review)
    return rows.select_related("contract", "authority").first()


def plan_get(*, authority, pk: int) -> TransitionPlan | None:
    """One of the authority's plans (None for another authority's)."""
    rows = TransitionPlan.objects.filter(authority=authority, pk=pk)
    return rows.select_related("contract", "review", "decision", "authority").first()


def plan_or_404(*, authority, pk: int) -> TransitionPlan:
    """One of the authority's plans, or 404."""
    plan = plan_get(authority=authority, pk=pk)
    if plan is None:
        raise Http404("No such transition plan")
    return plan


def plan_for_review_id(review_id: int) -> TransitionPlan | None:
    """The plan of a review by its id (the CLI's lookup; any authority)."""
    rows = TransitionPlan.objects.filter(review_id=review_id)
    return rows.select_related("contract", "authority").first()


def milestone_get(*, plan: TransitionPlan, pk: int) -> Milestone | None:
    return plan.milestones.filter(pk=pk).select_related("owner").first()


def milestone_or_404(*, plan: TransitionPlan, pk: int) -> Milestone:
    """One of the plan's milestones, or 404."""
    item = milestone_get(plan=plan, pk=pk)
    if item is None:
        raise Http404("No such milestone")
    return item


@dataclass
class MilestoneRow:
    """A milestone with its status on the date read."""

    milestone: Milestone
    status: str

    @property
    def is_late(self) -> bool:
        return self.status == LATE


@dataclass
class PlanView:
    """A plan, its milestones in date order with statuses on `on`, what is late and next."""

    plan: TransitionPlan
    on: date
    rows: list[MilestoneRow]
    status: str
    late: list[MilestoneRow] = field(default_factory=list)
    next_due: list[MilestoneRow] = field(default_factory=list)


def plan_view(plan: TransitionPlan, *, on: date, num_next: int = 3) -> PlanView:
    """The plan as it stands on `on`."""
    milestones = list(plan.milestones.select_related("owner").order_by("due_on", "position"))
    rows = [
        MilestoneRow(m, milestone_status(recorded=m.status, due_on=m.due_on, on=on))
        for m in milestones
    ]
    upcoming = [r for r in rows if r.status not in (DONE, LATE)]
    return PlanView(
        plan=plan,
        on=on,
        rows=rows,
        status=plan_status(milestones, on=on),
        late=[r for r in rows if r.is_late],
        next_due=upcoming[:num_next],
    )


def plans_list(*, authority=None, on: date) -> list[PlanView]:
    """Every plan (of one authority when given), by transfer date, as it stands on `on`."""
    rows = TransitionPlan.objects.select_related("contract", "authority", "review")
    if authority is not None:
        rows = rows.filter(authority=authority)
    return [plan_view(p, on=on) for p in rows.order_by("transfer_on", "id")]


def milestones_late(*, authority, on: date) -> list[Milestone]:
    """The authority's milestones past their due date and not done (the audit committee's
    list), oldest first."""
    rows = Milestone.objects.filter(plan__authority=authority, due_on__lt=on).exclude(status=DONE)
    return [
        m
        for m in rows.select_related("plan__contract", "owner").order_by("due_on", "id")
        if milestone_status(recorded=m.status, due_on=m.due_on, on=on) == LATE
    ]


def milestones_due_by(*, authority, until: date, owner=None) -> list[Milestone]:
    """The authority's milestones not done and due on or before `until` (late ones too),
    soonest first; only the owner's when `owner` is given."""
    rows = Milestone.objects.filter(plan__authority=authority, due_on__lte=until).exclude(
        status=DONE
    )
    if owner is not None:
        rows = rows.filter(owner=owner)
    return list(rows.select_related("plan__contract", "owner").order_by("due_on", "id"))


@dataclass
class Workforce:
    """The plan's transferring workforce in force: the import, its rows, the comparison with
    the council's grades and the fair wage, and the aggregates everyone may see."""

    current: object | None
    employees: list
    comparison: object | None
    aggregates: dict | None
    grades: list


def grades_of(authority) -> list:
    """The council's grades for transferring roles, by name."""
    from insource.transition.models import CouncilGrade

    return list(CouncilGrade.objects.filter(authority=authority).order_by("name"))


def workforce_of(plan: TransitionPlan) -> Workforce:
    """The workforce as at the transfer date (the fair wage in force on the day they move)."""
    from insource.transition.pay import Grade, aggregates, compare

    current = plan.imports.filter(is_current=True).first()
    grades = grades_of(plan.authority)
    if current is None:
        return Workforce(None, [], None, None, grades)
    employees = list(current.employees.order_by("role", "row"))
    by_role = {
        role: Grade(g.name, g.hourly_min, g.hourly_max) for g in grades for role in g.role_names()
    }
    on = plan.transfer_on
    return Workforce(
        current, employees, compare(employees, by_role, on=on), aggregates(employees, on=on), grades
    )


def consultation_of(plan: TransitionPlan) -> list:
    """The consultation log, oldest first, with responses."""
    return list(plan.consultation.select_related("responds_to").order_by("occurred_on", "id"))


def plan_owners(authority) -> list:
    """The officers who may own a milestone: the authority's members, union representatives
    apart, by name."""
    users = (
        get_user_model()
        .objects.filter(memberships__authority=authority, is_active=True)
        .exclude(memberships__role=Role.UNION_REPRESENTATIVE, memberships__authority=authority)
    )
    return list(users.distinct().order_by("first_name", "username"))


def template_items(authority, service_type: str, *, on: date):
    """(the authority's template version in force or None, its items or the shipped ones)."""
    from insource.transition.schedule import template_default
    from insource.transition.services.plans import template_in_force

    current = template_in_force(authority, service_type)
    if current is not None:
        return current, current.items
    return None, template_default(service_type=service_type, nation=authority.nation, on=on)


def templates_in_force(authority) -> list[dict]:
    """Each service type with the authority's template version in force (or None: shipped)."""
    from insource.transition.schedule import SERVICE_TYPE_LABELS
    from insource.transition.services.plans import template_in_force

    return [
        {"service_type": k, "label": label, "current": template_in_force(authority, k)}
        for k, label in SERVICE_TYPE_LABELS.items()
    ]


def public_plan(decision, *, on: date) -> dict | None:
    """What the public sees of a published decision's plan: statuses, dates, aggregates."""
    from insource.transition.pay import aggregates

    if not hasattr(decision, "publication"):
        return None
    plan = TransitionPlan.objects.filter(decision=decision).first() or transition_plan_for_review(
        decision.review
    )
    if plan is None:
        return None
    view = plan_view(plan, on=on)
    current = plan.imports.filter(is_current=True).first()
    employees = list(current.employees.all()) if current else []
    return {
        "view": view,
        "num_done": sum(r.status == DONE for r in view.rows),
        "aggregates": aggregates(employees, on=plan.transfer_on) if employees else None,
    }
