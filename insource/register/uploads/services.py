"""Writes of a browser upload: stage the file, check it (a dry run through the import service),
start the import in the background, and the import itself (the task's body). Every step is
audited; the import is the command line's, all or nothing, with its options (ADR 0032)."""

from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.register.services.imports import ImportOptions, ImportSummary, register_import
from insource.register.uploads import files
from insource.register.uploads.columns import guess_columns, upload_mapping
from insource.register.uploads.models import RegisterMapping, RegisterUpload
from insource.register.uploads.report import outcome_report, own_contracts_only

logger = logging.getLogger(__name__)
Status = RegisterUpload.Status
NAME_LENGTH = 200


def upload_stage(*, authority, name: str, content: bytes, user, by: Actor, at: datetime):
    """Store the file under a random name and read its headings and first rows; raises
    `files.UploadFileError` (nothing kept) for a file that cannot be used."""
    sniffed = files.sniff(content)
    token = files.new_token()
    path = files.store(token, sniffed.suffix, content)
    try:
        headings, preview = (
            files.headings_and_preview(path) if sniffed.format == "tabular" else ([], [])
        )
    except files.UploadFileError:
        files.discard(token, sniffed.suffix)
        raise
    saved = RegisterMapping.objects.filter(authority=authority).first()
    with transaction.atomic():
        upload = RegisterUpload.objects.create(
            token=token,
            authority=authority,
            name=_shown_name(name),
            suffix=sniffed.suffix,
            format=sniffed.format,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            headings=headings,
            preview=preview,
            columns=guess_columns(headings, saved.columns if saved else None),
            user=user,
            uploaded_by=by.label,
            uploaded_at=at,
        )
        audit_record(
            by=by,
            at=at,
            action="register.upload_stage",
            obj=upload,
            authority=authority,
            after={"name": upload.name, "size": upload.size, "sha256": upload.sha256},
        )
    return upload


def _shown_name(name: str) -> str:
    """The file's own name, only ever shown: no folders, no control characters, short."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(c for c in base if c.isprintable())[:NAME_LENGTH] or "register"


def upload_check(*, upload, columns: dict[str, str] | None, by: Actor, at: datetime, on: date):
    """Keep the chosen columns (saved for the authority's next file) and run the import as a
    dry run: what would be created, updated, left unchanged and refused, row by row."""
    if upload.format == "tabular":
        upload.columns = dict(columns or {})
        RegisterMapping.objects.update_or_create(
            authority=upload.authority,
            defaults={"columns": upload.columns, "updated_at": at, "updated_by": by.label},
        )
    summary = _safely(upload, by=by, at=at, on=on, dry_run=True)
    upload.checked = outcome_report(summary, upload)
    upload.status = Status.CHECKED if summary.status == "succeeded" else Status.FAILED
    upload.message = upload.checked["failed"]
    with transaction.atomic():
        upload.save(update_fields=["columns", "checked", "status", "message"])
        audit_record(
            by=by,
            at=at,
            action="register.upload_check",
            obj=upload,
            authority=upload.authority,
            after={"columns": upload.columns, "counts": upload.checked["counts"]},
        )
    return upload


def upload_start(*, upload, by: Actor, at: datetime) -> bool:
    """Queue the import (once: a second press changes nothing); False if already started."""
    from insource.register.uploads.tasks import import_register_upload

    with transaction.atomic():
        started = RegisterUpload.objects.filter(pk=upload.pk, status=Status.CHECKED).update(
            status=Status.QUEUED
        )
        if started:
            audit_record(
                by=by, at=at, action="register.upload_start", obj=upload, authority=upload.authority
            )
    if started:
        files.write_progress(upload.token, 0, upload.checked.get("counts", {}).get("rows", 0))
        result = import_register_upload.enqueue(upload.pk, at.isoformat())
        RegisterUpload.objects.filter(pk=upload.pk).update(task_id=str(result.id))
    return bool(started)


def upload_import(*, upload_id: int, at: datetime, on: date) -> RegisterUpload | None:
    """The background task's body: import the staged file all or nothing, keep the report,
    remove the staged file. `at` is when the officer started it (ADR 0054)."""
    upload = RegisterUpload.objects.select_related("authority").filter(pk=upload_id).first()
    if upload is None or upload.status != Status.QUEUED:
        return upload
    upload.status, upload.started_at = Status.RUNNING, at
    upload.save(update_fields=["status", "started_at"])
    by = Actor(label=upload.uploaded_by, user_id=upload.user_id)
    summary = _safely(upload, by=by, at=at, on=on, dry_run=False)
    return _finish(upload, summary, by=by, at=at)


def _safely(upload, *, by: Actor, at: datetime, on: date, dry_run: bool) -> ImportSummary:
    """The import's summary; a fault in Insource itself (the transaction rolled back) is a
    failed summary that says so, never an error page or a lost task."""
    try:
        return _import(upload, by=by, at=at, on=on, dry_run=dry_run)
    except Exception:
        logger.exception("register upload %s failed", upload.pk)
        message = _(
            "Insource could not finish this import. Nothing was changed. Try again, or tell"
            " your administrator"
        )
        return ImportSummary.failed(upload.name, upload.format, upload.name, message)


def _finish(upload, summary: ImportSummary, *, by: Actor, at: datetime):
    upload.report = outcome_report(summary, upload)
    upload.status = Status.SUCCEEDED if summary.status == "succeeded" else Status.FAILED
    upload.message = upload.report["failed"]
    upload.import_run_id = summary.run_id
    upload.finished_at = at
    with transaction.atomic():
        upload.save(update_fields=["report", "status", "message", "import_run", "finished_at"])
        audit_record(
            by=by,
            at=at,
            action="register.upload_import",
            obj=upload,
            authority=upload.authority,
            after={"status": upload.status, "counts": upload.report["counts"]},
            reason=upload.message,
        )
    files.discard(upload.token, upload.suffix)
    return upload


def _import(upload, *, by: Actor, at: datetime, on: date, dry_run: bool) -> ImportSummary:
    total = upload.checked.get("counts", {}).get("rows", 0)
    options = ImportOptions(
        source=f"upload {upload.token}: {upload.name}",
        buyer=upload.authority,
        screen=own_contracts_only(upload.authority),
        keep_good_rows=True,
        dry_run=dry_run,
        progress_every=max(1, total // 50),
        outcomes=True,  # the upload's report, row by row
    )
    tabular = upload.format == "tabular"
    mapping = upload_mapping(upload.authority, upload.columns) if tabular else None
    return register_import(
        path=files.staged_path(upload.token, upload.suffix),
        by=by,
        at=at,
        on=on,
        fmt=upload.format,
        mapping=mapping,
        progress=None if dry_run else lambda done: files.write_progress(upload.token, done, total),
        options=options,
    )


def uploads_lost(ids: set[str], now: datetime) -> int:
    """Uploads whose worker stopped before the import finished, marked failed (ADR 0054):
    an import is one transaction, so nothing was changed."""
    unfinished = RegisterUpload.objects.filter(
        task_id__in=ids, status__in=(Status.QUEUED, Status.RUNNING)
    )
    message = _("The worker stopped before the import finished. Nothing was changed.")
    return unfinished.update(status=Status.FAILED, message=str(message), finished_at=now)
