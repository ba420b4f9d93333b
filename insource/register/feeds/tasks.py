"""The background task of a feed pull (ADR 0054): the pull's id and the time it was asked for
(ISO text). Queue "feeds", so a long pull never keeps a PDF or an alert run waiting."""

from __future__ import annotations

from django_tasks import task

from insource.core.jobs import FEEDS, moment
from insource.register.feeds.jobs import feed_pull_run


@task(queue_name=FEEDS)
def pull_feed(pull_id: int, at: str) -> str:
    """Pull the feed into the queued row; its status."""
    summary = feed_pull_run(pull_id=pull_id, at=moment(at))
    return summary.status if summary else "not run"
