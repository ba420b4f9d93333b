"""When the open-data files are built (ADR 0047): after the changes that alter them, once for a
burst, in the background; and once on demand while a file has never been built.

Every write service records an audit event (`core.audit`); its action says what changed, so
`kinds_changed_by` maps it to the downloads it alters (an import, a feed pull, a correction or a
buyer name confirmed alters all four; a published decision only the decisions CSV). After the
change commits, `exports_wanted` marks each such download as queued in the shared cache (an
atomic `add`) and enqueues one build task, `debounce` seconds later, for those newly marked: the
further changes of a burst find them marked and add nothing. The task clears the marks before it
builds, so a change made while it builds queues one more build after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache

from insource.transparency.exports.files import (
    CONTRACT_KINDS,
    KINDS,
    Built,
    export_built,
    export_write,
)

QUEUED = "transparency:exports:queued:{}"
BUILDING = "transparency:exports:building:{}"
# An on-demand build holds its lock at most this long (a crashed build frees it by itself).
BUILD_LOCK_SECONDS = 30 * 60
# Every register write; not a staged or checked upload, which changes no contract.
_REGISTER_ONLY_STAGING = {"register.upload_stage", "register.upload_check", "register.upload_start"}
_EVERYTHING = {"authorities.buyer_name_confirm", "authorities.seed", "core.restore"}
_DECISIONS = {"reviews.decision_publish", "reviews.decision_sign"}


def kinds_changed_by(action: str) -> tuple[str, ...]:
    """The downloads an audited action can alter (none for most: an answer, a sign-in)."""
    if action in _EVERYTHING or (
        action.startswith("register.") and action not in _REGISTER_ONLY_STAGING
    ):
        return (*CONTRACT_KINDS, "decisions")
    if action in _DECISIONS:
        return ("decisions",)
    return ()


def exports_wanted(kinds: Iterable[str], *, now: datetime) -> list[str]:
    """Queue a rebuild of these downloads unless one is queued already; the kinds queued now.
    Called after the change commits; `now` (the change's time) is what the debounce counts
    from."""
    from insource.transparency.exports.tasks import exports_build

    debounce = settings.INSOURCE_EXPORTS_DEBOUNCE_SECONDS
    mark_for = debounce + 3600  # a lost task frees its marks within the hour
    newly = [
        k for k in kinds if k in KINDS and cache.add(QUEUED.format(k), now.isoformat(), mark_for)
    ]
    if not newly:
        return []
    task = exports_build
    if debounce > 0 and task.get_backend().supports_defer:
        task = task.using(run_after=now + timedelta(seconds=debounce))
    task.enqueue(newly, now.isoformat())
    return newly


def exports_queued(kinds: Iterable[str]) -> set[str]:
    """Which of these downloads have a rebuild queued."""
    found = cache.get_many([QUEUED.format(k) for k in kinds])
    return {k for k in kinds if QUEUED.format(k) in found}


def exports_rebuild(kinds: Iterable[str], *, now: datetime) -> list[Built]:
    """Build these downloads now (the task and `insource export build` call it): the marks go
    first, so a change made meanwhile queues the next build."""
    chosen = [k for k in kinds if k in KINDS]
    cache.delete_many([QUEUED.format(k) for k in chosen])
    return [export_write(kind, now=now) for kind in chosen]


def export_ready(kind: str, *, now: datetime) -> Built | None:
    """The built file; while none has ever been built, build it here, once: a request that
    finds another building it gets None (the download is being prepared)."""
    built = export_built(kind)
    if built is not None:
        return built
    token = uuid.uuid4().hex
    if not cache.add(BUILDING.format(kind), token, BUILD_LOCK_SECONDS):
        return None
    try:
        return export_built(kind) or export_write(kind, now=now)
    finally:
        if cache.get(BUILDING.format(kind)) == token:
            cache.delete(BUILDING.format(kind))
