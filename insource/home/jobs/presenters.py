"""A background job as its pages show it: its kind, queue, who asked for it and its counts in
words (`core/names.py`), its progress, and whether its worker was lost (ADR 0054)."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.alerts.tasks import KIND as DIGEST
from insource.core.jobs import job_is_lost
from insource.core.models import JobRun
from insource.core.names import actor_name, job_kind_name, queue_name
from insource.standards.monitoring.tasks import KIND as MONITORING

STARTABLE = (MONITORING, DIGEST)
COUNT_WORDS = {
    "authorities": gettext_lazy("Authorities checked"),
    "raised": gettext_lazy("Alerts raised"),
    "already": gettext_lazy("Alerts raised before"),
    "notified": gettext_lazy("Emails to contract managers"),
    "subscriptions": gettext_lazy("Followers emailed"),
    "emails": gettext_lazy("Emails sent"),
    "items": gettext_lazy("News items sent"),
    "failed": gettext_lazy("Emails that failed"),
    "expired": gettext_lazy("Unconfirmed subscriptions deleted"),
    "bytes": gettext_lazy("Size of the PDF (bytes)"),
    "number": gettext_lazy("Version made"),
}


def job_row(job: JobRun, *, now: datetime) -> dict:
    """A job as the pages show it: its kind and counts in words, and whether it was lost."""
    lost = job_is_lost(job, now=now)
    return {
        "job": job,
        "kind": job_kind_name(job.kind),
        "queue": queue_name(job.queue),
        "by": actor_name(job.by, job.user),
        "lost": lost,
        "status": _("Failed") if lost else job.get_status_display(),
        "tag": "red" if lost or job.status == "failed" else _TAGS.get(job.status, "blue"),
        "counts": [(COUNT_WORDS[k], v) for k, v in job.counts.items() if k in COUNT_WORDS],
    }


_TAGS = {"succeeded": "green", "queued": "grey"}
