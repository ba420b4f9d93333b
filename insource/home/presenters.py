"""What an officer's first page shows of each item: its name, link, date and tag (late, at risk,
overdue), in the person's words, never an internal code."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from insource.home.selectors import OfficerWork
from insource.register.naming import contract_service_name
from insource.reviews.presenters import review_lateness_tag
from insource.transition.status import LABELS, TAGS, milestone_status
from insource.transparency.requests.selectors import request_status


def _review_item(review, code: str, on: date) -> dict:
    return {
        "name": contract_service_name(review.contract),
        "url": reverse("reviews:review", args=[code, review.pk]),
        "on": review.decision_point_on,
        "on_label": _("Decision point"),
        "tag": review_lateness_tag(review.decision_point_on, review.is_signed, on),
    }


def _request_item(found, code: str, on: date) -> dict:
    status = request_status(found, on)
    late = status.code in ("overdue", "very-overdue")
    return {
        "name": found.title or found.reference,
        "url": reverse("requests:officer", args=[code, found.reference]),
        "on": found.due_on,
        "on_label": _("Due"),
        "tag": {"label": _(status.label), "colour": status.colour} if late else None,
    }


def _milestone_item(milestone, code: str, on: date, user) -> dict:
    status = milestone_status(recorded=milestone.status, due_on=milestone.due_on, on=on)
    owner = milestone.owner
    return {
        "name": f"{milestone.title} ({contract_service_name(milestone.plan.contract)})",
        "url": reverse("transition:milestone", args=[code, milestone.plan_id, milestone.pk]),
        "on": milestone.due_on,
        "on_label": _("Due"),
        "tag": {"label": _(LABELS[status]), "colour": TAGS[status]},
        "yours": owner is not None and owner.pk == user.pk,
    }


def officer_home(work: OfficerWork, user) -> dict:
    """The page's sections, one per authority, each list with its items (None: not for you)."""
    sections = []
    for item in work.authorities:
        code, on = item.access.authority.code, work.on

        def each(rows, make, code=code, on=on):
            return None if rows is None else [make(r, code, on) for r in rows]

        sections.append(
            {
                "authority": item.access.authority,
                "is_empty": item.is_empty,
                "reviews_due": each(item.reviews_due, _review_item),
                "awaiting_signature": each(item.awaiting_signature, _review_item),
                "ready_to_publish": each(item.ready_to_publish, _review_item),
                "requests_due": each(item.requests_due, _request_item),
                "milestones_due": (
                    None
                    if item.milestones_due is None
                    else [_milestone_item(m, code, on, user) for m in item.milestones_due]
                ),
            }
        )
    return {
        "work": work,
        "sections": sections,
        "person": user.get_full_name() or user.get_username(),
    }
