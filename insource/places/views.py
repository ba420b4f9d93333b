"""Places: officers save a place (`/places/<code>/…`); anyone reads a saved place's page and
its CSV (`/public/places/…`). Views parse, call one selector or service, and present."""

from __future__ import annotations

import csv

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability as C
from insource.core import nav
from insource.places import presenters, selectors
from insource.places.cli import CSV_HEADER, csv_rows
from insource.places.forms import PlaceForm
from insource.places.report import place_report
from insource.places.services import place_create
from insource.register.exporters.csv import BOM

NAV = nav.AUTHORITIES


@authority_page()
def authority_places(request, page: AuthorityPage):
    context = {
        "access": page.access,
        "places": selectors.places_of(page.authority),
        "can_make": page.can(C.MAKE_PLACES),
    }
    return render(request, "places/authority.html", context)


@authority_page(C.MAKE_PLACES, write=C.MAKE_PLACES)
def place_new(request, page: AuthorityPage):
    form = PlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            place = place_create(
                authority=page.authority,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                key=form.key(),
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                field = form.key_field if name == "key" else name
                form.add_error(field if field in form.fields else None, messages)
        else:
            return redirect("places-public:place", slug=place.slug)
    context = {"access": page.access, "form": form}
    return render(request, "places/new.html", context, status=400 if form.errors else 200)


def _report(request, slug: str):
    place = selectors.place_get(slug)
    if place is None:
        raise Http404(_("No place has that link"))
    window = presenters.window_from(request.GET.get("window"))
    spec = selectors.spec_of(place)
    return place_report(spec=spec, on=timezone.localdate(), window_months=window)


def public_list(request):
    return render(request, "places/list.html", {"places": selectors.places_list(), **NAV})


def public_place(request, slug: str):
    context = presenters.place_page(_report(request, slug))
    return render(request, "places/place.html", context | NAV)


def public_csv(request, slug: str):
    report = _report(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="place-{report.spec.slug}.csv"'
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow([str(h) for h in CSV_HEADER])
    writer.writerows(csv_rows(report))
    return response
