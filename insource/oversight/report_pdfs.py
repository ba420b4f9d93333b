"""What a quarterly report's page shows of its PDF (ADR 0054), published or draft: made (a link
to it), being made (the job's progress), or not made (its job failed or its worker stopped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from insource.core.jobs import job_is_lost, job_progress_of
from insource.core.models import JobRun
from insource.core.progress import Progress, progress_of
from insource.oversight.tasks import KIND, Document, pdf_subject

MADE, MAKING, FAILED = "made", "making", "failed"


@dataclass(frozen=True)
class PdfState:
    state: str  # MADE, MAKING, FAILED, or "" when no PDF was asked for
    document: Document | None = None
    progress: Progress | None = None

    @property
    def as_progress(self) -> Progress:
        """For the page's script: the job's progress, or finished when nothing is being made."""
        return self.progress or progress_of(done=0, total=0, finished=True, status=self.state)


def pdf_state(document: Document | None, *, now: datetime) -> PdfState:
    """Where the PDF of a report (or of a draft) is."""
    if document is None:
        return PdfState("")
    if document.pdf_sha256:
        return PdfState(MADE, document)
    job = JobRun.objects.filter(kind=KIND, subject=pdf_subject(document)).first()
    if job is None or job.is_finished or job_is_lost(job, now=now):  # finished, yet no PDF
        return PdfState(FAILED, document)
    return PdfState(MAKING, document, job_progress_of(job, now=now))
