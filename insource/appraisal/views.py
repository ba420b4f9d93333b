"""Officer pages of a review's options appraisal, at /appraisal/<authority code>/<review>/.

Views parse, call one service or selector, and present. Reading needs a membership of the
authority (through the reviews' `access_or_404`); changing needs EDIT_REVIEW.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insource.appraisal import selectors
from insource.appraisal.engine import AppraisalInputError
from insource.appraisal.form_initial import settings_initial
from insource.appraisal.forms import SettingsForm
from insource.appraisal.page import page_context
from insource.appraisal.run_forms import LoadForm, RunForm
from insource.appraisal.services import (
    AppraisalRefused,
    appraisal_load,
    appraisal_run,
    appraisal_settings_save,
    appraisal_start,
)
from insource.authorities.roles import Capability
from insource.core.audit import Actor
from insource.reviews.views import access_or_404, review_or_404


def reached(request, code: str, pk: int, capability=Capability.READ):
    """(access, review, appraisal or None) for a member with the capability."""
    access = access_or_404(request, code, capability)
    review = review_or_404(access, pk)
    return access, review, selectors.appraisal_of(authority=access.authority, review=review)


def appraisal_or_404(request, code: str, pk: int, capability=Capability.READ):
    access, review, appraisal = reached(request, code, pk, capability)
    if appraisal is None:
        raise Http404("This review has no appraisal yet")
    return access, review, appraisal


def problems_of(error: AppraisalInputError) -> list[str]:
    return [str(p) for p in error.problems]


@login_required
def appraisal_page(request, code: str, pk: int, *, forms=None, status=200):
    access, review, appraisal = reached(request, code, pk)
    context = page_context(access, review, appraisal, on=timezone.localdate(), forms=forms)
    return render(request, "appraisal/appraisal.html", context, status=status)


@login_required
@require_POST
def appraisal_start_view(request, code: str, pk: int):
    access, review, _appraisal = reached(request, code, pk, Capability.EDIT_REVIEW)
    try:
        appraisal_start(
            review=review,
            term_years=selectors.proposed_term_years(review),
            by=Actor.for_user(request.user),
            at=timezone.now(),
        )
    except AppraisalRefused as error:
        messages.error(request, str(error))
    return redirect("appraisal:page", code=code, pk=pk)


@login_required
def appraisal_settings(request, code: str, pk: int):
    access, review, appraisal = appraisal_or_404(request, code, pk)
    form = SettingsForm(request.POST or None, initial=settings_initial(appraisal))
    if request.method == "POST":
        access_or_404(request, code, Capability.EDIT_REVIEW)
        if form.is_valid():
            try:
                appraisal_settings_save(
                    appraisal=appraisal,
                    fields=form.appraisal_fields(),
                    version=form.cleaned_data["version"],
                    on=timezone.localdate(),
                    by=Actor.for_user(request.user),
                    at=timezone.now(),
                )
            except AppraisalRefused as error:
                form.add_error(None, str(error))
            except AppraisalInputError as error:
                for text in problems_of(error):
                    form.add_error(None, text)
            else:
                messages.success(request, _("Appraisal settings saved"))
                return redirect("appraisal:page", code=code, pk=pk)
    context = {
        "access": access,
        "review": review,
        "appraisal": appraisal,
        "form": form,
        "ranges": {"deflator": form.trio("deflator")},
        "nav_reviews": True,
    }
    return render(request, "appraisal/settings.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def appraisal_load_view(request, code: str, pk: int):
    access, review, appraisal = appraisal_or_404(request, code, pk, Capability.EDIT_REVIEW)
    form = LoadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            n = appraisal_load(
                appraisal=appraisal,
                document=form.cleaned_data["file"],
                version=form.cleaned_data["version"],
                on=timezone.localdate(),
                by=Actor.for_user(request.user),
                at=timezone.now(),
            )
        except AppraisalRefused as error:
            form.add_error("file", str(error))
        except AppraisalInputError as error:
            form.add_error("file", _("The file has problems: nothing was loaded"))
            form.problems = problems_of(error)
        else:
            messages.success(request, _("%(n)s cost lines loaded") % {"n": n})
            return redirect("appraisal:page", code=code, pk=pk)
    return appraisal_page(request, code, pk, forms={"load": form}, status=400)


@login_required
@require_POST
def appraisal_run_view(request, code: str, pk: int):
    access, review, appraisal = appraisal_or_404(request, code, pk, Capability.EDIT_REVIEW)
    form = RunForm(request.POST)
    if form.is_valid():
        try:
            run = appraisal_run(
                appraisal=appraisal,
                draws=form.cleaned_data["draws"],
                seed=form.cleaned_data["seed"],
                user=request.user,
                on=timezone.localdate(),
                by=Actor.for_user(request.user),
                at=timezone.now(),
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
            return redirect("appraisal:page", code=code, pk=pk)
    return appraisal_page(request, code, pk, forms={"run": form}, status=400)
