"""Officer pages around a decision: the decision-maker returning a review to the officer with
reasons, and the monitoring officer recording their advice on a departure towards outsourcing
(a prerequisite of its publication)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.reviews import presenters
from insource.reviews.decisions import departure_presenters
from insource.reviews.decisions.forms import AdviceForm, ReturnForm
from insource.reviews.selectors.reviews import review_or_404
from insource.reviews.services.decisions import decision_current
from insource.reviews.services.departures import AdviceRefused, departure_advice_record
from insource.reviews.services.returning import ReturnRefused, review_return


@authority_page(Capability.SIGN_DECISION)
def review_return_view(request, page: AuthorityPage, pk: int):
    review = review_or_404(authority=page.authority, pk=pk)
    form = ReturnForm(request.POST or None, initial={"version": review.version})
    if request.method == "POST" and form.is_valid():
        try:
            review_return(
                review=review,
                user=request.user,
                reasons=form.cleaned_data["reasons"],
                version=form.cleaned_data["version"],
                by=page.actor,
                at=page.at,
            )
        except ReturnRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Review returned to the officer"))
            return redirect("reviews:review", code=page.code, pk=pk)
    context = presenters.review_page(page.access, review, on=page.on)
    context.update(form=form)
    return render(request, "reviews/return.html", context, status=400 if form.errors else 200)


@authority_page(Capability.ADVISE_ON_DEPARTURE)
def departure_advice_view(request, page: AuthorityPage, pk: int):
    review = review_or_404(authority=page.authority, pk=pk)
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
                by=page.actor,
                at=page.at,
            )
        except AdviceRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Advice recorded"))
            return redirect("reviews:review", code=page.code, pk=pk)
    context = presenters.review_page(page.access, review, on=page.on)
    context.update(form=form, decision=decision)
    context["departure"] = departure_presenters.departure_view(decision)
    return render(request, "reviews/advice.html", context, status=400 if form.errors else 200)
