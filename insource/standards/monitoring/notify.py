"""Emails about continuing contracts' monitoring: new alerts to the authority's contract managers.
Sent after the transaction commits; a mail failure is logged and never undoes the alerts."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

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
    subject = f"{len(alerts)} monitoring item(s) overdue or breached: {authority.name}"
    sent = sum(
        _send(user, subject, "standards/email/alerts.txt", {"items": items, "authority": authority})
        for user in managers
    )
    for alert in alerts:
        alert.num_notified = sent
        alert.save(update_fields=["num_notified"])
    return sent
