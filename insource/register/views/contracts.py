"""The register list, one contract's page, and what needs an officer."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from insource.authorities.access import OfficerPage, officer_page
from insource.core import panels
from insource.register.filters import ContractFilter
from insource.register.models import Contract
from insource.register.presenters import history, paginate, provenance, summary_rows
from insource.register.selectors import buyer_names, contracts
from insource.register.selectors.authority_choices import query_with_own_authority


@officer_page()
def contract_list(request, page: OfficerPage):
    """The register: filters beside a table of contracts, 50 a page (an officer of one authority
    sees its contracts first, as the pipeline does)."""
    query = query_with_own_authority(request.GET, request.user)
    found = ContractFilter(query, queryset=contracts.contract_list())
    listed, page_range = paginate(request, found.qs)
    context = {
        "filter": found,
        "form": found.form,
        "page_obj": listed,
        "page_range": page_range,
        "add_for": contracts.authorities_adding_contracts(request.user),
        "nav_register": True,
    }
    return render(request, "register/contract_list.html", context)


@officer_page()
def contract_detail(request, page: OfficerPage, pk: int):
    """One contract: its fields with provenance and corrections, suppliers, flags and history."""
    try:
        contract = contracts.contract_get(pk)
    except Contract.DoesNotExist:
        raise Http404(_("No contract has that number")) from None
    context = {
        "contract": contract,
        "rows": summary_rows(contract),
        "history": history(contract),
        "provenance": provenance(contract),
        "is_successor": contract.buyer_id != contract.reviewing_authority_id,
        "editor_code": contracts.contract_editor_code(request.user, contract),
        "panels": panels.collect("contract.detail", contract=contract, on=page.on),
        "nav_register": True,
    }
    return render(request, "register/contract_detail.html", context)


@officer_page()
def queue(request, page: OfficerPage):
    """What needs an officer: data-quality checks with counts, and buyer names to confirm."""
    context = {
        "flags": contracts.quality_flag_counts(),
        "buyer_names": buyer_names.buyer_names_to_confirm(request.user)[:200],
        "nav_queue": True,
    }
    return render(request, "register/queue.html", context)
