"""The public portal (no sign-in): find an authority or a service, an authority's page, a
contract's page with its review, its published decision and the way to ask for the information
behind it. Views parse, call selectors and present."""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.selectors import authority_by_public_slug
from insource.core import nav, page_cache
from insource.register.exporters import downloads
from insource.register.exporters.csv import REGISTER_COLUMNS
from insource.register.exporters.queries import contracts_for_download
from insource.register.filters import ContractFilter
from insource.register.models import Contract
from insource.register.presenters import history, paginate, summary_rows
from insource.register.selectors import contracts as register
from insource.register.selectors.authority_choices import authority_choices_json
from insource.reviews.pipeline.presenters import pipeline_columns
from insource.transparency.exports.presenters import open_data_rows
from insource.transparency.portal import presenters as presenters
from insource.transparency.portal import sitemaps


def _authority_scopes(request, slug: str):
    found = authority_by_public_slug(slug)
    return None if found is None else [page_cache.authority_scope(found.pk)]


def _contract_scopes(request, pk: int):
    ids = register.contract_authority_ids(pk)
    return None if ids is None else [page_cache.authority_scope(i) for i in ids]


@page_cache.cached("portal.contracts")
def contracts(request):
    """Search and filter the whole register; paginated; the URL is the shareable link."""
    found = ContractFilter(request.GET, queryset=register.contract_list())
    return _search_page(request, found)


def _search_page(request, found: ContractFilter, *, status: int = 200, refused: str = ""):
    page, page_range = paginate(request, found.qs)
    context = {
        "filter": found,
        "form": found.form,
        "page_obj": page,
        "page_range": page_range,
        "detail_url": "portal:contract",
        **nav.CONTRACTS,
        "download_query": downloads.without_page(request.GET),
        "download_refused": refused or downloads.refusal(page.paginator.count),
    }
    return render(request, "transparency/portal/contracts.html", context, status=status)


def _download(request, fmt: str):
    """The search's results as a file, or the search page (400) saying why not."""
    found = ContractFilter(request.GET, queryset=contracts_for_download())
    if not found.is_valid():
        listed = ContractFilter(request.GET, queryset=register.contract_list())
        return _search_page(request, listed, status=400)
    refused = downloads.refusal(found.qs.count())
    if refused:
        listed = ContractFilter(request.GET, queryset=register.contract_list())
        return _search_page(request, listed, status=400, refused=refused)
    return downloads.download_response(
        found.qs, REGISTER_COLUMNS, fmt=fmt, filename="contracts", title=_("Contracts")
    )


def contracts_csv(request):
    """The search's results as CSV (the register's columns, with a byte-order mark)."""
    return _download(request, "csv")


def contracts_xlsx(request):
    """The search's results as an Excel workbook (the same columns as the CSV)."""
    return _download(request, "xlsx")


@page_cache.cached("portal.authority-choices")
def authority_choices(request):
    """The autocomplete's list of authorities (JSON labels), built once per data change and
    served with an ETag, so a browser asks again only when it may have changed (ADR 0038)."""
    generation, body = authority_choices_json()
    etag = f'"{generation}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    return response


def open_data(request):
    """The whole-register downloads, each with its size and when it was built (ADR 0047). Not
    kept in memory: it reads four files' dates, and a build changes them without a data change."""
    context = {"downloads": open_data_rows()}
    return render(request, "transparency/portal/open_data.html", context)


@page_cache.cached("portal.authorities")
def authorities(request):
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(register.authorities_public(query), 50).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        **nav.AUTHORITIES,
    }
    return render(request, "transparency/portal/authorities.html", context)


@page_cache.cached("portal.authority", _authority_scopes, shared=())
def authority(request, slug: str):
    found = authority_by_public_slug(slug)
    if found is None:
        raise Http404(_("No authority has that name in the register"))
    context = presenters.authority_page(found, on=timezone.localdate())
    return render(request, "transparency/portal/authority.html", context)


def _authority_download(request, slug: str, fmt: str):
    """An authority's contracts coming up for review (all of them, not the page's first 25)."""
    found = authority_by_public_slug(slug)
    if found is None:
        raise Http404(_("No authority has that name in the register"))
    on = timezone.localdate()
    contracts = presenters.upcoming_pipeline(found, on=on).contracts
    refused = downloads.refusal(contracts.count())
    if refused:
        context = presenters.authority_page(found, on=on) | {"download_refused": refused}
        return render(request, "transparency/portal/authority.html", context, status=400)
    return downloads.download_response(
        contracts,
        pipeline_columns(on=on, public=True),
        fmt=fmt,
        filename=f"coming-up-for-review-{slug}",
        title=_("Coming up for review"),
    )


def authority_pipeline_csv(request, slug: str):
    """An authority's contracts coming up for review as CSV, with a byte-order mark."""
    return _authority_download(request, slug, "csv")


def authority_pipeline_xlsx(request, slug: str):
    """An authority's contracts coming up for review as an Excel workbook."""
    return _authority_download(request, slug, "xlsx")


@page_cache.cached("portal.contract", _contract_scopes, shared=())
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
