"""Documents and redaction: the files sent with a step (answer, add a document: steps of the
workflow table), and redaction of the published text (a step with rules of its own).

Files are checked and stored before the transaction (reviews/uploads.py); if the step is then
refused the stored copy is removed unless a committed row (a request document or review
evidence: identical files share one copy) still uses it. A redaction replaces words of a
published text with "[redacted: personal data]" and records who, what, why and when.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from insource.core.audit import Actor
from insource.reviews.models import Evidence
from insource.reviews.uploads import check_evidence_file, evidence_delete_orphan, evidence_store
from insource.transparency.models import (
    REDACTED,
    EventKind,
    InformationRequest,
    Redaction,
    RedactionTarget,
    RequestAttachment,
    RequestEvent,
    RequestState,
)
from insource.transparency.requests.services.core import (
    RequestActionRefused,
    request_record,
    require_text,
    step_check,
)

S = RequestState


@dataclass(frozen=True)
class AttachmentUpload:
    """A file sent with a response: its title, the upload, and whether it is published."""

    title: str
    file: object
    is_public: bool = True


def _in_use(name: str) -> bool:
    return (
        RequestAttachment.objects.filter(storage_name=name).exists()
        or Evidence.objects.filter(storage_name=name).exists()
    )


def with_files(uploads, work):
    """Check and store every upload, run `work(stored)`; remove the copies if it fails."""
    stored = []
    try:
        for upload in uploads:
            checked = check_evidence_file(upload.file)
            stored.append((upload, evidence_store(checked, upload.file), checked))
        return work(stored)
    except BaseException:
        for _upload, name, _checked in stored:
            evidence_delete_orphan(name, is_referenced=_in_use)
        raise


def attach(request, event, stored, *, by: Actor, at: datetime) -> None:
    for upload, name, checked in stored:
        RequestAttachment.objects.create(
            request=request,
            event=event,
            title=upload.title.strip() or checked.original_name,
            storage_name=name,
            original_name=checked.original_name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            is_public=upload.is_public,
            added_at=at,
            added_by_label=by.label,
        )


def _redaction_text(request: InformationRequest, target: str, event) -> str:
    if target == RedactionTarget.TITLE:
        return request.public_title
    if target == RedactionTarget.TEXT:
        return request.public_text
    if target == RedactionTarget.EVENT and event is not None and event.request_id == request.pk:
        return event.public_text
    raise RequestActionRefused("Choose the text to redact")


@transaction.atomic
def request_redact(
    *,
    request: InformationRequest,
    target: str,
    span: str,
    what: str,
    why: str,
    by: Actor,
    at: datetime,
    user=None,
    event: RequestEvent | None = None,
) -> Redaction:
    """Replace every occurrence of `span` in a published text with "[redacted: personal
    data]", recording who, what, why and when (the removed words are not kept)."""
    step_check(request, "redact", by=by, at=at)
    text = _redaction_text(request, target, event)
    span = span.strip()
    if not span:
        raise RequestActionRefused("Enter the words to redact, exactly as they appear")
    what = require_text(what, "Say what the redacted words are, e.g. a resident's address")
    why = require_text(why, "Say why they are redacted")
    if span not in text:
        raise RequestActionRefused("The words to redact are not in that text: copy them exactly")
    count, new = text.count(span), text.replace(span, REDACTED)
    fields = {}
    if target == RedactionTarget.TITLE:
        fields["public_title"] = new
    elif target == RedactionTarget.TEXT:
        fields["public_text"] = new
    else:
        RequestEvent._base_manager.filter(pk=event.pk).update(public_text=new)
    redaction = Redaction.objects.create(
        request=request,
        target=target,
        event=event if target == RedactionTarget.EVENT else None,
        what=what[:300],
        why=why,
        removed_sha256=hashlib.sha256(span.encode()).hexdigest(),
        num_replaced=count,
        by_label=by.label,
        by_user=user,
        at=at,
    )
    request_record(
        request,
        kind=EventKind.REDACTED,
        by=by,
        at=at,
        fields=fields,
        private_note=why,
        is_public=False,
        details={"redaction": redaction.pk, "target": target, "what": what, "num": count},
    )
    return redaction
