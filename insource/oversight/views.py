"""The audit committee's pages of an authority: its view, the quarterly reports (page, PDF made
by the worker for a published report and for a draft when asked, publishing) and its
recommendations. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core import nav
from insource.core.progress import progress_json
from insource.oversight import selectors as records
from insource.oversight.forms import RecommendationForm, ResponseForm
from insource.oversight.presenters import departures_shown, report_shown
from insource.oversight.report_pdfs import PdfState, pdf_state
from insource.oversight.reports import QuarterError, quarter_of, report_content
from insource.oversight.selectors import audit_view
from insource.oversight.services import (
    audit_recommendation_add,
    audit_recommendation_respond,
    audit_report_draft_freeze,
    audit_report_publish,
)
from insource.oversight.tasks import audit_report_pdf_queue

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
        "pdf": _pdf_state(page, quarter, published),
        "can_publish": page.can(C.RECORD_AUDIT) and published is None,
        "error": error,
        **NAV,
    }
    if request.GET.get("format") == "pdf":
        return _pdf(request, context, f"audit-report-{page.code.lower()}-{quarter}.pdf")
    return render(request, "oversight/report.html", context)


@authority_page(C.READ_AUDIT)
def report_draft_pdf(request, page: AuthorityPage, quarter: str):
    """POST: the report as it stands, frozen, its PDF queued for the worker (the page shows its
    progress); GET: the latest draft's PDF once made (until then, the page)."""
    back = reverse("oversight:report", kwargs={"code": page.code, "quarter": quarter})
    published = records.report_published(authority=page.authority, quarter=quarter)
    if request.method == "POST" and published is None:
        try:
            draft = audit_report_draft_freeze(
                authority=page.authority,
                quarter=quarter,
                user=request.user,
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as exc:
            raise Http404(" ".join(exc.messages)) from None
        audit_report_pdf_queue(report=draft, by=page.actor, at=page.at, user=request.user)
        return redirect(f"{back}#report-pdf-state")
    draft = records.draft_latest(authority=page.authority, quarter=quarter)
    if request.method == "POST" or draft is None or not draft.pdf_sha256:
        return redirect(back)
    name = f"audit-report-{page.code.lower()}-{quarter}-draft-{draft.asked_at:%Y%m%d-%H%M}.pdf"
    return _attachment(bytes(draft.pdf), name)


@authority_page(C.READ_AUDIT)
def report_pdf_progress(request, page: AuthorityPage, quarter: str):
    """The progress of the report's PDF (or its latest draft's), for the page's script."""
    published = records.report_published(authority=page.authority, quarter=quarter)
    return progress_json(_pdf_state(page, quarter, published).as_progress)


def _pdf_state(page: AuthorityPage, quarter: str, published) -> PdfState:
    """The published report's PDF, or else the latest draft's."""
    draft = records.draft_latest(authority=page.authority, quarter=quarter)
    return pdf_state(published or draft, now=page.at)


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
    """A published report's PDF as the worker made it; until then, and for a draft (whose PDF
    the worker makes when asked: `report_draft_pdf`), its page (ADR 0054)."""
    published = context.get("published")
    if published is None or not published.pdf_sha256:
        return redirect(request.path)
    return _attachment(bytes(published.pdf), filename)


def _attachment(made: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(made, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
