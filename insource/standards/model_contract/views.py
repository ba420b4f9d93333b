"""The model contract pages: a continuing contract's generated documents (generate, download,
verify) and the authority's clause library (versions, history, a legal officer's edits).
Views parse, call one service or selector, and present; every read takes the authority."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from insource.authorities.roles import Capability
from insource.core.views import who_and_when
from insource.register.selectors import contract_get_for_reviewer
from insource.reviews.views import access_or_404
from insource.standards.model_contract import presenters, selectors
from insource.standards.model_contract.services import (
    ModelContractRefused,
    model_contract_generate,
)
from insource.standards.model_contract.verify import model_contract_verify

FORMATS = ("docx", "pdf")


def _contract_or_404(access, pk: int):
    contract = contract_get_for_reviewer(authority=access.authority, pk=pk)
    if contract is None:
        raise Http404("No such contract among this authority's")
    return contract


def _document_or_404(access, pk: int, with_files: bool = False):
    found = selectors.model_contract_get(authority=access.authority, pk=pk, with_files=with_files)
    if found is None:
        raise Http404("No such model contract")
    return found


@login_required
def model_contract(request, code: str, pk: int):
    """The contract's model contract: the decision it rests on, versions, Generate."""
    access = access_or_404(request, code)
    contract = _contract_or_404(access, pk)
    error = ""
    if request.method == "POST":
        access_or_404(request, code, Capability.GENERATE_MODEL_CONTRACT)
        by, at = who_and_when(request)
        try:
            made = model_contract_generate(
                authority=access.authority, contract=contract, user=request.user, by=by, at=at
            )
        except ModelContractRefused as refused:
            error = str(refused)
        else:
            url = reverse("standards:model-contract", args=[code, pk])
            return redirect(f"{url}?generated={made.number}#documents")
    overview = selectors.model_contract_overview(authority=access.authority, contract=contract)
    context = {
        "access": access,
        "contract": contract,
        "overview": overview,
        "decision": presenters.decision_summary(overview.decision),
        "error": error,
        "generated": request.GET.get("generated", "")[:6],
        "can_generate": access.can(Capability.GENERATE_MODEL_CONTRACT),
    }
    template = "standards/model_contract/page.html"
    return render(request, template, context, status=400 if error else 200)


@login_required
def download(request, code: str, pk: int, fmt: str):
    """One generated file, as Word or PDF, with its name and checksum."""
    access = access_or_404(request, code)
    if fmt not in FORMATS:
        raise Http404("Model contracts are in Word (docx) or PDF (pdf)")
    document = _document_or_404(access, pk, with_files=True)
    response = HttpResponse(
        bytes(getattr(document, fmt)), content_type=presenters.CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{presenters.file_name(document, fmt)}"'
    )
    response["X-Content-SHA256"] = getattr(document, f"{fmt}_sha256")
    return response


@login_required
def verify(request, code: str, pk: int):
    """Regenerate a document from its stored clause versions and data, and compare."""
    access = access_or_404(request, code)
    document = _document_or_404(access, pk, with_files=True)
    context = {
        "access": access,
        "document": document,
        "result": model_contract_verify(document=document),
    }
    return render(request, "standards/model_contract/verify.html", context)
