"""The background build of the open-data files (ADR 0031, 0047): its argument is the list of
downloads to build; `schedule.exports_wanted` enqueues it after a change, debounced."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from insource.transparency.exports.schedule import exports_rebuild


@task()
def exports_build(kinds: list[str]) -> dict[str, int]:
    """Build these downloads, each written atomically; their sizes in bytes."""
    return {b.kind: b.size for b in exports_rebuild(kinds, now=timezone.now())}
