"""Legal support referral pages. Views parse, call one service or selector, and present:
`/legal/` the legal support team's queue across the authorities it serves; `/legal/<code>/`
an authority's referrals; refer from a contract (or its review); a referral's page with the
advice and outcome forms; its documents (ADR 0007: streamed, never published)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability as C
from insource.legal import presenters, selectors, services
from insource.legal.forms import AdviceForm, OutcomeForm, ReferralForm
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.reviews.uploads import EvidenceFileError, evidence_open

NAV = {"nav_legal": True}


def _errors(form, error: ValidationError) -> None:
    for name, found in error.message_dict.items():
        form.add_error(name if name in form.fields else None, found)


@officer_page()
def queue(request, page: OfficerPage):
    rows = presenters.rows(selectors.legal_support_queue(user=request.user), page.on)
    return render(request, "legal/queue.html", {"rows": rows, **NAV})


@authority_page()
def authority_referrals(request, page: AuthorityPage):
    rows = presenters.rows(selectors.referrals_of(authority=page.authority), page.on)
    return render(request, "legal/authority.html", {"access": page.access, "rows": rows, **NAV})


@authority_page(C.REFER_TO_LEGAL)
def refer(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    review = selectors.review_of(
        authority=page.authority, contract=contract, pk=request.GET.get("review", "")
    )
    form = ReferralForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_make(
                authority=page.authority,
                contract=contract,
                review=review,
                kind=form.cleaned_data["kind"],
                question=form.cleaned_data["question"],
                uploads=form.uploads(),
                user=request.user,
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except EvidenceFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Referred to legal support"))
            return redirect("legal:referral", code=page.code, pk=referral.pk)
    context = {"access": page.access, "contract": contract, "review": review, "form": form}
    status = 400 if form.errors else 200
    return render(request, "legal/refer.html", context | NAV, status=status)


@authority_page()
def referral(request, page: AuthorityPage, pk: int):
    found = selectors.referral_or_404(authority=page.authority, pk=pk)
    return render(request, "legal/referral.html", _context(page, found))


def _context(page: AuthorityPage, found, **forms) -> dict:
    initial = {"version": found.version}
    return {
        "access": page.access,
        "row": presenters.row(found, page.on),
        "r": found,
        "documents": selectors.referral_documents(referral=found),
        "can_read_documents": page.can(C.READ_EVIDENCE),
        "can_advise": page.can(C.ADVISE_ON_REFERRAL) and found.status in ("referred", "accepted"),
        "can_close": page.can(C.REFER_TO_LEGAL) and found.status == "advised",
        "advice_form": forms.get("advice_form") or AdviceForm(initial=initial),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(initial=initial),
        **NAV,
    }


@authority_page(C.ADVISE_ON_REFERRAL, post_only=True)
def accept(request, page: AuthorityPage, pk: int):
    found = selectors.referral_or_404(authority=page.authority, pk=pk)
    version = request.POST.get("version", "")
    try:
        services.referral_accept(
            referral=found,
            version=int(version) if version.isdigit() else 0,
            user=request.user,
            by=page.actor,
            at=page.at,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have taken this referral"))
    return redirect("legal:referral", code=page.code, pk=pk)


@authority_page(C.ADVISE_ON_REFERRAL)
def advise(request, page: AuthorityPage, pk: int):
    found = selectors.referral_or_404(authority=page.authority, pk=pk)
    form = AdviceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_advise(
                referral=found,
                version=form.cleaned_data["version"],
                advice=form.cleaned_data["advice"],
                uploads=form.uploads(),
                user=request.user,
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except EvidenceFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Advice recorded"))
            return redirect("legal:referral", code=page.code, pk=pk)
    status = 400 if form.errors else 200
    context = _context(page, found, advice_form=form)
    return render(request, "legal/referral.html", context, status=status)


@authority_page(C.REFER_TO_LEGAL)
def outcome(request, page: AuthorityPage, pk: int):
    found = selectors.referral_or_404(authority=page.authority, pk=pk)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_close(
                referral=found,
                version=form.cleaned_data["version"],
                outcome=form.cleaned_data["outcome"],
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Outcome recorded: the referral is closed"))
            return redirect("legal:referral", code=page.code, pk=pk)
    status = 400 if form.errors else 200
    context = _context(page, found, outcome_form=form)
    return render(request, "legal/referral.html", context, status=status)


@authority_page(C.READ_EVIDENCE)
def document(request, page: AuthorityPage, pk: int, doc: int):
    found = selectors.document_or_404(authority=page.authority, referral_pk=pk, pk=doc)
    response = FileResponse(
        evidence_open(found.storage_name),
        content_type=found.content_type,
        as_attachment=True,
        filename=found.original_name or f"document-{found.pk}",
    )
    response["Cache-Control"] = "private, no-store"
    return response
