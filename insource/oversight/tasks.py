"""The published quarterly report's PDF, made by the worker (ADR 0054): publishing records the
report at once and queues this job (queue "pdf"); the worker renders the frozen content to PDF
and keeps it, once. Until then the report's pages say the PDF is being prepared. A draft's PDF
(the figures as they stand) is still drawn when asked for: it changes until published."""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task

from insource.core.audit import Actor, audit_record
from insource.core.jobs import PDF, job_queue, job_run, moment
from insource.core.models import JobRun
from insource.core.pdf import html_to_pdf
from insource.oversight.models import AuditReport
from insource.oversight.presenters import report_shown

KIND = "audit-report-pdf"


def report_pdf(context: dict) -> bytes:
    """A report's PDF from the report page's context."""
    return html_to_pdf(render_to_string("oversight/report_pdf.html", context))


def audit_report_pdf_queue(*, report: AuditReport, by: Actor, at: datetime, user=None) -> JobRun:
    """Queue the making of a published report's PDF (made when this returns in tests)."""
    return job_queue(
        task=make_audit_report_pdf,
        kind=KIND,
        by=by,
        at=at,
        user=user,
        subject=f"audit report {report.pk} ({report.quarter})",
        authority=report.authority,
        params={"report": report.pk},
    )


@task(queue_name=PDF)
def make_audit_report_pdf(job_id: int, at: str) -> str:
    """Render the published report's PDF and keep it; its size in bytes."""

    def work(job: JobRun) -> dict:
        report = AuditReport.objects.select_related("authority").get(pk=job.params["report"])
        if report.pdf_sha256:
            return {"bytes": len(report.pdf)}
        context = {"report": report_shown(report.content), "published": report, "public": True}
        made = report_pdf(context)
        by = Actor(label=job.by, user_id=job.user_id)
        audit_report_pdf_attach(report=report, pdf=made, by=by, at=moment(at))
        return {"bytes": len(made)}

    return job_run(job_id, work)


@transaction.atomic
def audit_report_pdf_attach(*, report: AuditReport, pdf: bytes, by: Actor, at: datetime) -> bool:
    """Keep a published report's PDF: written once; False if it already had one."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    unmade = AuditReport.objects.filter(pk=report.pk, pdf_sha256="")
    if not unmade.update(pdf=pdf, pdf_sha256=sha256):
        return False
    audit_record(
        by=by,
        at=at,
        action="audit_report.pdf_made",
        obj=report,
        authority=report.authority,
        after={"quarter": report.quarter, "pdf_sha256": sha256},
    )
    return True
