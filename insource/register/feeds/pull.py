"""One pull of a feed: pages in order, each applied all or nothing, where it got to remembered.

`feed_pull` records a `FeedPull` (range, counts, warnings, errors) and, after each page applied,
the source's cursor (the next page's link), so a pull stopped by an error, a 429 or a crash
resumes at the page that failed. When the last page is read the source has `reached` the range's
end and the cursor is cleared; the next pull starts there. A lock file keeps two pulls of one
source from overlapping (cron may start one while another still runs).
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from insource.core.audit import Actor, audit_record
from insource.core.jobs import this_process
from insource.register.feeds.find_a_tender import COUNTS, feed_page_apply
from insource.register.feeds.pages import Page
from insource.register.importers.records import ImportIssue
from insource.register.models import FeedPull, FeedSource

MAX_REPORTED = 1000
logger = logging.getLogger(__name__)


class PullLocked(Exception):
    """Another pull of the same source is running."""


@dataclass
class PullSummary:
    source: str
    status: str = FeedPull.Status.SUCCEEDED
    pull_id: int | None = None
    updated_from: str = ""
    updated_to: str = ""
    pages: int = 0
    releases: int = 0
    counts: Counter = field(default_factory=Counter)
    notice_types: Counter = field(default_factory=Counter)
    warnings: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "status": self.status,
            "pull_id": self.pull_id,
            "updated_from": self.updated_from,
            "updated_to": self.updated_to,
            "pages": self.pages,
            "releases": self.releases,
            **{name: self.counts[name] for name in COUNTS},
            "notice_types": dict(sorted(self.notice_types.items())),
            "warnings": [w.as_dict() for w in self.warnings[:MAX_REPORTED]],
            "errors": [e.as_dict() for e in self.errors[:MAX_REPORTED]],
        }


class pull_lock:
    """An exclusive, non-blocking lock file per source (released when the process ends)."""

    def __init__(self, folder: Path, name: str):
        self.path = Path(folder) / f"feed-{name}.lock"

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise PullLocked(f"another pull of {self.path.stem} is running") from None
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def feed_source(name: str) -> FeedSource:
    return FeedSource.objects.get_or_create(name=name)[0]


def feed_pull(
    *,
    source: FeedSource,
    pages: Iterable[Page],
    origin: str,
    updated_from: datetime | None,
    updated_to: datetime | None,
    moves_source: bool,
    validate: bool,
    by: Actor,
    at: datetime,
    on: date,
    pull: FeedPull | None = None,
) -> PullSummary:
    """Apply every page in order; stop at the first page that cannot be read or applied.

    `moves_source`: whether reaching the last page moves the source's `reached` to
    `updated_to` (an API pull does; reading saved pages does not). `pull`: the queued run row
    of a pull started from the feeds page (ADR 0054); otherwise one is made, with this
    process and machine, so a pull whose command was killed is found (`feed_pull_lost`)."""
    summary = PullSummary(
        source=source.name,
        updated_from=updated_from.isoformat() if updated_from else "",
        updated_to=updated_to.isoformat() if updated_to else "",
    )
    pull = pull or FeedPull(source=source, started_at=at, by=by.label, **this_process())
    pull.updated_from, pull.updated_to, pull.origin = updated_from, updated_to, origin[:500]
    pull.status = FeedPull.Status.RUNNING
    pull.save()
    summary.pull_id = pull.pk
    try:
        _pages(source, pull, pages, summary, moves_source, validate, by=by, at=at, on=on)
    except Exception as exc:  # noqa: BLE001 - the pull is recorded as failed, never left running
        logger.exception("feed pull %s failed on a fault", pull.pk)
        summary.errors.append(ImportIssue("error", source.name, "", FAULT.format(exc)))
    if summary.errors:
        summary.status = FeedPull.Status.FAILED
    elif moves_source:
        source.reached, source.cursor = updated_to, ""
        source.save(update_fields=["reached", "cursor"])
    _finish(pull, summary, by=by, at=at)
    return summary


FAULT = (
    "the pull stopped on a fault in Insource ({}), not necessarily in the feed: the page it was"
    " reading changed nothing; the next pull resumes there"
)


def _pages(source, pull, pages, summary, moves_source, validate, *, by, at, on) -> None:
    for page in pages:
        if page.error:
            summary.errors.append(ImportIssue("error", page.label, "", page.error))
            break
        result = feed_page_apply(
            source=source,
            pull=pull,
            label=page.label,
            package=page.package,
            validate=validate,
            by=by,
            at=at,
            on=on,
        )
        summary.warnings.extend(result.warnings)
        if result.errors:
            summary.errors.extend(result.errors)
            break
        summary.pages += 1
        summary.releases += result.releases
        summary.counts.update(result.counts)
        summary.notice_types.update(result.notice_types)
        _so_far(pull, summary)
        if moves_source:
            source.cursor = page.next_url[:2000]
            source.save(update_fields=["cursor"])


def _counts(summary: PullSummary) -> dict:
    return {
        "pages": summary.pages,
        "releases": summary.releases,
        **{name: summary.counts[name] for name in COUNTS},
        "notice_types": dict(sorted(summary.notice_types.items())),
    }


def _so_far(pull: FeedPull, summary: PullSummary) -> None:
    """The counts after each page, for the feeds page's progress while the pull runs."""
    pull.counts = _counts(summary)
    FeedPull.objects.filter(pk=pull.pk).update(counts=pull.counts)


def _finish(pull: FeedPull, summary: PullSummary, *, by: Actor, at: datetime) -> None:
    pull.status = summary.status
    pull.finished_at = at
    pull.counts = _counts(summary)
    pull.warnings = [w.as_dict() for w in summary.warnings[:MAX_REPORTED]]
    pull.errors = [e.as_dict() for e in summary.errors[:MAX_REPORTED]]
    pull.save()
    audit_record(
        by=by,
        at=at,
        action="register.feed_pull",
        obj=pull,
        after={k: v for k, v in summary.as_json().items() if k not in {"warnings", "errors"}},
    )
