"""The background task that imports an upload (ADR 0031): its argument is the upload's id."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from insource.register.uploads.services import upload_import


@task()
def import_register_upload(upload_id: int) -> str:
    """Import the checked upload; its page shows the progress and the outcome."""
    upload = upload_import(upload_id=upload_id, at=timezone.now(), on=timezone.localdate())
    return upload.status if upload else "gone"
