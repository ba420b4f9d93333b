"""The transition plan's panels on other apps' pages (registered in
`TransitionConfig.ready()`; see `insource.core.panels`): the review page's link to its plan
with the plan's status, and the public contract page's "Bringing the service home" panel. The
date is the host view's (time is an argument: no clock here)."""

from __future__ import annotations

from datetime import date

from insource.core import panels
from insource.transition.selectors import plan_view, public_plan, transition_plan_for_review
from insource.transition.status import PLAN_LABELS


def review_link(*, review, on: date) -> dict | None:
    """The plan the review's decision made, if any, with its status on `on`."""
    plan = transition_plan_for_review(review)
    if plan is None:
        return None
    view = plan_view(plan, on=on)
    return {"plan": plan, "status": PLAN_LABELS[view.status], "num_late": len(view.late)}


def public_panel(*, decision, on: date) -> dict | None:
    """For a published decision whose plan exists: the transfer date, the status, the
    milestones (no evidence or notes) and the workforce aggregates (never the rows)."""
    found = public_plan(decision, on=on)
    return None if found is None else {"panel": found}


def register_panels() -> None:
    panels.register(
        "review.decision",
        name="transition.review",
        template="transition/includes/review_link.html",
        context=review_link,
        order=10,
    )
    panels.register(
        "portal.decision",
        name="transition.public",
        template="transition/includes/public_panel.html",
        context=public_panel,
        order=10,
    )
