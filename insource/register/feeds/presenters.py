"""What the feeds page shows of a pull while it runs: pages and releases read so far."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from insource.core.jobs import UNFINISHED, task_lost
from insource.core.progress import Progress, progress_of
from insource.register.models import FeedPull


def pull_progress(pull: FeedPull, *, now: datetime) -> Progress:
    """No total is known before the last page: the count of pages and releases read."""
    pages, releases = pull.counts.get("pages", 0), pull.counts.get("releases", 0)
    finished = pull.status not in UNFINISHED or task_lost(pull.task_id, now=now)
    if pull.status == FeedPull.Status.QUEUED:
        text = _("Waiting to start.")
    else:
        text = _("Pages read: %(pages)s. Releases: %(releases)s.") % {
            "pages": pages,
            "releases": releases,
        }
    return progress_of(done=pages, total=0, finished=finished, status=pull.status, text=text)
