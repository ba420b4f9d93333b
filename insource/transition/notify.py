"""Emails about transition milestones, sent after the alert's transaction commits; a mail
failure is logged by `_send` and never undoes the alert."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.reviews.notify import _send


def plan_link(plan) -> str:
    path = reverse("transition:plan", kwargs={"code": plan.authority.code, "pk": plan.pk})
    return settings.INSOURCE_BASE_URL.rstrip("/") + path


def notify_alert(alert, people) -> int:
    """One email to each person; the number sent."""
    milestone = alert.milestone
    plan = milestone.plan
    names = {"title": milestone.title, "service": plan.service_name[:80]}

    def subject():
        if alert.kind == "late":
            return _("Late: %(title)s (%(service)s)") % names
        return _("Due soon: %(title)s (%(service)s)") % names

    context = {"alert": alert, "milestone": milestone, "plan": plan, "link": plan_link(plan)}
    template = "transition/email/alert.txt"
    return sum(_send(u, subject, template, context, authority=plan.authority) for u in people)
