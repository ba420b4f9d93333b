"""Background jobs (ADR 0031, 0054): the queues, a job's own run row, and jobs whose worker died.

Queues, one per kind of work, so a long import never keeps an alert run or a PDF waiting: a
deployment runs workers per queue (`insource db_worker --queue-name pdf,alerts`). Every task takes
the time it counts as "now" from whoever queued it (an ISO string), never from the clock.

A worker that dies mid-job (killed, out of memory, the machine restarted) leaves its task
"running" for ever. `task_lost` tells a page that a job's task has been running longer than its
queue's time limit, or ended without the job finishing, so the page says so instead of waiting;
`tasks_mark_lost` (`insource jobs mark-stale`, from cron) marks such tasks failed and has each
app that registered with `on_lost` mark its own run rows failed too. A job a command runs
itself (a feed pull without `--queue`) has no task: it records `this_process()`, and its app's
handler marks it failed when `process_lost` says its process is gone or its time is up.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from insource.core.audit import Actor
from insource.core.models import JobRun
from insource.core.progress import Progress, progress_of

logger = logging.getLogger(__name__)

IMPORTS, FEEDS, PDF, ALERTS, EXPORTS, DEFAULT = (
    "imports",
    "feeds",
    "pdf",
    "alerts",
    "exports",
    "default",
)
QUEUES = (DEFAULT, IMPORTS, FEEDS, PDF, ALERTS, EXPORTS)
LOST = _(
    "The worker stopped before this job finished (it may have been restarted). Whatever it had"
    " finished is kept; start it again."
)
FAILED = _("Insource could not finish this job. Start it again, or tell your administrator.")
Status = JobRun.Status
UNFINISHED = (Status.QUEUED, Status.RUNNING)

# Handlers that mark an app's own run rows failed when their tasks are lost: each takes the
# lost task ids and the time, and returns how many rows it marked.
_ON_LOST: list[Callable[[set[str], datetime], int]] = []


def on_lost(handler: Callable[[set[str], datetime], int]) -> None:
    """Register an app's handler (from its AppConfig.ready) for tasks found lost."""
    if handler not in _ON_LOST:
        _ON_LOST.append(handler)


def time_limit(queue: str) -> timedelta:
    """How long a task of this queue may run before it is taken to have lost its worker."""
    minutes = settings.INSOURCE_JOB_TIME_LIMITS
    return timedelta(minutes=minutes.get(queue, minutes[DEFAULT]))


def this_process() -> dict:
    """The process and machine a job run by a command itself (not by a worker) records."""
    return {"pid": os.getpid(), "host": socket.gethostname()[:255]}


def process_lost(*, pid: int | None, host: str, queue: str, started_at: datetime, now: datetime):
    """Whether a job run by a command itself has lost its process: it has run longer than its
    queue's limit, or its process no longer exists on this machine (another machine's
    processes cannot be seen from here: only the limit tells there)."""
    if started_at < now - time_limit(queue):
        return True
    return pid is not None and host == socket.gethostname()[:255] and not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: no signal sent, only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by another user
    return True


def moment(value: str) -> datetime:
    """The time a task was given by whoever queued it (an ISO string)."""
    return datetime.fromisoformat(value)


def _results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects


def task_lost(task_id: str, *, now: datetime) -> bool:
    """Whether this task ended without finishing its job (failed) or has been running longer
    than its queue's limit. A task the database does not hold (run at once, or pruned) is not."""
    if not task_id or "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return False
    row = _results().filter(pk=task_id).values("status", "started_at", "queue_name").first()
    if row is None:
        return False
    if row["status"] == "FAILED":
        return True
    started = row["started_at"]
    return row["status"] == "RUNNING" and started < now - time_limit(row["queue_name"])


def lost_task_ids(*, now: datetime) -> set[str]:
    """Running tasks past their queue's limit, and tasks that failed (the run rows of either
    may still say running: the handlers only touch unfinished rows)."""
    found = set()
    for queue in {*QUEUES, *settings.TASKS["default"].get("QUEUES", ())}:
        late = _results().filter(
            queue_name=queue, status="RUNNING", started_at__lt=now - time_limit(queue)
        )
        found |= {str(pk) for pk in late.values_list("pk", flat=True)}
    failed = _results().filter(status="FAILED", finished_at__gte=now - timedelta(days=7))
    return found | {str(pk) for pk in failed.values_list("pk", flat=True)}


def tasks_mark_lost(*, now: datetime) -> dict[str, int]:
    """Mark running tasks past their limit failed, and every unfinished run row of a lost task
    failed (its page then says so). Idempotent: run it from cron every few minutes."""
    ids = lost_task_ids(now=now)
    with transaction.atomic():
        tasks = (
            _results()
            .filter(pk__in=ids, status="RUNNING")
            .update(
                status="FAILED",
                finished_at=now,
                exception_class_path="insource.core.jobs.WorkerLost",
                traceback=str(LOST),
            )
        )
        rows = sum(handler(ids, now) for handler in [jobs_lost, *_ON_LOST])
    if tasks or rows:
        logger.warning("jobs: %s lost task(s) marked failed, %s run row(s)", tasks, rows)
    return {"tasks": tasks, "rows": rows}


def jobs_lost(ids: set[str], now: datetime) -> int:
    """The `JobRun` rows of lost tasks, marked failed."""
    unfinished = JobRun.objects.filter(task_id__in=ids, status__in=UNFINISHED)
    return unfinished.update(status=Status.FAILED, message=str(LOST))


def job_queue(
    *,
    task,
    kind: str,
    by: Actor,
    at: datetime,
    user=None,
    subject: str = "",
    authority=None,
    params: dict | None = None,
) -> JobRun:
    """Record a job and queue its task (arguments: the job's id and `at` as ISO text). With
    the immediate backend (tests) the job has run when this returns."""
    job = JobRun.objects.create(
        kind=kind,
        queue=task.queue_name,
        subject=subject[:200],
        authority=authority,
        by=by.label,
        user=user,
        at=at,
        params=params or {},
    )
    result = task.enqueue(job.pk, at.isoformat())
    JobRun.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


class JobRefused(Exception):
    """The work cannot be done as asked: the message, in plain words, is the job's."""


def job_run(job_id: int, work: Callable[[JobRun], dict]) -> str:
    """A task's body: mark the job running, do `work(job)` (its counts), record how it ended
    (a `JobRefused`'s message, or a plain one for a fault). A job already started or gone is
    left alone (a task run twice does the work once)."""
    started = JobRun.objects.filter(pk=job_id, status=Status.QUEUED).update(status=Status.RUNNING)
    if not started:
        return "gone"
    job = JobRun.objects.get(pk=job_id)
    try:
        counts = work(job)
    except JobRefused as refused:
        job.status, job.message = Status.FAILED, str(refused)
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        job.status, job.message = Status.FAILED, str(FAILED)
    else:
        job.status, job.counts = Status.SUCCEEDED, counts or {}
    job.save(update_fields=["status", "message", "counts"])
    return job.status


def job_progress(job: JobRun, done: int, total: int = 0) -> None:
    """Record how far the job has got (read by its page)."""
    job.done, job.total = done, total or job.total
    JobRun.objects.filter(pk=job.pk).update(done=job.done, total=job.total)


def job_is_lost(job: JobRun, *, now: datetime) -> bool:
    return not job.is_finished and task_lost(job.task_id, now=now)


def job_progress_of(job: JobRun, *, now: datetime) -> Progress:
    """A job's progress as its page shows it: waiting, how many of how many, or running."""
    finished = job.is_finished or job_is_lost(job, now=now)
    if job.status == Status.QUEUED:
        text = _("Waiting to start.")
    elif job.total:
        text = _("%(done)s of %(total)s done.") % {"done": job.done, "total": job.total}
    else:
        text = _("Running.")
    return progress_of(
        done=job.done, total=job.total, finished=finished, status=job.status, text=str(text)
    )


def print_queued(job: JobRun, stdout, *, as_json: bool) -> None:
    """What a command prints after queueing a job: its id and status."""
    if as_json:
        from insource.core.cli_output import print_json

        print_json({"job": job.pk, "kind": job.kind, "status": job.status}, stdout)
    else:
        stdout.write(f"job {job.pk} ({job.kind}) queued: {job.get_status_display()}")


def jobs_recent(*, limit: int = 100):
    """The latest jobs of every kind, newest first (the background jobs page)."""
    return list(JobRun.objects.select_related("authority", "user").order_by("-at", "-id")[:limit])


def job_or_404(pk: int) -> JobRun:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(JobRun.objects.select_related("authority", "user"), pk=pk)
