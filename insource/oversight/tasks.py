"""A quarterly report's PDF, made by the worker (ADR 0054), published or draft alike: publishing
records the report at once, and asking for a draft's PDF freezes the figures as they stand;
either queues this job (queue "pdf"); the worker renders the frozen content to PDF and keeps it
with it, once. Until then the report's page shows the job's progress."""

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
from insource.oversight.models import AuditReport, AuditReportDraft
from insource.oversight.presenters import report_shown

KIND = "audit-report-pdf"
Document = AuditReport | AuditReportDraft


def report_pdf(context: dict) -> bytes:
    """A report's PDF from the report page's context."""
    return html_to_pdf(render_to_string("oversight/report_pdf.html", context))


def pdf_subject(document: Document) -> str:
    """What the job is about, by which its page finds it."""
    kind = "report draft" if isinstance(document, AuditReportDraft) else "report"
    return f"audit {kind} {document.pk} ({document.quarter})"


def audit_report_pdf_queue(*, report: Document, by: Actor, at: datetime, user=None) -> JobRun:
    """Queue the making of a published report's PDF or a draft's (made when this returns in
    tests)."""
    kind = "draft" if isinstance(report, AuditReportDraft) else "report"
    return job_queue(
        task=make_audit_report_pdf,
        kind=KIND,
        by=by,
        at=at,
        user=user,
        subject=pdf_subject(report),
        authority=report.authority,
        params={kind: report.pk},
    )


def _document(job: JobRun) -> tuple[Document, dict]:
    """The report or draft a job makes the PDF of, and the context its PDF is drawn with."""
    if "draft" in job.params:
        draft = AuditReportDraft.objects.select_related("authority").get(pk=job.params["draft"])
        return draft, {"report": report_shown(draft.content), "draft": draft}
    report = AuditReport.objects.select_related("authority").get(pk=job.params["report"])
    return report, {"report": report_shown(report.content), "published": report, "public": True}


@task(queue_name=PDF)
def make_audit_report_pdf(job_id: int, at: str) -> str:
    """Render the report's (or the draft's) PDF and keep it; its size in bytes."""

    def work(job: JobRun) -> dict:
        document, context = _document(job)
        if document.pdf_sha256:
            return {"bytes": len(document.pdf)}
        made = report_pdf(context)
        by = Actor(label=job.by, user_id=job.user_id)
        audit_report_pdf_attach(report=document, pdf=made, by=by, at=moment(at))
        return {"bytes": len(made)}

    return job_run(job_id, work)


@transaction.atomic
def audit_report_pdf_attach(*, report: Document, pdf: bytes, by: Actor, at: datetime) -> bool:
    """Keep a report's (or a draft's) PDF: written once; False if it already had one."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    unmade = type(report).objects.filter(pk=report.pk, pdf_sha256="")
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
