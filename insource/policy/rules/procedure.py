"""Procedural prerequisites before a signature: they never change outcome or status.

Legal basis: Local Government Act 1999 s.3(2) (consultation); Equality Act 2010 s.149 (public
sector equality duty); Local Authorities (Executive Arrangements) (Meetings and Access to
Information) (England) Regulations 2012 reg. 9 (28 clear days' notice of a key decision).
"""

from __future__ import annotations

from datetime import timedelta

from insource.policy.rules.base import rule
from insource.policy.tri import Finding

CHECKS = (
    ("consultation_done", "consultation (Local Government Act 1999 s.3(2))"),
    ("equality_impact_assessment_done", "an equality impact assessment (Equality Act 2010 s.149)"),
)


def _key_decision(ctx) -> dict | None:
    key, notice = ctx.fact("is_key_decision"), ctx.fact("key_decision_notice_on")
    if key is False or ctx.fact("authority.nation") != "England":
        return None
    days = ctx.param("key_decision.notice_clear_days")
    if notice and (ctx.on - notice - timedelta(days=1)).days >= days:
        return None
    return {
        "fact": "key_decision_notice_on",
        "reason": f"a key-decision notice at least {days} clear days before the decision",
    }


@rule(
    "procedure.prerequisites",
    "Procedural prerequisites",
    "LGA 1999 s.3(2); EqA 2010 s.149",
    "These procedural facts never change outcome or status: the engine lists the missing ones "
    "as prerequisites, and the workflow refuses a signature until they are met.",
)
def prerequisites(ctx) -> Finding:
    items = [{"fact": k, "reason": why} for k, why in CHECKS if ctx.fact(k) is not True]
    if not ctx.fact("decision_maker"):
        items.append({"fact": "decision_maker", "reason": "a named decision-maker"})
    key = _key_decision(ctx)
    items += [key] if key else []
    return Finding(not items, failed=[i["reason"] for i in items], data={"items": items})
