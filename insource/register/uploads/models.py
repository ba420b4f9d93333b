"""An authority's uploads of its register and the column mapping it saved for next time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisterMapping(models.Model):
    """Which column of an authority's register file holds each register field, as last saved."""

    authority = models.OneToOneField(
        "authorities.Authority", on_delete=models.CASCADE, related_name="register_mapping"
    )
    columns = models.JSONField(default=dict)  # field -> column heading
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"register columns of {self.authority_id}"


class RegisterUpload(models.Model):
    """One file an officer uploaded: staged, checked (a dry run), then imported in the
    background. The file's own name is only shown; it is stored under `token`."""

    class Status(models.TextChoices):
        STAGED = "staged", _("Columns not chosen yet")
        CHECKED = "checked", _("Checked, not imported")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        SUCCEEDED = "succeeded", _("Imported")
        FAILED = "failed", _("Failed: nothing changed")

    class Format(models.TextChoices):
        TABULAR = "tabular", _("Spreadsheet (CSV or XLSX)")
        OCDS = "ocds", _("Open Contracting Data Standard (JSON)")

    token = models.CharField(max_length=32, unique=True)
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="register_uploads"
    )
    name = models.CharField(max_length=200)
    suffix = models.CharField(max_length=8)
    format = models.CharField(max_length=20, choices=Format.choices)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    headings = models.JSONField(default=list, blank=True)
    preview = models.JSONField(default=list, blank=True)
    columns = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.STAGED)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_by = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField()
    checked = models.JSONField(default=dict, blank=True)  # the dry run: counts and rows
    report = models.JSONField(default=dict, blank=True)  # the import: counts and rows
    message = models.TextField(blank=True)  # why it failed, in plain words
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    import_run = models.ForeignKey(
        "register.ImportRun", null=True, blank=True, on_delete=models.SET_NULL
    )
    task_id = models.CharField(max_length=64, blank=True)  # the queue's task (ADR 0054)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"
