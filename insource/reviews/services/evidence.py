"""Attaching evidence to a review: a checked file or a link, all or nothing.

The file's bytes are checked (type by content, size) before anything is stored; it is stored
before the database row is written, and if that write is refused (a stale version, a signed
review) the stored copy is removed again unless another committed row shares it. So a refused
upload leaves nothing behind.
"""

from __future__ import annotations

from datetime import date, datetime

from insource.core.audit import Actor
from insource.reviews.models import Evidence, Review
from insource.reviews.services.editing import evidence_add
from insource.reviews.uploads import check_evidence_file, evidence_delete_orphan, evidence_store
from insource.reviews.workflow.questions import Topic


def _in_use(name: str) -> bool:
    return Evidence.objects.filter(storage_name=name).exists()


def evidence_attach(
    *,
    review: Review,
    topic: Topic,
    path: str,
    title: str,
    version: int,
    on: date,
    by: Actor,
    user,
    at: datetime,
    upload=None,
    url: str = "",
) -> Evidence:
    """Check and store `upload` (or take `url`), then attach it; raises `EvidenceFileError`,
    `StaleReview` or `ReviewClosed` with nothing stored."""
    stored = None
    if upload is not None:
        checked = check_evidence_file(upload)
        stored = (evidence_store(checked, upload), checked)
    try:
        return evidence_add(
            review=review,
            topic=topic,
            path=path,
            title=title,
            version=version,
            on=on,
            by=by,
            user=user,
            at=at,
            url=url,
            stored=stored,
        )
    except Exception:
        if stored is not None:
            evidence_delete_orphan(stored[0], is_referenced=_in_use)
        raise
