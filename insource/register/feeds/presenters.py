"""What the feeds page shows: each source and pull by its plain name and who started it (the
codes are for the command line and JSON), and a pull's progress while it runs."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from insource.core.jobs import UNFINISHED
from insource.core.names import actor_name, feed_source_name
from insource.core.progress import Progress, progress_of
from insource.register.feeds.jobs import feed_pull_lost
from insource.register.models import FeedPull, FeedSource


def pull_progress(pull: FeedPull, *, now: datetime) -> Progress:
    """No total is known before the last page: the count of pages and releases read."""
    pages, releases = pull.counts.get("pages", 0), pull.counts.get("releases", 0)
    finished = pull.status not in UNFINISHED or feed_pull_lost(pull, now=now)
    if pull.status == FeedPull.Status.QUEUED:
        text = _("Waiting to start.")
    else:
        text = _("Pages read: %(pages)s. Releases: %(releases)s.") % {
            "pages": pages,
            "releases": releases,
        }
    return progress_of(done=pages, total=0, finished=finished, status=pull.status, text=text)


def source_row(source: FeedSource) -> dict:
    return {"source": source, "name": feed_source_name(source.name)}


def pull_row(pull: FeedPull, *, shown: int) -> dict:
    """A pull as the page lists it: its source and who started it in words, its first issues
    (an issue about the whole source names it in words too)."""
    source = feed_source_name(pull.source.name)
    return {
        "pull": pull,
        "source": source,
        "by": actor_name(pull.by, pull.user),
        "counts": pull.counts,
        "warnings": [_issue(i, pull.source.name, source) for i in pull.warnings[:shown]],
        "errors": [_issue(i, pull.source.name, source) for i in pull.errors[:shown]],
    }


def _issue(issue: dict, code: str, name: str) -> dict:
    return issue | {"where": name} if issue.get("where") == code else issue
