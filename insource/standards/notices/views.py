"""Officers' pages of Procurement Act notices: the kinds for a contract, one draft (readable,
with what is missing, and its JSON to download), and the authority's pipeline notice. Drafting
writes nothing: an officer checks the draft and files it on the Central Digital Platform."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from insource.authorities.access import AuthorityPage, authority_page
from insource.register.naming import contract_service_name
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.standards.notices import presenters as present
from insource.standards.notices.drafts import NoticeError, notice_draft
from insource.standards.notices.kinds import KINDS

NAV = {"nav_standards": True}


@authority_page()
def contract_notices(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    kinds = [k for k in KINDS.values() if k.for_contract]
    context = {
        "access": page.access,
        "contract": contract,
        "name": contract_service_name(contract),
        "kinds": kinds,
        **NAV,
    }
    return render(request, "standards/notices/contract.html", context)


@authority_page()
def contract_notice(request, page: AuthorityPage, pk: int, kind: str):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    if kind not in KINDS or not KINDS[kind].for_contract:
        raise Http404("No such notice")
    draft = notice_draft(kind, authority=page.authority, contract=contract, at=page.at)
    if request.GET.get("format") == "json":
        return _download(draft, f"{kind}-contract-{contract.pk}.json")
    context = {
        "access": page.access,
        "contract": contract,
        "name": contract_service_name(contract),
        "draft": draft,
        "rows": present.contract_rows(draft),
        **NAV,
    }
    return render(request, "standards/notices/notice.html", context)


@authority_page()
def pipeline_notice(request, page: AuthorityPage):
    try:
        draft = notice_draft("uk1", authority=page.authority, at=page.at)
    except NoticeError as exc:  # before the Act was in force: nothing to draft
        raise Http404(str(exc)) from None
    if request.GET.get("format") == "json":
        return _download(draft, f"uk1-{page.authority.code.lower()}.json")
    context = {
        "access": page.access,
        "draft": draft,
        "rows": present.pipeline_rows(draft),
        "entries": draft.pipeline.entries,
        **NAV,
    }
    return render(request, "standards/notices/notice.html", context)


def _download(draft, filename: str) -> HttpResponse:
    response = HttpResponse(draft.json_bytes(), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
