"""Builders for a say before the decision (ADR 0036): a comment window opened on a review's
draft, comments made (with a form shown minutes earlier) and confirmed through the services."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from insource.core.audit import Actor
from insource.reviews.comments.services import comment_window_open
from insource.reviews.comments.spam import form_token_sign
from insource.reviews.comments.submission import comment_confirm, comment_submit
from insource.reviews.models import PublicComment
from insource.testing.workflow import NOW, TODAY

_ADDRESSES = itertools.count(1)
TEXT = "Please bring the bin collection back in house: the crews were better paid."
NAME, EMAIL = "Rita Resident", "rita.resident@example.net"


def window_open(review, officer, *, on=TODAY, at=NOW):
    """Open the comment window on the review's draft, as its officer."""
    return comment_window_open(
        review=review, user=officer, on=on, by=Actor.for_user(officer), at=at
    )


def comment(window, *, at: datetime = NOW, **overrides):
    """Make a comment through the service; returns `Submitted` (comment and token)."""
    fields = {
        "text": TEXT,
        "name": NAME,
        "email": EMAIL,
        "honeypot": "",
        "form_token": form_token_sign(at - timedelta(minutes=3)),
        "ip": f"198.19.{next(_ADDRESSES) % 250}.1",  # a fresh address: no rate limit
    }
    return comment_submit(window=window, at=at, **(fields | overrides))


def confirmed_comment(window, *, at: datetime = NOW, **overrides) -> PublicComment:
    """A comment made and confirmed at the same moment."""
    made = comment(window, at=at, **overrides)
    comment_confirm(token=made.token, at=at)
    return PublicComment.objects.get(pk=made.comment.pk)


def window_with_comments(review, officer) -> dict:
    """The route world's: a window on `review`, one confirmed comment and one waiting for its
    confirmation (its token)."""
    window = window_open(review, officer)
    kept = confirmed_comment(window)
    waiting = comment(window, email="waiting.resident@example.net")
    return {"window": window, "comment": kept, "comment_token": waiting.token}
