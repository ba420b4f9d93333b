"""The background task that imports an upload (ADR 0031, 0054): its arguments are the upload's
id and the time the officer started it (ISO text); it reads no clock. Queue "imports"."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from insource.core.jobs import IMPORTS, moment
from insource.register.uploads.services import upload_import


@task(queue_name=IMPORTS)
def import_register_upload(upload_id: int, at: str) -> str:
    """Import the checked upload; its page shows the progress and the outcome."""
    when = moment(at)
    upload = upload_import(upload_id=upload_id, at=when, on=timezone.localdate(when))
    return upload.status if upload else "gone"
