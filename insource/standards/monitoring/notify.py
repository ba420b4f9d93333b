"""Emails about continuing contracts' monitoring: new alerts to the authority's contract managers.
Sent after the transaction commits; a mail failure is logged and never undoes the alerts."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import ngettext

from insource.reviews.notify import _send


def notify_alerts(authority, alerts, managers) -> int:
    """One email per contract manager listing the new alerts; the number of emails sent."""
    items = [
        {
            "alert": a,
            "link": settings.INSOURCE_BASE_URL.rstrip("/")
            + reverse("standards:contract", kwargs={"code": authority.code, "pk": a.contract_id}),
        }
        for a in alerts
    ]

    def subject():
        return ngettext(
            "%(n)s monitoring item overdue or breached: %(name)s",
            "%(n)s monitoring items overdue or breached: %(name)s",
            len(alerts),
        ) % {"n": len(alerts), "name": authority.name}

    context = {"items": items, "authority": authority}
    template = "standards/email/alerts.txt"
    sent = sum(_send(u, subject, template, context, authority=authority) for u in managers)
    for alert in alerts:
        alert.num_notified = sent
        alert.save(update_fields=["num_notified"])
    return sent
