"""Officer pages of information requests, under /requests/<authority code>/ (two-factor): the
queue, a request with its steps, each step's form, documents.

Views parse, call one service or selector, and present. Access is `authority_page` (no
membership: 404; a role without the capability: 403): every selector takes the authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.reviews.uploads import EvidenceFileError
from insource.transparency.requests import action_forms as forms
from insource.transparency.requests import presenters as presenters
from insource.transparency.requests import selectors as selectors
from insource.transparency.requests import services as services
from insource.transparency.requests.contractors import forms as contractor_forms
from insource.transparency.requests.contractors import selectors as contractors
from insource.transparency.requests.views import file_response


@dataclass(frozen=True)
class Action:
    label: str
    form: type
    service: object
    done: str


ACTIONS = {
    "acknowledge": Action(
        gettext_lazy("Acknowledge"),
        forms.AcknowledgeForm,
        services.request_acknowledge,
        gettext_lazy("Acknowledged"),
    ),
    "clarify": Action(
        gettext_lazy("Ask for a clarification"),
        forms.ClarifyAskForm,
        services.request_clarification_ask,
        gettext_lazy("Clarification asked for"),
    ),
    "clarification": Action(
        gettext_lazy("Record the clarification"),
        forms.ClarificationForm,
        services.request_clarification_received,
        gettext_lazy("Clarification recorded: the clock restarted"),
    ),
    "extend": Action(
        gettext_lazy("Extend the time"),
        forms.ExtendForm,
        services.request_extend,
        gettext_lazy("Time extended"),
    ),
    "answer": Action(
        gettext_lazy("Answer"),
        forms.AnswerForm,
        services.request_answer,
        gettext_lazy("Response published"),
    ),
    "refuse": Action(
        gettext_lazy("Refuse"),
        forms.RefuseForm,
        services.request_refuse,
        gettext_lazy("Refusal notice published"),
    ),
    "not-held": Action(
        gettext_lazy("Information not held"),
        forms.NotHeldForm,
        services.request_not_held,
        gettext_lazy("Response published"),
    ),
    "withdraw": Action(
        gettext_lazy("Record a withdrawal"),
        forms.WithdrawForm,
        services.request_withdraw,
        gettext_lazy("Withdrawal recorded"),
    ),
    "review": Action(
        gettext_lazy("Record a request for internal review"),
        forms.ReviewRequestForm,
        services.request_review_request,
        gettext_lazy("Internal review started"),
    ),
    "review-outcome": Action(
        gettext_lazy("Record the internal review's outcome"),
        forms.ReviewDecideForm,
        services.request_review_decide,
        gettext_lazy("Review outcome published"),
    ),
    "refer": Action(
        gettext_lazy("Record a referral to the Commissioner"),
        forms.ReferForm,
        services.request_refer,
        gettext_lazy("Referral recorded"),
    ),
    "advice": Action(
        gettext_lazy("Record advice and assistance"),
        forms.AdviceForm,
        services.request_advice_record,
        gettext_lazy("Advice recorded"),
    ),
    "regime": Action(
        gettext_lazy("Change the law it is handled under"),
        forms.RegimeForm,
        services.request_regime_change,
        gettext_lazy("Law changed"),
    ),
    "forward": Action(
        gettext_lazy("Forward a part to the contractor"),
        contractor_forms.ForwardForm,
        services.request_forward,
        gettext_lazy("Forwarded to the contractor: its reply is due in 10 working days"),
    ),
    "contractor-reply": Action(
        gettext_lazy("Record the contractor's reply"),
        contractor_forms.ContractorReplyForm,
        services.request_contractor_reply,
        gettext_lazy("The contractor's reply recorded"),
    ),
    "redact": Action(
        gettext_lazy("Redact personal data"),
        forms.RedactForm,
        services.request_redact,
        gettext_lazy("Redacted"),
    ),
    "attach": Action(
        gettext_lazy("Add a document"),
        forms.AttachForm,
        services.request_attachment_add,
        gettext_lazy("Document added"),
    ),
}


@officer_page()
def requests_mine(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("requests:queue", code=accesses[0].authority.code)
    context = {"accesses": accesses, "nav_requests": True}
    return render(request, "transparency/requests/mine.html", context)


@authority_page()
def queue(request, page: AuthorityPage):
    show = request.GET.get("show", "open")
    query = request.GET.get("q", "").strip()[:200]
    rows = selectors.requests_queue(authority=page.authority, on=page.on, show=show, query=query)
    context = presenters.queue_page(
        page.access, rows, on=page.on, show=show, query=query, page_number=request.GET.get("page")
    )
    return render(request, "transparency/requests/queue.html", context)


@authority_page()
def officer_request(request, page: AuthorityPage, reference: str):
    ir = selectors.request_or_404(authority=page.authority, reference=reference)
    context = presenters.officer_request_page(page.access, ir, on=page.on)
    context["action_labels"] = {slug: a.label for slug, a in ACTIONS.items()}
    return render(request, "transparency/requests/officer.html", context)


def _action_form(spec: Action, ir, page: AuthorityPage, data=None, files=None):
    extra = {}
    if spec.form is forms.RedactForm:
        extra["events"] = selectors.request_events(authority=page.authority, request=ir).filter(
            is_public=True
        )
    if spec.form is contractor_forms.ForwardForm:
        extra["suppliers"] = contractors.request_suppliers(authority=page.authority, request=ir)
    return spec.form(data, files, request_obj=ir, **extra)


@authority_page(Capability.ANSWER_REQUESTS)
def officer_action(request, page: AuthorityPage, reference: str, action: str):
    ir = selectors.request_or_404(authority=page.authority, reference=reference)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("No such step")
    form = _action_form(spec, ir, page, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and _run(request, page, spec, ir, form):
        messages.success(request, str(spec.done))
        return redirect("requests:officer", code=page.code, reference=reference)
    context = presenters.officer_request_page(page.access, ir, on=page.on)
    context.update(form=form, action=action, action_label=spec.label)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "transparency/requests/action.html", context, status=status)


def _run(request, page: AuthorityPage, spec: Action, ir, form) -> bool:
    kwargs = form.service_kwargs()
    if spec.form is forms.RedactForm:
        kwargs["user"] = request.user
    try:
        spec.service(request=ir, by=page.actor, at=page.at, **kwargs)
    except EvidenceFileError as error:
        form.add_error("file", str(error))
        return False
    except services.RequestActionRefused as error:
        form.add_error(None, str(error))
        return False
    return True


@authority_page()
def attachment_officer(request, page: AuthorityPage, reference: str, pk: int):
    found = selectors.attachment_or_404(authority=page.authority, reference=reference, pk=pk)
    if not found.is_public and not page.can(Capability.READ_EVIDENCE):
        raise PermissionDenied(_("Your role does not allow this"))
    response = file_response(found)
    response["Cache-Control"] = "private, no-store"
    return response
