"""Sending the news by email, each item to each subscription once (ADR 0037).

`alerts_send` is the daily digest (`insource alerts send-digest`): every confirmed subscription
gets one email with the items it has not had, up to a moment. `immediate_send` runs after an
item is recorded, for the subscriptions that asked for news at once. Both record a `Delivery`
per item in the transaction that sends the email: if the email fails, nothing is recorded and
the next run tries again; an item once recorded is never sent again (a unique constraint keeps
two runs at the same time apart).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from insource.alerts import notify
from insource.alerts.models import Delivery, Frequency, NewsItem
from insource.alerts.selectors import news_unsent, subscriptions_active, subscriptions_for

log = logging.getLogger(__name__)


@dataclass
class Sent:
    subscriptions: int = 0
    emails: int = 0
    items: int = 0
    failed: int = 0


class _NotSent(Exception):
    """The email failed: the deliveries roll back and the next run tries again."""


def _send_one(subscription, *, until: datetime, at: datetime, sent: Sent) -> None:
    sent.subscriptions += 1
    try:
        with transaction.atomic():
            items = news_unsent(subscription, until=until)
            if not items:
                return
            Delivery.objects.bulk_create(
                [Delivery(subscription=subscription, item=i, sent_at=at) for i in items]
            )
            if not notify.email_news(subscription, items):
                raise _NotSent
    except _NotSent:
        sent.failed += 1
        return
    except IntegrityError:  # another run sent them at the same moment
        log.info("alerts: subscription %s was sent by another run", subscription.pk)
        return
    sent.emails += 1
    sent.items += len(items)


def alerts_send(*, until: datetime, at: datetime, frequency: str | None = None) -> Sent:
    """Email every confirmed subscription (of `frequency`, or all) the items up to `until` it
    has not had: one email each; idempotent."""
    sent = Sent()
    subscriptions = subscriptions_active().order_by("pk")
    if frequency:
        subscriptions = subscriptions.filter(frequency=frequency)
    for subscription in subscriptions.iterator(chunk_size=500):
        _send_one(subscription, until=until, at=at, sent=sent)
    return sent


def immediate_send(items: list[NewsItem], *, at: datetime) -> Sent:
    """Email the subscriptions that want news at once about these items (after commit)."""
    sent = Sent()
    done = set()
    for item in items:
        found = subscriptions_for(item).filter(frequency=Frequency.IMMEDIATE)
        for subscription in found.select_related("authority", "contract"):
            if subscription.pk in done:
                continue
            done.add(subscription.pk)
            _send_one(subscription, until=max(i.at for i in items), at=at, sent=sent)
    return sent
