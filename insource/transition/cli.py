"""What `insource transition` prints: a plan as one JSON-ready object (the shape the issue
names: review, authority, service, transfer_on, status, milestones), and the alerts run."""

from __future__ import annotations

from insource.transition.selectors import PlanView


def plan_data(view: PlanView) -> dict:
    """One plan as printed by `insource transition list|plan --json`."""
    plan = view.plan
    return {
        "plan": plan.pk,
        "review": plan.review_id,
        "authority": plan.authority.code,
        "service": plan.service_name,
        "service_type": plan.service_type,
        "route": plan.route,
        "transfer_on": plan.transfer_on.isoformat(),
        "status": view.status,
        "milestones": [
            {
                "key": r.milestone.key,
                "title": r.milestone.title,
                "due_on": r.milestone.due_on.isoformat(),
                "status": r.status,
                "owner": _owner(r.milestone),
                "citation": r.milestone.citation,
            }
            for r in view.rows
        ],
    }


def _owner(m) -> str:
    if m.owner_id is not None:
        return m.owner.get_full_name() or m.owner.get_username()
    return m.owner_role


def alerts_data(run, *, on) -> dict:
    """The alerts run as printed by `insource transition alerts --json`."""
    return {
        "on": on.isoformat(),
        "raised": [
            {
                "authority": a.milestone.plan.authority.code,
                "review": a.milestone.plan.review_id,
                "milestone": a.milestone.key,
                "kind": a.kind,
                "due_on": a.due_on.isoformat(),
            }
            for a in run.raised
        ],
        "already": run.already,
        "notified": run.notified,
    }
