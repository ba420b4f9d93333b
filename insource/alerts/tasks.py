"""The alerts' background work (ADR 0031, 0037): the emails of followers who want news at once,
sent by the worker after the event commits, so the officer who published never waits for the
mail server. If the worker is not running, the daily digest sends them instead."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from insource.alerts.models import NewsItem
from insource.alerts.services import immediate_send


@task()
def alerts_send_immediate(item_ids: list[int]) -> int:
    """Email the followers who want news at once about these items; how many emails."""
    items = list(NewsItem.objects.filter(pk__in=item_ids).order_by("at", "pk"))
    return immediate_send(items, at=timezone.now()).emails if items else 0
