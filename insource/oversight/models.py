"""The audit committee's own records (issue 19): its published quarterly reports, frozen as
published, the drafts a PDF was asked for, and its recommendations to the authority, tracked
to closure."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditReport(models.Model):
    """A quarterly report as the committee published it: the figures and lists of the quarter,
    frozen (`content`), so the published text never changes when the register does."""

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    quarter = models.CharField(max_length=7)  # 2026-Q4
    content = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField()
    # Its PDF, made once by the worker after publication (ADR 0054): empty until then.
    pdf = models.BinaryField(default=b"", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-quarter", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "quarter"], name="one_report_a_quarter")
        ]

    def __str__(self) -> str:
        return f"Audit committee report {self.quarter} of authority {self.authority_id}"


class AuditReportDraft(models.Model):
    """A quarter's report as it stood when someone asked for a PDF of the draft: the figures
    frozen then (`content`), and the PDF the worker made of them (ADR 0054), empty until made.
    The page offers the latest; the draft itself is never published."""

    authority = models.ForeignKey("authorities.Authority", on_delete=models.CASCADE)
    quarter = models.CharField(max_length=7)
    content = models.JSONField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField()
    pdf = models.BinaryField(default=b"", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-asked_at", "-id"]
        indexes = [models.Index(fields=["authority", "quarter"], name="audit_draft_quarter")]

    def __str__(self) -> str:
        return f"Draft audit committee report {self.quarter} of authority {self.authority_id}"


class AuditRecommendation(models.Model):
    """A recommendation of the committee: who owns it, by when, the response, and its status."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted, in progress")
        REJECTED = "rejected", _("Not accepted")
        DONE = "done", _("Done")

    authority = models.ForeignKey("authorities.Authority", on_delete=models.PROTECT)
    made_on = models.DateField()
    text = models.TextField()
    owner = models.CharField(max_length=200)  # the post that owns it, e.g. "Head of waste"
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Audit recommendation {self.pk} of authority {self.authority_id}"

    def is_late(self, on) -> bool:
        """Past its due date and not closed (one rule for the page, the report and the list)."""
        return self.closed_on is None and self.due_on < on
