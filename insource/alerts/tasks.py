"""The alerts' background work (ADR 0031, 0037, 0054): the emails of followers who want news at
once, sent by the worker after the event commits, so the officer who published never waits for
the mail server; and the daily runs (the digest) as jobs with their counts. Each task takes the
time from whoever queued it (ISO text) and reads no clock. Queue "alerts". If the worker is not
running, the daily digest sends the immediate emails instead."""

from __future__ import annotations

from django_tasks import task

from insource.alerts.models import NewsItem
from insource.alerts.services import immediate_send
from insource.core.jobs import ALERTS, moment


@task(queue_name=ALERTS)
def alerts_send_immediate(item_ids: list[int], at: str) -> int:
    """Email the followers who want news at once about these items; how many emails."""
    items = list(NewsItem.objects.filter(pk__in=item_ids).order_by("at", "pk"))
    return immediate_send(items, at=moment(at)).emails if items else 0
