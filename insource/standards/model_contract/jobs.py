"""Generating a model contract in the background (ADR 0054): Generate checks at once that the
contract may have one, then queues the job (queue "pdf"); the worker makes the next version
(Word and PDF from the same data) with the time Generate was pressed, and the page shows the
job's progress until the new version is listed."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django_tasks import task

from insource.core.audit import Actor
from insource.core.jobs import PDF, JobRefused, job_is_lost, job_queue, job_run, moment
from insource.core.models import JobRun
from insource.core.progress import Progress, progress_of
from insource.register.models import Contract
from insource.standards.model_contract.services import (
    ModelContractRefused,
    model_contract_check,
    model_contract_generate,
)

KIND = "model-contract"


def _subject(contract) -> str:
    return f"contract {contract.pk}"


def model_contract_queue(*, authority, contract, user, by: Actor, at: datetime) -> JobRun:
    """Refuse at once a contract that may not have one (ModelContractRefused); otherwise queue
    the generation (done when this returns in tests)."""
    model_contract_check(authority=authority, contract=contract)
    return job_queue(
        task=make_model_contract,
        kind=KIND,
        by=by,
        at=at,
        user=user,
        subject=_subject(contract),
        authority=authority,
        params={"contract": contract.pk},
    )


@task(queue_name=PDF)
def make_model_contract(job_id: int, at: str) -> str:
    """Generate the contract's next model contract; its version number."""

    def work(job: JobRun) -> dict:
        contract = Contract.objects.get(pk=job.params["contract"])
        user = get_user_model().objects.filter(pk=job.user_id).first()
        try:
            made = model_contract_generate(
                authority=job.authority,
                contract=contract,
                user=user,
                by=Actor(label=job.by, user_id=job.user_id),
                at=moment(at),
            )
        except ModelContractRefused as refused:
            raise JobRefused(str(refused)) from None
        return {"number": made.number}

    return job_run(job_id, work)


def model_contract_job(*, authority, contract) -> JobRun | None:
    """The contract's latest generation job."""
    return JobRun.objects.filter(kind=KIND, authority=authority, subject=_subject(contract)).first()


def job_progress(job: JobRun, *, now: datetime) -> Progress:
    from django.utils.translation import gettext as _

    finished = job.is_finished or job_is_lost(job, now=now)
    waiting = job.status == JobRun.Status.QUEUED
    text = _("Waiting to start.") if waiting else _("Making the Word and PDF files.")
    return progress_of(done=0, total=0, finished=finished, status=job.status, text=str(text))
