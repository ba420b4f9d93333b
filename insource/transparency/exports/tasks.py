"""The background build of the open-data files (ADR 0031, 0047, 0054): its arguments are the
list of downloads to build and the time of the change that asked for them (ISO text; it reads
no clock); `schedule.exports_wanted` enqueues it after a change, debounced. Queue "exports"."""

from __future__ import annotations

from django_tasks import task

from insource.core.jobs import EXPORTS, moment
from insource.transparency.exports.schedule import exports_rebuild


@task(queue_name=EXPORTS)
def exports_build(kinds: list[str], at: str) -> dict[str, int]:
    """Build these downloads, each written atomically; their sizes in bytes."""
    return {b.kind: b.size for b in exports_rebuild(kinds, now=moment(at))}
