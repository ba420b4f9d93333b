"""`{% transition_plan_link review on %}`: the review page's link to its transition plan, with
its status on the view's date (time is an argument: no clock here)."""

from django import template

from insource.transition.selectors import plan_view, transition_plan_for_review
from insource.transition.status import PLAN_LABELS

register = template.Library()


@register.inclusion_tag("transition/includes/review_link.html")
def transition_plan_link(review, on):
    """The plan the review's decision made, if any."""
    plan = transition_plan_for_review(review)
    if plan is None:
        return {"plan": None}
    view = plan_view(plan, on=on)
    return {"plan": plan, "status": PLAN_LABELS[view.status], "num_late": len(view.late)}


@register.inclusion_tag("transition/includes/public_panel.html")
def transition_public_panel(decision, on):
    """The public contract page's "Coming home" panel, for a published decision whose plan
    exists: the transfer date, the status, the milestones (no evidence or notes) and the
    workforce aggregates (never the rows)."""
    from insource.transition.selectors import public_plan

    found = public_plan(decision, on=on)
    return {"panel": found}
