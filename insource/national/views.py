"""The national view's public pages (no sign-in), under /public/: the services, one service
across every adopting authority with its CSV, and the outcome KPIs as CSV. Views parse, call a
selector and present."""

from __future__ import annotations

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.selectors import authority_by_public_slug
from insource.core import nav
from insource.national.catalogue import service_get
from insource.national.presenters import open_data as open_rows
from insource.national.presenters import view as presenters
from insource.national.selectors import open_data
from insource.national.selectors import view as selectors
from insource.register.exporters import downloads

KINDS = ("performance", "social_outcome")


def services(request):
    """Every service with a published decision, and the product's service categories."""
    rows = presenters.services_index(selectors.services_with_decisions())
    return render(request, "national/services.html", {"rows": rows, **nav.AUTHORITIES})


def _view(key: str):
    service = service_get(key)
    if service is None:
        raise Http404(_("No service has that code"))
    return selectors.national_view(service, on=timezone.localdate())


def service(request, key: str):
    """One service across every adopting authority."""
    context = presenters.service_page(_view(key)) | nav.AUTHORITIES
    return render(request, "national/service.html", context)


def service_csv(request, key: str):
    """The service's figures by authority, as CSV with a byte-order mark."""
    rows = presenters.view_data(_view(key))["authorities"]
    columns = {name: (lambda r, n=name: r[n]) for name in presenters.AUTHORITY_FIELDS}
    return downloads.download_response(
        rows, columns, fmt="csv", filename=f"service-{key}-by-authority", title=key
    )


def _query(request) -> tuple[dict, object, HttpResponseBadRequest | None]:
    """The open data's filters read and checked: (query, authority, refusal or None); a saved
    place's bodies (`?place=` its slug) go in query["within"]."""
    names = ("authority", "service", "kind", "place")
    query: dict = {k: request.GET.get(k, "").strip()[:120] for k in names}
    query["within"] = None
    if query["place"]:
        query["within"] = open_data.place_scope(query["place"])
        if query["within"] is None:
            return query, None, _refused(_("No saved place has that name"))
    authority = None
    if query["authority"]:
        authority = authority_by_public_slug(query["authority"])
        if authority is None:
            return query, None, _refused(_("No authority has that code"))
    if query["service"] and service_get(query["service"]) is None:
        return query, None, _refused(_("No service has that code"))
    if query["kind"] and query["kind"] not in KINDS:
        return query, None, _refused(_("Choose the kind performance or social_outcome"))
    return query, authority, None


def outcome_kpis_csv(request):
    """Every KPI rating recorded, as CSV with a byte-order mark: ?authority= (its code),
    ?service= (a CPV division or group), ?kind= (performance or social_outcome)."""
    query, authority, refused = _query(request)
    if refused is not None:
        return refused
    rows = open_data.outcome_kpi_ratings(
        authority=authority, key=query["service"], kind=query["kind"], within=query["within"]
    )
    columns = {name: (lambda r, n=name: r[n]) for name in open_rows.OUTCOME_KPI_FIELDS}
    return downloads.download_response(
        (open_rows.outcome_kpi_row(r) for r in rows.iterator(chunk_size=1000)),
        columns,
        fmt="csv",
        filename="outcome-kpis",
        title="outcome-kpis",
    )


def kpi_assessments_csv(request):
    """Every KPI assessment of a contract kept with a contractor (published decisions only), as
    CSV with a byte-order mark: ?authority=, ?service=."""
    query, authority, refused = _query(request)
    if refused is not None:
        return refused
    rows = open_data.kpi_assessments(
        authority=authority, key=query["service"], within=query["within"]
    )
    columns = {name: (lambda r, n=name: r[n]) for name in open_rows.KPI_ASSESSMENT_FIELDS}
    return downloads.download_response(
        (open_rows.kpi_assessment_row(r) for r in rows.iterator(chunk_size=1000)),
        columns,
        fmt="csv",
        filename="kpi-assessments",
        title="kpi-assessments",
    )


def _refused(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
