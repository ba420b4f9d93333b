"""Emails about transition milestones, sent after the alert's transaction commits; a mail
failure is logged by `_send` and never undoes the alert."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from insource.reviews.notify import _send


def plan_link(plan) -> str:
    path = reverse("transition:plan", kwargs={"code": plan.authority.code, "pk": plan.pk})
    return settings.INSOURCE_BASE_URL.rstrip("/") + path


def notify_alert(alert, people) -> int:
    """One email to each person; the number sent."""
    milestone = alert.milestone
    plan = milestone.plan
    if alert.kind == "late":
        subject = f"Late: {milestone.title} ({plan.service_name[:80]})"
    else:
        subject = f"Due soon: {milestone.title} ({plan.service_name[:80]})"
    context = {"alert": alert, "milestone": milestone, "plan": plan, "link": plan_link(plan)}
    return sum(_send(user, subject, "transition/email/alert.txt", context) for user in people)
