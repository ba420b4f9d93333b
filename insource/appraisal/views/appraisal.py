"""Officer pages of a review's options appraisal, at /appraisal/<authority code>/<review>/.

Views parse, call one service or selector, and present. Reading needs a membership of the
authority (through `authorities.access.authority_page`); changing needs EDIT_REVIEW.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.appraisal import selectors
from insource.appraisal.engine import AppraisalInputError
from insource.appraisal.forms.appraisal import SettingsForm
from insource.appraisal.forms.initial import settings_initial
from insource.appraisal.forms.runs import LoadForm, RunForm
from insource.appraisal.services import (
    AppraisalRefused,
    appraisal_load,
    appraisal_run,
    appraisal_settings_save,
    appraisal_start,
)
from insource.appraisal.views.page import page_context
from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.reviews.selectors.reviews import review_or_404

EDIT = Capability.EDIT_REVIEW


def reached(page: AuthorityPage, pk: int):
    """(review, appraisal) of the authority's review `pk`; 404 when it has no appraisal."""
    review = review_or_404(authority=page.authority, pk=pk)
    return review, selectors.appraisal_or_404(authority=page.authority, review=review)


def problems_of(error: AppraisalInputError) -> list[str]:
    return [str(p) for p in error.problems]


@authority_page()
def appraisal_page(request, page: AuthorityPage, pk: int):
    return _appraisal_page(request, page, pk)


def _appraisal_page(request, page: AuthorityPage, pk: int, *, forms=None, status=200):
    review = review_or_404(authority=page.authority, pk=pk)
    appraisal = selectors.appraisal_of(authority=page.authority, review=review)
    context = page_context(page.access, review, appraisal, on=page.on, forms=forms)
    return render(request, "appraisal/appraisal.html", context, status=status)


@authority_page(EDIT, post_only=True)
def appraisal_start_view(request, page: AuthorityPage, pk: int):
    review = review_or_404(authority=page.authority, pk=pk)
    try:
        appraisal_start(
            review=review,
            term_years=selectors.proposed_term_years(review),
            by=page.actor,
            at=page.at,
        )
    except AppraisalRefused as error:
        messages.error(request, str(error))
    return redirect("appraisal:page", code=page.code, pk=pk)


@authority_page(Capability.READ, write=EDIT)
def appraisal_settings(request, page: AuthorityPage, pk: int):
    review, appraisal = reached(page, pk)
    form = SettingsForm(request.POST or None, initial=settings_initial(appraisal))
    if request.method == "POST" and form.is_valid():
        try:
            appraisal_settings_save(
                appraisal=appraisal,
                fields=form.appraisal_fields(),
                version=form.cleaned_data["version"],
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except AppraisalRefused as error:
            form.add_error(None, str(error))
        except AppraisalInputError as error:
            for text in problems_of(error):
                form.add_error(None, text)
        else:
            messages.success(request, _("Appraisal settings saved"))
            return redirect("appraisal:page", code=page.code, pk=pk)
    context = {
        "access": page.access,
        "review": review,
        "appraisal": appraisal,
        "form": form,
        "ranges": {"deflator": form.trio("deflator")},
        "nav_reviews": True,
    }
    return render(request, "appraisal/settings.html", context, status=400 if form.errors else 200)


@authority_page(EDIT, post_only=True)
def appraisal_load_view(request, page: AuthorityPage, pk: int):
    _review, appraisal = reached(page, pk)
    form = LoadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            n = appraisal_load(
                appraisal=appraisal,
                document=form.cleaned_data["file"],
                version=form.cleaned_data["version"],
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except AppraisalRefused as error:
            form.add_error("file", str(error))
        except AppraisalInputError as error:
            form.add_error("file", _("The file has problems: nothing was loaded"))
            form.problems = problems_of(error)
        else:
            messages.success(request, _("%(n)s cost lines loaded") % {"n": n})
            return redirect("appraisal:page", code=page.code, pk=pk)
    return _appraisal_page(request, page, pk, forms={"load": form}, status=400)


@authority_page(EDIT, post_only=True)
def appraisal_run_view(request, page: AuthorityPage, pk: int):
    _review, appraisal = reached(page, pk)
    form = RunForm(request.POST)
    if form.is_valid():
        try:
            run = appraisal_run(
                appraisal=appraisal,
                draws=form.cleaned_data["draws"],
                seed=form.cleaned_data["seed"],
                user=request.user,
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except AppraisalRefused as error:
            form.add_error(None, str(error))
        except AppraisalInputError as error:
            for text in problems_of(error):
                form.add_error(None, text)
        else:
            messages.success(
                request, _("Run %(n)s saved: the review now uses its figures") % {"n": run.number}
            )
            return redirect("appraisal:page", code=page.code, pk=pk)
    return _appraisal_page(request, page, pk, forms={"run": form}, status=400)
