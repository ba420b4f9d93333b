"""Starting a daily run by hand from the jobs page (ADR 0054)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from insource.alerts.tasks import KIND as DIGEST
from insource.alerts.tasks import alerts_digest_job
from insource.core.audit import Actor
from insource.core.jobs import job_queue
from insource.core.models import JobRun
from insource.standards.monitoring.tasks import KIND as MONITORING
from insource.standards.monitoring.tasks import standards_alerts_job


def job_start(*, kind: str, by: Actor, at: datetime, user) -> JobRun:
    """Queue a daily run now: the monitoring alerts for today, or the digest up to now."""
    if kind == MONITORING:
        on = timezone.localdate(at)
        params = {"on": on.isoformat(), "authority": ""}
        return job_queue(
            task=standards_alerts_job, kind=kind, by=by, at=at, user=user, params=params
        )
    params = {"until": at.isoformat()}
    return job_queue(task=alerts_digest_job, kind=DIGEST, by=by, at=at, user=user, params=params)
