"""Officer pages around a decision: the decision-maker returning a review to the officer with
reasons, and the monitoring officer recording their advice on a departure towards outsourcing
(a prerequisite of its publication)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.roles import Capability
from insource.core.audit import Actor
from insource.reviews import presenters
from insource.reviews.decisions import departure_presenters
from insource.reviews.decisions.forms import AdviceForm, ReturnForm
from insource.reviews.services.decisions import decision_current
from insource.reviews.services.departures import AdviceRefused, departure_advice_record
from insource.reviews.services.returning import ReturnRefused, review_return
from insource.reviews.views import access_or_404, review_or_404


@login_required
def review_return_view(request, code: str, pk: int):
    access = access_or_404(request, code, Capability.SIGN_DECISION)
    review = review_or_404(access, pk)
    form = ReturnForm(request.POST or None, initial={"version": review.version})
    if request.method == "POST" and form.is_valid():
        try:
            review_return(
                review=review,
                user=request.user,
                reasons=form.cleaned_data["reasons"],
                version=form.cleaned_data["version"],
                by=Actor.for_user(request.user),
                at=timezone.now(),
            )
        except ReturnRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Review returned to the officer"))
            return redirect("reviews:review", code=code, pk=pk)
    context = presenters.review_page(access, review, on=timezone.localdate())
    context.update(form=form)
    return render(request, "reviews/return.html", context, status=400 if form.errors else 200)


@login_required
def departure_advice_view(request, code: str, pk: int):
    access = access_or_404(request, code, Capability.ADVISE_ON_DEPARTURE)
    review = review_or_404(access, pk)
    decision = decision_current(review)
    if decision is None:
        raise Http404("No signed decision")
    form = AdviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            departure_advice_record(
                decision=decision,
                user=request.user,
                advice=form.cleaned_data["advice"],
                by=Actor.for_user(request.user),
                at=timezone.now(),
            )
        except AdviceRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Advice recorded"))
            return redirect("reviews:review", code=code, pk=pk)
    context = presenters.review_page(access, review, on=timezone.localdate())
    context.update(form=form, decision=decision)
    context["departure"] = departure_presenters.departure_view(decision)
    return render(request, "reviews/advice.html", context, status=400 if form.errors else 200)
