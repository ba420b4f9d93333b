"""The public portal (no sign-in): find an authority or a service, an authority's page, a
contract's page with its review, its published decision and the way to ask for the information
behind it. Views parse, call selectors and present."""

from __future__ import annotations

import io

from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insource.authorities.selectors import authority_by_public_slug
from insource.register.exporters import csv as csv_export
from insource.register.exporters import xlsx as xlsx_export
from insource.register.exporters.queries import contracts_for_download
from insource.register.filters import ContractFilter
from insource.register.models import Contract
from insource.register.presenters import history, paginate, summary_rows
from insource.register.selectors import contracts as register
from insource.transparency.portal import presenters as presenters
from insource.transparency.portal import sitemaps

# The most rows "Download these results" gives; the whole register is the open data's.
DOWNLOAD_MAX_ROWS = 10_000


def contracts(request):
    """Search and filter the whole register; paginated; the URL is the shareable link."""
    found = ContractFilter(request.GET, queryset=register.contract_list())
    return _search_page(request, found)


def _search_page(request, found: ContractFilter, *, status: int = 200, refused: str = ""):
    page, page_range = paginate(request, found.qs)
    query = request.GET.copy()
    query.pop("page", None)
    count = page.paginator.count
    context = {
        "filter": found,
        "form": found.form,
        "page_obj": page,
        "page_range": page_range,
        "detail_url": "portal:contract",
        "nav_portal": True,
        "download_query": query.urlencode(),
        "download_refused": refused or (too_many(count) if count > DOWNLOAD_MAX_ROWS else ""),
    }
    return render(request, "transparency/portal/contracts.html", context, status=status)


def too_many(count: int) -> str:
    return ngettext(
        "These results have %(count)s contract. A download holds at most %(max)s: narrow "
        "the search, or take the whole register from the open data downloads.",
        "These results have %(count)s contracts. A download holds at most %(max)s: narrow "
        "the search, or take the whole register from the open data downloads.",
        count,
    ) % {"count": f"{count:,}", "max": f"{DOWNLOAD_MAX_ROWS:,}"}


def _download(request, write):
    """The search's results as a file, or the search page (400) saying why not."""
    found = ContractFilter(request.GET, queryset=contracts_for_download())
    if not found.is_valid():
        listed = ContractFilter(request.GET, queryset=register.contract_list())
        return _search_page(request, listed, status=400)
    count = found.qs.count()
    if count > DOWNLOAD_MAX_ROWS:
        listed = ContractFilter(request.GET, queryset=register.contract_list())
        return _search_page(request, listed, status=400, refused=too_many(count))
    return write(found.qs)


def contracts_csv(request):
    """The search's results as CSV (the register's columns, with a byte-order mark)."""

    def write(contracts):
        body = csv_export.with_bom(csv_export.register_csv(contracts))
        response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="contracts.csv"'
        return response

    return _download(request, write)


def contracts_xlsx(request):
    """The search's results as an Excel workbook (the same columns as the CSV)."""

    def write(contracts):
        out = io.BytesIO()
        xlsx_export.register_xlsx(contracts, out)
        response = HttpResponse(out.getvalue(), content_type=xlsx_export.CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="contracts.xlsx"'
        return response

    return _download(request, write)


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


def robots_txt(request):
    """robots.txt: crawl the public site, not officers' pages, the admin or heavy downloads."""
    text = sitemaps.robots_txt(request.build_absolute_uri(reverse("sitemap")))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def sitemap(request):
    """sitemap.xml: every public page, or (over 50,000 URLs) an index of the sections' pages."""
    if sitemaps.url_count() > sitemaps.MAX_URLS:
        return sitemap_views.index(request, sitemaps.SITEMAPS, sitemap_url_name="sitemap-section")
    return sitemap_views.sitemap(request, sitemaps.SITEMAPS)


def sitemap_section(request, section: str):
    """One page of one section of the sitemap (what the index lists); ?p= is the page."""
    return sitemap_views.sitemap(request, sitemaps.SITEMAPS, section=section)
