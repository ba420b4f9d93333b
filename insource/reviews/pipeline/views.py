"""The expiry pipeline: contracts reaching their decision point in the next months, with their
provisional screening and review columns, and the planned procurements of the same window.

It reads the register through the reviews' `pipeline_screened`, so it lives with the reviews;
its URL keeps its name and path (`register:pipeline`, /register/pipeline/). The reference date
is read here, once, and handed to the selector as `on`.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from insource.authorities.access import OfficerPage, officer_page
from insource.register.exporters import downloads
from insource.register.filters import PipelineForm
from insource.register.presenters import paginate
from insource.register.selectors.authority_choices import query_with_own_authority
from insource.register.selectors.pipeline import Pipeline
from insource.register.timeline import timeline_svg
from insource.reviews.pipeline.presenters import pipeline_columns
from insource.reviews.presenters import review_lateness_tag
from insource.reviews.selectors.screenings import pipeline_screened

MAX_PLANNED_SHOWN = 100


@officer_page()
def pipeline(request, page: OfficerPage):
    """Contracts reaching their decision point in the next N months, soonest first, with a
    timeline picture, and the planned procurements of the same window."""
    form = PipelineForm(_query(request))
    return _page(request, form, _screened(form, page.on), on=page.on)


def _query(request):
    return query_with_own_authority(request.GET, request.user)


def _screened(form: PipelineForm, on):
    params = form.params()
    return pipeline_screened(on=on, within_months=params.within_months, authority=params.authority)


def _page(request, form, result, *, on, status: int = 200, refused: str = ""):
    params = form.params()
    listed, page_range = paginate(request, result.contracts)
    for contract in listed.object_list:
        contract.review_lateness = review_lateness_tag(
            contract.review_point_on, contract.review_is_signed, on
        )
    planned = list(result.planned[: MAX_PLANNED_SHOWN + 1])
    context = {
        "form": form,
        "pipeline": result,
        "page_obj": listed,
        "page_range": page_range,
        "planned": planned[:MAX_PLANNED_SHOWN],
        "planned_more": len(planned) > MAX_PLANNED_SHOWN,
        "timeline": mark_safe(_timeline(result, params)),  # noqa: S308 (escaped in timeline_svg)
        "nav_pipeline": True,
        "download_query": downloads.without_page(request.GET),
        "download_refused": refused or downloads.refusal(listed.paginator.count),
    }
    return render(request, "reviews/pipeline.html", context, status=status)


def _download(request, page: OfficerPage, fmt: str):
    """The pipeline's contracts (the page's window and authority) as a file, or the page (400)
    saying why not."""
    form = PipelineForm(_query(request))
    result = _screened(form, page.on)
    refused = downloads.refusal(result.contracts.count())
    if form.errors or refused:
        return _page(request, form, result, on=page.on, status=400, refused=refused)
    columns = pipeline_columns(on=page.on, public=False)
    return downloads.download_response(
        result.contracts, columns, fmt=fmt, filename="pipeline", title=_("Pipeline")
    )


@officer_page()
def pipeline_csv(request, page: OfficerPage):
    """The pipeline's contracts as CSV, with a byte-order mark."""
    return _download(request, page, "csv")


@officer_page()
def pipeline_xlsx(request, page: OfficerPage):
    """The pipeline's contracts as an Excel workbook (the same columns as the CSV)."""
    return _download(request, page, "xlsx")


def _timeline(result: Pipeline, params) -> str:
    where = params.authority.display_name if params.authority else _("all authorities")
    title = _("Contracts ending and procurements planned by month, %(where)s") % {"where": where}
    description = _(
        "Bar chart of %(contracts)s contracts reaching their decision point and %(planned)s "
        "planned procurements, by month from %(start)s to %(end)s. The table below gives "
        "the same counts."
    ) % {
        "contracts": sum(m.contracts for m in result.months),
        "planned": sum(m.planned for m in result.months),
        "start": date_format(result.on, "j F Y"),
        "end": date_format(result.until, "j F Y"),
    }
    return timeline_svg(
        result.months,
        title=title,
        description=description,
        month_label=lambda d: date_format(d, "M"),
    )
