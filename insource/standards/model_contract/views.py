"""The model contract pages: a continuing contract's generated documents (generate, download,
verify) and the authority's clause library (versions, history, a legal officer's edits).
Views parse, call one service or selector, and present; every read takes the authority."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core.progress import progress_json
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.standards.model_contract import jobs, presenters, selectors
from insource.standards.model_contract.services import ModelContractRefused
from insource.standards.model_contract.verify import model_contract_verify

FORMATS = ("docx", "pdf")


@authority_page(Capability.READ, write=Capability.GENERATE_MODEL_CONTRACT)
def model_contract(request, page: AuthorityPage, pk: int):
    """The contract's model contract: the decision it rests on, versions, Generate."""
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    error = ""
    if request.method == "POST":
        try:
            job = jobs.model_contract_queue(
                authority=page.authority,
                contract=contract,
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except ModelContractRefused as refused:
            error = str(refused)
        else:
            url = reverse("standards:model-contract", args=[page.code, pk])
            made = job.counts.get("number")  # made already when tasks run at once
            return redirect(f"{url}?generated={made}#documents" if made else f"{url}#progress")
    overview = selectors.model_contract_overview(authority=page.authority, contract=contract)
    job = jobs.model_contract_job(authority=page.authority, contract=contract)
    context = {
        "access": page.access,
        "contract": contract,
        "overview": overview,
        "decision": presenters.decision_summary(overview.decision),
        "error": error,
        "generated": request.GET.get("generated", "")[:6],
        "can_generate": page.can(Capability.GENERATE_MODEL_CONTRACT),
        "job": job,
        "progress": jobs.job_progress(job, now=page.at) if job else None,
    }
    template = "standards/model_contract/page.html"
    return render(request, template, context, status=400 if error else 200)


@authority_page()
def generation_progress(request, page: AuthorityPage, pk: int):
    """The progress of the contract's latest generation, for the page's script (ADR 0054)."""
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    job = jobs.model_contract_job(authority=page.authority, contract=contract)
    if job is None:
        raise Http404("No model contract is being generated")
    return progress_json(jobs.job_progress(job, now=page.at))


@authority_page()
def download(request, page: AuthorityPage, pk: int, fmt: str):
    """One generated file, as Word or PDF, with its name and checksum."""
    if fmt not in FORMATS:
        raise Http404("Model contracts are in Word (docx) or PDF (pdf)")
    document = selectors.model_contract_or_404(authority=page.authority, pk=pk, with_files=True)
    response = HttpResponse(
        bytes(getattr(document, fmt)), content_type=presenters.CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{presenters.file_name(document, fmt)}"'
    )
    response["X-Content-SHA256"] = getattr(document, f"{fmt}_sha256")
    return response


@authority_page()
def verify(request, page: AuthorityPage, pk: int):
    """Regenerate a document from its stored clause versions and data, and compare."""
    document = selectors.model_contract_or_404(authority=page.authority, pk=pk, with_files=True)
    context = {
        "access": page.access,
        "document": document,
        "result": model_contract_verify(document=document),
    }
    return render(request, "standards/model_contract/verify.html", context)
