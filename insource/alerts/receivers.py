"""The lower apps' signals this app records as news (ADR 0027, 0037). Each receiver records
in the sender's transaction and, after it commits, queues the immediate alerts (`tasks`)."""

from __future__ import annotations

import logging

from django.db import transaction

from insource.alerts import tasks
from insource.alerts.services import news
from insource.reviews import signals as reviews_signals
from insource.transparency import signals as transparency_signals

log = logging.getLogger(__name__)


def _enqueue(item_ids: list[int], at) -> None:
    """After commit, to the task queue, with the event's time: a failure never troubles the
    officer who published; the daily digest sends whatever was missed."""
    try:
        tasks.alerts_send_immediate.enqueue(item_ids, at.isoformat())
    except Exception:
        log.exception("alerts: immediate emails failed; the daily digest will send them")


def _after_commit(items, at) -> None:
    ids = [i.pk for i in items if i is not None]
    if ids:
        transaction.on_commit(lambda: _enqueue(ids, at))


def reviews_opened(sender, *, reviews, on, at, **kwargs):
    _after_commit(news.reviews_opened_record(reviews, at=at), at)


def reviews_late(sender, *, reviews, on, at, **kwargs):
    _after_commit(news.reviews_late_record(reviews, at=at), at)


def decision_published(sender, *, publication, decision, at, **kwargs):
    _after_commit([news.decision_published_record(decision, at=at)], at)


def request_answered(sender, *, request, event, at, **kwargs):
    _after_commit([news.request_answered_record(request, event, at=at)], at)


def comment_window_opened(sender, *, window, at, **kwargs):
    _after_commit([news.comment_window_opened_record(window, at=at)], at)


def connect() -> None:
    reviews_signals.reviews_opened.connect(reviews_opened, dispatch_uid="alerts.reviews_opened")
    reviews_signals.reviews_late.connect(reviews_late, dispatch_uid="alerts.reviews_late")
    reviews_signals.decision_published.connect(
        decision_published, dispatch_uid="alerts.decision_published"
    )
    reviews_signals.comment_window_opened.connect(
        comment_window_opened, dispatch_uid="alerts.comment_window_opened"
    )
    transparency_signals.request_answered.connect(
        request_answered, dispatch_uid="alerts.request_answered"
    )
