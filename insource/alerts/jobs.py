"""The daily digest as a background job (ADR 0054): `insource alerts send-digest --queue` (or
the background jobs page) records a job and queues `tasks.alerts_digest_job`, which sends what
happened up to the job's `until` with the time it was asked for, and records its counts."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from django_tasks import task

from insource.alerts.services import alerts_send, subscriptions_expire
from insource.core.audit import Actor
from insource.core.jobs import ALERTS, job_run, moment

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
