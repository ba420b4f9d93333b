"""A pull of the national feed as a background job (ADR 0054): a site administrator presses
"Pull the feed now" (or cron runs `insource feeds pull find-a-tender --queue`), a queued
`FeedPull` row records who and when, and the worker (queue "feeds") reads the pages from where
the last pull got to up to the time it was asked for, writing the counts after each page so the
feeds page shows its progress. Its time comes from whoever queued it; it reads no clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.core.audit import Actor
from insource.core.jobs import FEEDS, LOST, UNFINISHED, process_lost, task_lost
from insource.register.feeds.pages import FeedClient, first_url
from insource.register.feeds.pull import (
    PullLocked,
    PullSummary,
    feed_pull,
    feed_source,
    pull_lock,
)
from insource.register.models import FeedPull

FIRST_PULL_DAYS = 1
Status = FeedPull.Status


class WindowRefused(ValueError):
    """The range asked for is empty or backwards."""


@dataclass(frozen=True)
class Window:
    url: str  # the first page to read
    updated_from: datetime | None
    updated_to: datetime | None


def feed_window(
    source, *, updated_from=None, until=None, at: datetime, base: str, pull=None
) -> Window:
    """Where a pull reads: an unfinished pull's next page (and its range), or from where the
    source got to (or a day before `until`) up to `until` (default `at`)."""
    if source.cursor and not updated_from and not until:
        earlier = FeedPull.objects.filter(source=source).exclude(status=Status.QUEUED)
        last = earlier.exclude(pk=getattr(pull, "pk", None)).first()
        start = last.updated_from if last else source.reached
        return Window(source.cursor, start, last.updated_to if last else at)
    until = until or at.replace(microsecond=0)
    updated_from = updated_from or source.reached or until - timedelta(FIRST_PULL_DAYS)
    if updated_from >= until:
        raise WindowRefused("--updated-from must be before --until")
    return Window(first_url(base, updated_from, until), updated_from, until)


def feed_client() -> FeedClient:
    """The HTTP client a pull reads with (tests replace it with one given a local opener)."""
    return FeedClient(
        timeout=settings.INSOURCE_FEED_TIMEOUT, retries=settings.INSOURCE_FEED_RETRIES
    )


def feed_pull_queue(*, source_name: str, by: Actor, at: datetime, user=None) -> FeedPull:
    """Record a pull waiting to start and queue it; with the immediate backend it has run
    when this returns."""
    from insource.register.feeds.tasks import pull_feed

    pull = FeedPull.objects.create(
        source=feed_source(source_name),
        started_at=at,
        origin=settings.INSOURCE_FIND_A_TENDER_URL[:500],
        by=by.label,
        user=user,
        status=Status.QUEUED,
    )
    result = pull_feed.enqueue(pull.pk, at.isoformat())
    FeedPull.objects.filter(pk=pull.pk).update(task_id=str(result.id))
    pull.refresh_from_db()
    return pull


def feed_pull_run(*, pull_id: int, at: datetime) -> PullSummary | None:
    """The task's body: read the feed from where it got to, up to `at`, into the queued row."""
    pull = FeedPull.objects.select_related("source").filter(pk=pull_id).first()
    if pull is None or pull.status != Status.QUEUED:
        return None
    try:
        with pull_lock(settings.INSOURCE_FEED_LOCK_DIR, pull.source.name):
            return _run(pull, at)
    except PullLocked:
        _refuse(pull, _("Another pull of this feed was running: nothing was read."), at)
        return None


def _run(pull: FeedPull, at: datetime) -> PullSummary:
    base = settings.INSOURCE_FIND_A_TENDER_URL
    window = feed_window(pull.source, at=at, base=base, pull=pull)
    return feed_pull(
        source=pull.source,
        pages=feed_client().pages(window.url),
        origin=base,
        updated_from=window.updated_from,
        updated_to=window.updated_to,
        moves_source=True,
        validate=True,
        by=Actor(label=pull.by, user_id=pull.user_id),
        at=at,
        on=timezone.localdate(at),
        pull=pull,
    )


def _refuse(pull: FeedPull, message: str, at: datetime) -> None:
    pull.status, pull.finished_at = Status.FAILED, at
    pull.errors = [{"level": "error", "where": pull.source.name, "field": "", "message": message}]
    pull.save(update_fields=["status", "finished_at", "errors"])


def feed_pull_lost(pull: FeedPull, *, now: datetime) -> bool:
    """Whether an unfinished pull will never finish: its worker stopped (ADR 0054) or, run by
    the command itself, its process is gone or its time is up."""
    if pull.status not in UNFINISHED:
        return False
    if pull.task_id:
        return task_lost(pull.task_id, now=now)
    return pull.status == Status.RUNNING and process_lost(
        pid=pull.pid, host=pull.host, queue=FEEDS, started_at=pull.started_at, now=now
    )


def feed_pulls_lost(ids: set[str], now: datetime) -> int:
    """Pulls that will never finish, marked failed: those of lost tasks (`ids`) and those whose
    command lost its process (`feed_pull_lost`). The pages applied before stay; the next pull
    resumes at the one it was reading."""
    unfinished = FeedPull.objects.filter(status__in=UNFINISHED).select_related("source")
    of_tasks = list(unfinished.filter(task_id__in=ids))
    by_commands = [p for p in unfinished.filter(task_id="") if feed_pull_lost(p, now=now)]
    for pull in [*of_tasks, *by_commands]:
        where = {"level": "error", "where": pull.source.name, "field": "", "message": str(LOST)}
        pull.status, pull.finished_at, pull.errors = Status.FAILED, now, [*pull.errors, where]
        pull.save(update_fields=["status", "finished_at", "errors"])
    return len(of_tasks) + len(by_commands)


def feed_pull_running() -> FeedPull | None:
    """The pull waiting or running now, if any (the feeds page shows its progress)."""
    return FeedPull.objects.filter(status__in=UNFINISHED).select_related("source", "user").first()
