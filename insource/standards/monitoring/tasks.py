"""The daily monitoring alerts as a background job (ADR 0054): `insource standards alerts
--queue` (or the background jobs page) records a job and queues this task; it checks each
authority in turn (its progress), with the day and time it was asked for (it reads no clock),
and records what it raised. Queue "alerts"."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.core.jobs import ALERTS, job_progress, job_run, moment
from insource.standards.monitoring.selectors import authorities_monitored
from insource.standards.monitoring.services import monitoring_alerts_raise

KIND = "standards-alerts"


def _authorities(code: str) -> list[Authority]:
    if code:
        return list(Authority.objects.filter(code__iexact=code))
    return list(authorities_monitored())


@task(queue_name=ALERTS)
def standards_alerts_job(job_id: int, at: str) -> str:
    """Raise the monitoring alerts due on the job's day; its counts."""

    def work(job) -> dict:
        on, when = date.fromisoformat(job.params["on"]), moment(at)
        authorities = _authorities(job.params.get("authority", ""))
        counts = {"authorities": 0, "raised": 0, "already": 0, "notified": 0}
        by = Actor(label=job.by, user_id=job.user_id)
        for n, authority in enumerate(authorities, start=1):
            run = monitoring_alerts_raise(on=on, by=by, at=when, authorities=[authority])
            counts["raised"] += len(run.raised)
            counts["already"] += run.already
            counts["notified"] += run.notified
            counts["authorities"] = n
            job_progress(job, n, len(authorities))
        return counts

    return job_run(job_id, work)
