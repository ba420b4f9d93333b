"""The alerts' background work (ADR 0031, 0037, 0054): the emails of followers who want news at
once, sent by the worker after the event commits, so the officer who published never waits for
the mail server; and the daily runs (the digest) as jobs with their counts. Each task takes the
time from whoever queued it (ISO text) and reads no clock. Queue "alerts". If the worker is not
running, the daily digest sends the immediate emails instead."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from django_tasks import task

from insource.alerts.models import NewsItem
from insource.alerts.services import alerts_send, immediate_send, subscriptions_expire
from insource.core.audit import Actor
from insource.core.jobs import ALERTS, job_run, moment


@task(queue_name=ALERTS)
def alerts_send_immediate(item_ids: list[int], at: str) -> int:
    """Email the followers who want news at once about these items; how many emails."""
    items = list(NewsItem.objects.filter(pk__in=item_ids).order_by("at", "pk"))
    return immediate_send(items, at=moment(at)).emails if items else 0


KIND = "alerts-digest"


def digest_send(*, until: datetime, at: datetime, by: Actor) -> dict:
    """Delete expired unconfirmed subscriptions, then email everyone what they have not had."""
    expired = subscriptions_expire(at=until, by=by)
    sent = alerts_send(until=until, at=at)
    return {"until": until.isoformat(), "expired": expired, **asdict(sent)}


@task(queue_name=ALERTS)
def alerts_digest_job(job_id: int, at: str) -> str:
    """Send the digest up to the job's `until`; its counts."""

    def work(job) -> dict:
        until = datetime.fromisoformat(job.params["until"])
        return digest_send(until=until, at=moment(at), by=Actor(label=job.by, user_id=job.user_id))

    return job_run(job_id, work)
