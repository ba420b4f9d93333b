"""A run's own pages and downloads (officers), and the CSV of the run a published decision
relied on (public)."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render

from insource.appraisal import selectors
from insource.appraisal.csv_export import run_csv
from insource.appraisal.presenters import results_view
from insource.appraisal.views.appraisal import reached
from insource.authorities.access import AuthorityPage, authority_page
from insource.register.exporters.csv import BOM


def _reached_run(page: AuthorityPage, pk: int, run_pk: int):
    review, appraisal = reached(page, pk)
    return review, appraisal, selectors.run_or_404(appraisal=appraisal, pk=run_pk)


def _csv_response(run, name: str) -> HttpResponse:
    response = HttpResponse(BOM + run_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@authority_page()
def run_detail(request, page: AuthorityPage, pk: int, run_pk: int):
    review, appraisal, run = _reached_run(page, pk, run_pk)
    context = {
        "access": page.access,
        "review": review,
        "appraisal": appraisal,
        "run": run,
        "view": results_view(run),
        "nav_reviews": True,
    }
    return render(request, "appraisal/run.html", context)


@authority_page()
def run_csv_download(request, page: AuthorityPage, pk: int, run_pk: int):
    *_, run = _reached_run(page, pk, run_pk)
    return _csv_response(run, f"appraisal-review-{pk}-run-{run.number}.csv")


@authority_page()
def run_document_download(request, page: AuthorityPage, pk: int, run_pk: int):
    *_, run = _reached_run(page, pk, run_pk)
    body = json.dumps(run.document, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="appraisal-review-{pk}.json"'
    return response


def published_appraisal_csv(request, pk: int):
    """Public: the appraisal run behind published decision `pk`, as CSV."""
    run = selectors.run_published(pk)
    if run is None:
        raise Http404("No published appraisal for this decision")
    return _csv_response(run, f"decision-{pk}-appraisal.csv")
