"""The audit committee's pages of an authority: its view, the quarterly reports (page, PDF,
publishing) and its recommendations. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core import nav
from insource.oversight import selectors as records
from insource.oversight.forms import RecommendationForm, ResponseForm
from insource.oversight.presenters import departures_shown, report_shown
from insource.oversight.reports import QuarterError, quarter_of, report_content
from insource.oversight.selectors import audit_view
from insource.oversight.services import (
    audit_recommendation_add,
    audit_recommendation_respond,
    audit_report_publish,
)
from insource.oversight.tasks import audit_report_pdf_queue, report_pdf

NAV = {"nav_standards": True}
C = Capability


@authority_page(C.READ_AUDIT)
def audit(request, page: AuthorityPage):
    view = audit_view(authority=page.authority, on=page.on)
    context = {
        "access": page.access,
        "view": view,
        "departures": departures_shown(view),
        "quarter": quarter_of(page.on),
        **NAV,
    }
    return render(request, "oversight/audit.html", context)


@authority_page(C.READ_AUDIT, write=C.RECORD_AUDIT)
def report(request, page: AuthorityPage, quarter: str):
    published = records.report_published(authority=page.authority, quarter=quarter)
    error = ""
    if request.method == "POST":
        try:
            published = audit_report_publish(
                authority=page.authority,
                quarter=quarter,
                user=request.user,
                by=page.actor,
                at=page.at,
                on=page.on,
            )
            audit_report_pdf_queue(report=published, by=page.actor, at=page.at, user=request.user)
            return redirect("oversight:report", code=page.code, quarter=quarter)
        except ValidationError as exc:
            error = " ".join(m for ms in exc.message_dict.values() for m in ms)
    try:
        content = (
            published.content if published else report_content(page.authority, quarter, on=page.on)
        )
    except QuarterError as exc:
        raise Http404(str(exc)) from None
    context = {
        "access": page.access,
        "report": report_shown(content),
        "published": published,
        "can_publish": page.can(C.RECORD_AUDIT) and published is None,
        "error": error,
        **NAV,
    }
    if request.GET.get("format") == "pdf":
        return _pdf(request, context, f"audit-report-{page.code.lower()}-{quarter}.pdf")
    return render(request, "oversight/report.html", context)


@authority_page(C.READ_AUDIT, write=C.RECORD_AUDIT)
def recommendations(request, page: AuthorityPage):
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        audit_recommendation_add(
            authority=page.authority,
            entry=form.entry(),
            user=request.user,
            by=page.actor,
            at=page.at,
            on=page.on,
        )
        return redirect("oversight:recommendations", code=page.code)
    rows = records.recommendations_of(authority=page.authority)
    context = {
        "access": page.access,
        "form": form,
        "rows": [(r, r.is_late(page.on)) for r in rows],
        "can_record": page.can(C.RECORD_AUDIT),
        "can_respond": page.can(C.RESPOND_TO_AUDIT),
        **NAV,
    }
    return render(request, "oversight/recommendations.html", context)


@authority_page(C.RESPOND_TO_AUDIT)
def respond(request, page: AuthorityPage, pk: int):
    recommendation = records.recommendation_get(authority=page.authority, pk=pk)
    if recommendation is None:
        raise Http404("No such recommendation")
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            audit_recommendation_respond(
                recommendation=recommendation,
                status=form.cleaned_data["status"],
                response=form.cleaned_data["response"],
                by=page.actor,
                at=page.at,
                on=page.on,
            )
            return redirect("oversight:recommendations", code=page.code)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    form.add_error(name if name in form.fields else None, message)
    context = {"access": page.access, "recommendation": recommendation, "form": form, **NAV}
    return render(request, "oversight/respond.html", context)


def public_report(request, pk: int):
    published = records.report_public_get(pk)
    if published is None:
        raise Http404("No published report with that number")
    context = {
        "report": report_shown(published.content),
        "published": published,
        "public": True,
        **nav.AUTHORITIES,
    }
    if request.GET.get("format") == "pdf":
        name = f"audit-report-{published.authority.public_slug}-{published.quarter}.pdf"
        return _pdf(request, context, name)
    return render(request, "oversight/report.html", context)


def _pdf(request, context: dict, filename: str) -> HttpResponse:
    """A published report's PDF as the worker made it (until then its page, which says it is
    being prepared); a draft's, drawn now (ADR 0054)."""
    published = context.get("published")
    if published is not None and not published.pdf_sha256:
        return redirect(request.path)
    made = bytes(published.pdf) if published is not None else report_pdf(context)
    response = HttpResponse(made, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
