"""Officers' pages of a say before the decision (ADR 0036), under
/reviews/<code>/<review>/public-comments/: the comments and their summary (every officer of the
authority, the decision-maker among them), asking for comments on the draft, moderating one
comment, and recording how the comments were considered (officers who moderate)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core.dates import long_date
from insource.reviews.comments import presenters, selectors
from insource.reviews.comments.forms import ConsiderForm, ModerateForm
from insource.reviews.comments.moderation import ModerationInvalid, comment_moderate
from insource.reviews.comments.services import (
    WindowRefused,
    comment_window_consider,
    comment_window_open,
)
from insource.reviews.selectors import reviews as review_selectors


def _context(page: AuthorityPage, review) -> dict:
    return {
        "access": page.access,
        "review": review,
        "contract": review.contract,
        "say": presenters.say_panel(review, on=page.on),
        "can_moderate": page.can(Capability.MODERATE_COMMENTS),
        "nav_reviews": True,
    }


def _window_or_404(review):
    window = selectors.window_of_review(review)
    if window is None:
        raise Http404("No comment window on this review")
    return window


@authority_page(Capability.READ)
def say_page(request, page: AuthorityPage, pk: int):
    review = review_selectors.review_or_404(authority=page.authority, pk=pk)
    return render(request, "reviews/comments/officer.html", _context(page, review))


@authority_page(Capability.MODERATE_COMMENTS, post_only=True)
def say_open(request, page: AuthorityPage, pk: int):
    review = review_selectors.review_or_404(authority=page.authority, pk=pk)
    try:
        window = comment_window_open(
            review=review, user=request.user, on=page.on, by=page.actor, at=page.at
        )
    except WindowRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("The draft is published for comments until %(on)s")
            % {"on": long_date(window.closes_on)},
        )
    return redirect("reviews:say", code=page.code, pk=pk)


@authority_page(Capability.MODERATE_COMMENTS)
def say_moderate(request, page: AuthorityPage, pk: int, comment_pk: int):
    review = review_selectors.review_or_404(authority=page.authority, pk=pk)
    comment = selectors.comment_of_window_or_404(_window_or_404(review), comment_pk)
    initial = {k: getattr(comment, k) for k in ("withheld_reason", "stance", "theme")}
    initial |= {"moderation": comment.moderation, "note": comment.moderation_note}
    form = ModerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            comment_moderate(
                comment=comment, user=request.user, by=page.actor, at=page.at, **form.cleaned_data
            )
        except ModerationInvalid as invalid:
            for field, message in invalid.errors.items():
                form.add_error(field, message)
        else:
            messages.success(request, _("Moderation saved"))
            return redirect("reviews:say", code=page.code, pk=pk)
    context = _context(page, review) | {"comment": comment, "form": form}
    status = 400 if form.errors else 200
    return render(request, "reviews/comments/moderate.html", context, status=status)


@authority_page(Capability.MODERATE_COMMENTS)
def say_considered(request, page: AuthorityPage, pk: int):
    review = review_selectors.review_or_404(authority=page.authority, pk=pk)
    window = _window_or_404(review)
    form = ConsiderForm(request.POST or None, initial={"how_considered": window.how_considered})
    if request.method == "POST" and form.is_valid():
        try:
            comment_window_consider(
                window=window,
                text=form.cleaned_data["how_considered"],
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except WindowRefused as refused:
            form.add_error("how_considered", str(refused))
        else:
            messages.success(request, _("How the comments were considered is saved"))
            return redirect("reviews:say", code=page.code, pk=pk)
    context = _context(page, review) | {"form": form}
    status = 400 if form.errors else 200
    return render(request, "reviews/comments/considered.html", context, status=status)
