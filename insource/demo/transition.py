"""A service coming home in the demo: one real contract of an adopting council (never
Staffordshire's or Warwickshire's, which the README's walks use) whose review reaches its
decision point within two to twelve months (in the shipped register, a Suffolk home-to-school
transport contract) decided in house through the real services, with its transition plan in
progress: consultation and the budget done, the council's own milestone (a survey of the
vehicles and depot) late; consultation logged; an
illustrative employee liability file for a transport contract imported
(demo/data/transition-liability-transport.csv); the council's grades entered. The decision's
answers, the workforce, grades and consultation are illustrative (the plan's pages say so).
Idempotent: nothing is done once the demo has an illustrative plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model

from insource.authorities.models import Role
from insource.authorities.roles import capabilities_of
from insource.core.audit import Actor
from insource.demo.showcase import FACTS, SKIP_CODES, answered, decide_and_publish
from insource.reviews.models import Review
from insource.transition.models import TransitionPlan
from insource.transition.services.consultation import consultation_add
from insource.transition.services.milestones import (
    MilestoneChange,
    milestone_add,
    milestone_update,
)
from insource.transition.services.plans import plan_illustrative_mark
from insource.transition.services.workforce import grade_save, liability_import

SAMPLE = Path(__file__).resolve().parent / "data" / "transition-liability-transport.csv"
GRADES = (
    ("Grade 3", "Passenger assistant", "13.45", "13.80"),
    ("Grade 4", "Driver", "13.80", "14.40"),
    ("Grade 7", "Transport coordinator", "16.10", "17.30"),
)
OUTCOME = "INSOURCE_STATUTORY_PRESUMPTION"
# Illustrative answers (the register gives no CPV for these contracts): a service contract with
# a private company, not at risk, consultation and equality impact assessment done.
ANSWERS = FACTS | {"contract": {"contract.counterparty": "private", "contract.nature": "services"}}
SURVEY = "Survey the vehicles and the depot"
EARLY_DONE = ("union-consultation-start", "budget-approved")


def _candidates(on: date):
    """Open reviews of contracts over the threshold reaching their decision point in two to
    twelve months, the latest first (in the shipped register, Suffolk's home-to-school
    transport by coach)."""
    rows = Review.objects.filter(
        is_signed=False,
        decision_point_on__gt=on + timedelta(days=60),
        decision_point_on__lte=on + timedelta(days=365),
        contract__value_amount__gte=200_000,
    )
    rows = rows.exclude(authority__code__in=SKIP_CODES).select_related("contract")
    return rows.order_by("-decision_point_on", "-contract__value_amount", "id")[:20]


def demo_transition(*, on: date, at: datetime) -> int | None:
    """Decide one refuse contract in house and take its plan part-way; the plan's id or None."""
    if TransitionPlan.objects.filter(is_illustrative=True).exists():
        return None
    names = ("officer", "decider", "legal", "manager", "hr", "union")
    people = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    review = next(
        (
            r
            for r in _candidates(on)
            if answered(r, people["officer"], on=on, at=at, facts=ANSWERS, outcome=OUTCOME)
        ),
        None,
    )
    if review is None:
        return None
    decision = decide_and_publish(review, people, on=on, at=at)
    plan = TransitionPlan.objects.get(review=decision.review)
    plan_illustrative_mark(plan=plan, by=Actor.system("demo"), at=at)
    _progress(plan, people, on=on, at=at + timedelta(minutes=5))
    _workforce(plan, people, at=at + timedelta(minutes=10))
    _consultation(plan, people, on=on, at=at + timedelta(minutes=15))
    return plan.pk


def _progress(plan, people, *, on: date, at: datetime) -> None:
    """The authority's own milestone (the survey), started and now late; the consultation and
    the budget done early, and anything else due before today done."""
    manager, by = people["manager"], Actor.for_user(people["manager"])
    survey = milestone_add(
        plan=plan, title=SURVEY, due_on=on - timedelta(days=14), owner=manager, by=by, at=at
    )
    late = MilestoneChange("in-progress", manager, "", "Two of the coaches still to inspect")
    milestone_update(milestone=survey, change=late, on=on, by=by, at=at)
    evidence = "Illustrative: recorded for the demonstration"
    for m in plan.milestones.exclude(pk=survey.pk):
        if m.due_on < on or m.key in EARLY_DONE:
            owner = people["hr"] if "union" in m.key else manager
            change = MilestoneChange("done", owner, evidence, "")
            milestone_update(milestone=m, change=change, on=on, by=by, at=at)


def _workforce(plan, people, *, at: datetime) -> None:
    by = Actor.for_user(people["hr"])
    liability_import(plan=plan, name=SAMPLE.name, content=SAMPLE.read_bytes(), by=by, at=at)
    for name, roles, low, high in GRADES:
        grade_save(
            authority=plan.authority,
            name=name,
            roles=roles,
            hourly_min=Decimal(low),
            hourly_max=Decimal(high),
            by=by,
            at=at,
        )


def _consultation(plan, people, *, on: date, at: datetime) -> None:
    entries = (
        (
            "hr",
            Role.HR_OFFICER,
            "meeting",
            "First meeting with the recognised unions (GMB, "
            "Unite, UNISON): the decision, the timetable and the envisaged measures.",
        ),
        (
            "union",
            Role.UNION_REPRESENTATIVE,
            "issue",
            "Loaders on the contractor's scheme want "
            "to know whether they can join the Local Government Pension Scheme from day one.",
        ),
        (
            "hr",
            Role.HR_OFFICER,
            "response",
            "Yes: every transferring employee is eligible for "
            "the LGPS from the transfer date; the fund will explain the options at the depot.",
        ),
    )
    issue = None
    for i, (username, role, kind, text) in enumerate(entries):
        entry = consultation_add(
            plan=plan,
            kind=kind,
            occurred_on=on - timedelta(days=14 - i),
            text=text,
            responds_to=issue if kind == "response" else None,
            user=people[username],
            role_label=str(role.label),
            capabilities=capabilities_of({role}),
            on=on,
            by=Actor.for_user(people[username]),
            at=at + timedelta(minutes=i),
        )
        issue = entry if kind == "issue" else issue
