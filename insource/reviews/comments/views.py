"""Public pages of a say before the decision (under /public/comments/, no sign-in; ADR 0036):
the drafts open for comment, a draft with its explanation, its published comments and the
comment form, "check your email", and the confirmation link (a button, so a mail scanner
following the link confirms nothing). Views parse, call one service or selector, present."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.accounts.throttling import client_ip
from insource.core.views import request_time
from insource.reviews.comments import presenters, selectors, submission
from insource.reviews.comments.forms import CommentForm
from insource.reviews.comments.rules import day_of
from insource.reviews.comments.spam import CommentRefused, form_token_sign


def drafts_open(request):
    context = presenters.open_windows_page(on=timezone.localdate())
    return render(request, "reviews/comments/open.html", context | {"nav_comments": True})


def draft(request, pk: int):
    window = selectors.window_public_get(pk)
    if window is None:
        raise Http404(_("No draft has that number"))
    at = request_time(request)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _submit(request, window, form, at):
        return redirect("public:comments-sent", pk=pk)
    context = presenters.draft_page(window, on=day_of(at), form=form, started=form_token_sign(at))
    status = 400 if form.errors else 200
    return render(request, "reviews/comments/draft.html", context, status=status)


def _submit(request, window, form, at) -> bool:
    data = form.cleaned_data
    try:
        submission.comment_submit(
            window=window,
            text=data["text"],
            name=data["name"],
            email=data["email"],
            honeypot=data["website"],
            form_token=data["started"],
            ip=client_ip(request),
            at=at,
        )
    except submission.CommentInvalid as invalid:
        for field, message in invalid.errors.items():
            form.add_error(field, message)
        return False
    except CommentRefused as refused:
        form.add_error(None, str(refused))
        return False
    return True


def comment_sent(request, pk: int):
    window = selectors.window_public_get(pk)
    if window is None:
        raise Http404(_("No draft has that number"))
    return render(request, "reviews/comments/sent.html", {"window": window, "nav_comments": True})


def comment_confirm(request, token: str):
    comment = submission.comment_by_token(token)
    if comment is None:
        raise Http404(_("This link is not valid"))
    error = ""
    if request.method == "POST" or comment.confirmed_at is not None:
        try:
            submission.comment_confirm(token=token, at=request_time(request))
        except CommentRefused as refused:
            error = str(refused)
        else:
            messages.success(request, _("Thank you: your comment is confirmed and counts"))
            return redirect("public:comments-draft", pk=comment.window_id)
    context = {"window": comment.window, "error": error, "nav_comments": True}
    status = 400 if error else 200
    return render(request, "reviews/comments/confirm.html", context, status=status)
