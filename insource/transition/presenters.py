"""What the transition pages show, in plain words: statuses as labels and tags, the timeline's
geometry, the parameters' citations."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from insource.authorities.models import Role
from insource.authorities.roles import Capability
from insource.transition import schedule
from insource.transition.charts import timeline_chart
from insource.transition.permissions import sees_rows
from insource.transition.status import LABELS, PLAN_LABELS, PLAN_LIVE, TAGS

PLAN_TAGS = {"live": "green", "late": "red", "on-track": "blue"}
ROLE_LABELS = dict(Role.choices)


def status_label(status: str) -> str:
    return _(LABELS[status])


def plan_rows(views) -> list[dict]:
    return [
        {
            "view": v,
            "status_label": _(PLAN_LABELS[v.status]),
            "tag": PLAN_TAGS[v.status],
            "num_late": len(v.late),
            "next": v.next_due[0] if v.next_due else None,
        }
        for v in views
    ]


def _rows(view) -> list[dict]:
    return [
        {
            "row": r,
            "m": r.milestone,
            "label": status_label(r.status),
            "tag": TAGS[r.status],
            "owner": (
                r.milestone.owner.get_full_name() or r.milestone.owner.get_username()
                if r.milestone.owner_id
                else ROLE_LABELS.get(r.milestone.owner_role, r.milestone.owner_role or "–")
            ),
        }
        for r in view.rows
    ]


def plan_page(access, view) -> dict:
    plan = view.plan
    return {
        "access": access,
        "plan": plan,
        "view": view,
        "rows": _rows(view),
        "status_label": _(PLAN_LABELS[view.status]),
        "status_tag": PLAN_TAGS[view.status],
        "chart": timeline_chart(view),
        "service_type_label": _(schedule.SERVICE_TYPE_LABELS[plan.service_type]),
        "can_manage": access.can(Capability.MANAGE_TRANSITION),
        "sees_rows": sees_rows(access.capabilities),
        "eli_minimum": schedule.eli_minimum_days(plan.transfer_on),
        # A live plan's transfer date is history, not something to move.
        "is_transfer_past": plan.transfer_on < view.on and view.status != PLAN_LIVE,
    }


def milestone_context(milestone, *, on: date) -> dict:
    is_eli = milestone.key == schedule.ELI
    transfer = milestone.plan.transfer_on
    return {
        "is_eli": is_eli,
        "eli_minimum": schedule.eli_minimum_days(transfer) if is_eli else None,
        "is_go_live": milestone.key == schedule.GO_LIVE,
    }
