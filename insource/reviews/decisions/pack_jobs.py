"""The decision pack's PDF, made by the worker (ADR 0054): publishing records the publication
and its HTML at once and queues this job (queue "pdf"); the worker renders the PDF from the
published HTML, so the two always match, and keeps it once. Until then the public pack page
says the PDF is being prepared and the officer's review page shows the job's state."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from insource.core.audit import Actor
from insource.core.jobs import PDF, job_is_lost, job_queue, job_run, moment
from insource.core.models import JobRun
from insource.reviews.decisions.pack import pack_pdf
from insource.reviews.models import Publication
from insource.reviews.services.decisions import publication_pdf_attach

KIND = "decision-pack"


def _subject(publication: Publication) -> str:
    return f"publication {publication.pk}"


def decision_pack_queue(*, publication: Publication, by: Actor, at: datetime, user=None):
    """Queue the making of a publication's PDF; with the immediate backend it is made when
    this returns."""
    return job_queue(
        task=make_decision_pack,
        kind=KIND,
        by=by,
        at=at,
        user=user,
        subject=_subject(publication),
        authority=publication.decision.authority,
        params={"publication": publication.pk},
    )


@task(queue_name=PDF)
def make_decision_pack(job_id: int, at: str) -> str:
    """Render the published pack's PDF and keep it; its size in bytes."""

    def work(job: JobRun) -> dict:
        publication = Publication.objects.select_related("decision__authority").get(
            pk=job.params["publication"]
        )
        if publication.has_pdf:
            return {"bytes": len(publication.pack_pdf)}
        made = pack_pdf(publication.decision, publication.pack_html)
        by = Actor(label=job.by, user_id=job.user_id)
        publication_pdf_attach(publication=publication, pdf=made, by=by, at=moment(at))
        return {"bytes": len(made)}

    return job_run(job_id, work)


def pack_state(publication: Publication | None, *, now: datetime) -> str:
    """Where the pack's PDF is: "made", "waiting", "making", "failed" (or "" unpublished)."""
    if publication is None:
        return ""
    if publication.has_pdf:
        return "made"
    job = JobRun.objects.filter(kind=KIND, subject=_subject(publication)).first()
    if job is None or job.status == JobRun.Status.FAILED or job_is_lost(job, now=now):
        return "failed"
    return "waiting" if job.status == JobRun.Status.QUEUED else "making"


def decision_pack_state(decision, *, now: datetime) -> str:
    """`pack_state` of a decision's publication (none: "")."""
    return pack_state(getattr(decision, "publication", None) if decision else None, now=now)


def decision_pack_remake(*, decision, by: Actor, at: datetime, user=None) -> bool:
    """Queue the PDF again when making it failed (its worker died, or it raised); False when
    there is nothing to remake."""
    if decision_pack_state(decision, now=at) != "failed":
        return False
    decision_pack_queue(publication=decision.publication, by=by, at=at, user=user)
    return True
