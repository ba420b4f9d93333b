"""The public "Brought home" pages (no sign-in): the national list of every service brought
home by any adopter, its CSV, and one service's page: what it cost and how it performed under
the contract and since. Counts and shares only: no person's data."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.core import nav
from insource.inhouse import presenters, selectors
from insource.inhouse.figures import SUMMARY_FIELDS, summary_row
from insource.register.exporters.csv import BOM


def national_list(request):
    figures = selectors.services_public_figures()
    context = {
        "rows": [{"f": f, "row": summary_row(f)} for f in figures],
        "any_illustrative": any(f.is_illustrative for f in figures),
        **nav.AUTHORITIES,
    }
    return render(request, "inhouse/public/list.html", context)


def national_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="brought-home.csv"'
    response.write(BOM)
    writer = csv.DictWriter(response, fieldnames=SUMMARY_FIELDS)
    writer.writeheader()
    for f in selectors.services_public_figures():
        writer.writerow(summary_row(f))
    return response


def service_page(request, pk: int):
    figures = selectors.service_public_figures(pk)
    if figures is None:
        raise Http404(_("No service brought home has that number"))
    context = presenters.service_page(figures, on=timezone.localdate()) | {
        "publication": selectors.decision_publication(figures.service.decision),
        **nav.AUTHORITIES,
    }
    return render(request, "inhouse/public/service.html", context)
