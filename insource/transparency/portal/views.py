"""The public portal (no sign-in): find an authority or a service, an authority's page, a
contract's page with its review, its published decision and the way to ask for the information
behind it. Views parse, call selectors and present."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.selectors import authority_by_public_slug
from insource.register import selectors as register
from insource.register.filters import ContractFilter
from insource.register.models import Contract
from insource.register.views import history, paginate, summary_rows
from insource.transparency.portal import presenters as presenters


def contracts(request):
    """Search and filter the whole register; paginated; the URL is the shareable link."""
    found = ContractFilter(request.GET, queryset=register.contract_list())
    page, page_range = paginate(request, found.qs)
    context = {
        "filter": found,
        "form": found.form,
        "page_obj": page,
        "page_range": page_range,
        "detail_url": "portal:contract",
        "nav_portal": True,
    }
    return render(request, "transparency/portal/contracts.html", context)


def authorities(request):
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(register.authorities_public(query), 50).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "nav_portal": True,
    }
    return render(request, "transparency/portal/authorities.html", context)


def authority(request, slug: str):
    found = authority_by_public_slug(slug)
    if found is None:
        raise Http404(_("No authority has that name in the register"))
    context = presenters.authority_page(found, on=timezone.localdate())
    return render(request, "transparency/portal/authority.html", context)


def contract(request, pk: int):
    try:
        found = register.contract_get(pk)
    except Contract.DoesNotExist:
        raise Http404(_("No contract has that number")) from None
    context = presenters.contract_page(found, on=timezone.localdate())
    context.update(rows=summary_rows(found), history=history(found))
    return render(request, "transparency/portal/contract.html", context)
