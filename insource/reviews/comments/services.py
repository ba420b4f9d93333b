"""The comment window's life (ADR 0036): opened on a draft by an officer, closed by the calendar
(announced daily, and at signing), its comments moderated, and how they were considered
recorded. Signing asks `say_refusal` (through `decision_sign`) and keeps `say_record` on the
decision. Every write is atomic and audited; opening and closing send the signals
`comment_window_opened` and `comment_window_closed` in their transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.core.dates import long_date
from insource.reviews.comments.rules import (
    closes_on_for,
    day_of,
    is_open_for_comments,
    window_days,
)
from insource.reviews.comments.selectors import comment_summary, openness_answers
from insource.reviews.models import CommentWindow, Review
from insource.reviews.signals import comment_window_closed, comment_window_opened

TEXT_LIMIT = 20_000


class WindowRefused(Exception):
    """The comment window cannot be opened or changed; the message says why."""


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


@transaction.atomic
def comment_window_open(*, review: Review, user, on: date, by: Actor, at: datetime):
    """Open the public comment window on the review's draft recommendation: from `on`, for the
    parameter's number of days. The draft (the engine's current result) is kept as published.
    Refused once signed, when a window was already opened, and with no recommendation yet."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.is_signed:
        raise WindowRefused(_("The decision is signed: comments can only be asked for on a draft"))
    if CommentWindow.objects.filter(review=review).exists():
        raise WindowRefused(_("Comments have already been asked for on this review"))
    result = (review.evaluation or {}).get("result") or {}
    if not result.get("outcome"):
        raise WindowRefused(
            _(
                "There is no draft recommendation yet: answer the review's questions until the "
                "policy recommends an outcome, then ask for comments"
            )
        )
    days = window_days(on)
    window = CommentWindow.objects.create(
        review=review,
        authority=review.authority,
        opens_on=on,
        closes_on=closes_on_for(on, days),
        num_days=days,
        draft=result,
        opened_by=user,
        opened_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="reviews.comment_window_open",
        obj=window,
        authority=review.authority,
        after={"review": review.pk, "opens_on": on.isoformat(), "closes_on": str(window.closes_on)},
    )
    comment_window_opened.send(sender=CommentWindow, window=window, by=by, at=at)
    return window


def _close(window: CommentWindow, *, by: Actor, at: datetime) -> None:
    window.closed_at = at
    window.save(update_fields=["closed_at"])
    audit_record(
        by=by,
        at=at,
        action="reviews.comment_window_close",
        obj=window,
        authority=window.authority,
        after={"closes_on": window.closes_on.isoformat(), **comment_summary(window)["counts"]},
    )
    comment_window_closed.send(sender=CommentWindow, window=window, at=at)


@transaction.atomic
def comment_windows_close(*, at: datetime, by: Actor) -> list[CommentWindow]:
    """Announce the closing of every window whose last day has passed (once each; run daily
    from cron as `insource reviews close-comment-windows`). Idempotent."""
    due = CommentWindow.objects.select_for_update().filter(
        closed_at__isnull=True, closes_on__lt=day_of(at)
    )
    closed = list(due.select_related("authority", "review"))
    for window in closed:
        _close(window, by=by, at=at)
    return closed


@transaction.atomic
def comment_window_consider(
    *, window: CommentWindow, text: str, user, by: Actor, at: datetime
) -> CommentWindow:
    """Record how the comments were considered (what the decision pack says); refused while
    the window is open and once the decision is signed."""
    window = CommentWindow.objects.select_for_update().select_related("review").get(pk=window.pk)
    text = (text or "").replace("\x00", "").strip()
    if window.review.is_signed:
        raise WindowRefused(_("The decision is signed: what it says about the comments is final"))
    if is_open_for_comments(window, on=day_of(at)):
        raise WindowRefused(
            _("Comments are open until %(on)s: say how they were considered after they close")
            % {"on": long_date(window.closes_on)}
        )
    if not text:
        raise WindowRefused(_("Enter how the comments were considered"))
    if len(text) > TEXT_LIMIT:
        raise WindowRefused(
            _("How the comments were considered must be %(n)s characters or fewer")
            % {"n": f"{TEXT_LIMIT:,}"}
        )
    before = {"how_considered": window.how_considered}
    window.how_considered, window.considered_by_name, window.considered_at = text, _name(user), at
    window.save(update_fields=["how_considered", "considered_by_name", "considered_at"])
    audit_record(
        by=by,
        at=at,
        action="reviews.comment_window_consider",
        obj=window,
        authority=window.authority,
        before=before,
        after={"how_considered": text},
    )
    return window


def say_refusal(review: Review, *, on: date) -> str | None:
    """Why the decision cannot be signed on `on` because of its comment window, or None: while
    comments are open, and, when any comment counted, until how they were considered is
    recorded."""
    window = CommentWindow.objects.filter(review=review).first()
    if window is None:
        return None
    if is_open_for_comments(window, on=on):
        return _(
            "Comments on the draft are open until %(on)s: the decision can be signed once they "
            "have closed and been considered"
        ) % {"on": long_date(window.closes_on)}
    if comment_summary(window)["counts"]["received"] and not window.how_considered.strip():
        return _(
            "Record how the public comments were considered before the decision is signed "
            "(Public comments, from the review's page)"
        )
    return None


def say_record(review: Review, *, by: Actor, at: datetime) -> dict:
    """What the decision keeps of the say before it (called by `decision_sign` after
    `say_refusal`): the window's dates, the comments' counts and how they were considered,
    and the subsidiarity and openness answers. Announces the window's closing if not done."""
    record = {"openness": openness_answers(review), "window": None}
    window = CommentWindow.objects.filter(review=review).first()
    if window is None:
        return record
    if window.closed_at is None:
        _close(window, by=by, at=at)
    record["window"] = {
        "opens_on": window.opens_on.isoformat(),
        "closes_on": window.closes_on.isoformat(),
        "num_days": window.num_days,
        **comment_summary(window),
        "how_considered": window.how_considered,
    }
    return record
