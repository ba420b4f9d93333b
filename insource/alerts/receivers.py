"""The lower apps' signals this app records as news (ADR 0027, 0037). Each receiver records
in the sender's transaction and sends the immediate alerts after it commits."""

from __future__ import annotations

import logging

from django.db import transaction

from insource.alerts.services import immediate_send, news
from insource.reviews import signals as reviews_signals
from insource.transparency import signals as transparency_signals

log = logging.getLogger(__name__)


def _send_safely(items, at) -> None:
    """After commit: a failure to email never troubles the officer who published; the daily
    digest sends what was missed."""
    try:
        immediate_send(items, at=at)
    except Exception:
        log.exception("alerts: immediate emails failed; the daily digest will send them")


def _after_commit(items, at) -> None:
    items = [i for i in items if i is not None]
    if items:
        transaction.on_commit(lambda: _send_safely(items, at))


def reviews_opened(sender, *, reviews, on, at, **kwargs):
    _after_commit(news.reviews_opened_record(reviews, at=at), at)


def reviews_late(sender, *, reviews, on, at, **kwargs):
    _after_commit(news.reviews_late_record(reviews, at=at), at)


def decision_published(sender, *, publication, decision, at, **kwargs):
    _after_commit([news.decision_published_record(decision, at=at)], at)


def request_answered(sender, *, request, event, at, **kwargs):
    _after_commit([news.request_answered_record(request, event, at=at)], at)


def connect() -> None:
    reviews_signals.reviews_opened.connect(reviews_opened, dispatch_uid="alerts.reviews_opened")
    reviews_signals.reviews_late.connect(reviews_late, dispatch_uid="alerts.reviews_late")
    reviews_signals.decision_published.connect(
        decision_published, dispatch_uid="alerts.decision_published"
    )
    transparency_signals.request_answered.connect(
        request_answered, dispatch_uid="alerts.request_answered"
    )
