"""Reading comment windows and their comments (ADR 0036).

Public selectors return what the public may see: windows (their dates and draft) and published
comments' public text, never a commenter. `open_comment_windows` and `comment_windows_between`
give other apps (alerts, feeds, the calendar) the windows' dates."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, Q
from django.http import Http404

from insource.reviews.models import CommentWindow, Moderation, PublicComment, Review

OPENNESS = "workflow.openness."


def _windows():
    return CommentWindow.objects.select_related("authority", "review", "review__contract")


def open_comment_windows(*, on: date, authority=None):
    """The windows open for comments on `on` (optionally of one authority), closing first."""
    found = _windows().filter(opens_on__lte=on, closes_on__gte=on)
    return found.filter(authority=authority) if authority is not None else found


def comment_windows_between(start: date, end: date, *, authority=None):
    """Every window open on any day from `start` to `end` (both included): for a calendar of
    comment windows, each with `opens_on` and `closes_on` (its last day)."""
    found = _windows().filter(opens_on__lte=end, closes_on__gte=start).order_by("opens_on", "pk")
    return found.filter(authority=authority) if authority is not None else found


def window_public_get(pk: int) -> CommentWindow | None:
    """A comment window by its number (every window is public from the day it opens)."""
    return _windows().filter(pk=pk).first()


def window_for_contract(contract) -> CommentWindow | None:
    """The contract's latest comment window, for its public page (None if there is none)."""
    return _windows().filter(review__contract=contract).order_by("-opens_on", "-pk").first()


def window_of_review(review: Review) -> CommentWindow | None:
    return CommentWindow.objects.filter(review=review).first()


def comments_published(window: CommentWindow):
    """The comments the public reads: confirmed and published, oldest first."""
    return window.comments.filter(confirmed_at__isnull=False, moderation=Moderation.PUBLISHED)


def comments_received(window: CommentWindow):
    """Every comment that counts (its address confirmed): what the decision-maker reads."""
    return window.comments.filter(confirmed_at__isnull=False)


def comment_of_window_or_404(window: CommentWindow, pk: int) -> PublicComment:
    found = window.comments.filter(pk=pk).first()
    if found is None:
        raise Http404("No such comment")
    return found


def comment_summary(window: CommentWindow) -> dict:
    """How many comments were received (confirmed), published, withheld and waiting for
    moderation, how many were never confirmed (not counted); by stance and by theme (as an
    officer recorded them)."""
    confirmed = Q(confirmed_at__isnull=False)
    counts = window.comments.aggregate(
        received=Count("pk", filter=confirmed),
        unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
        published=Count("pk", filter=confirmed & Q(moderation=Moderation.PUBLISHED)),
        withheld=Count("pk", filter=confirmed & Q(moderation=Moderation.WITHHELD)),
        pending=Count("pk", filter=confirmed & Q(moderation=Moderation.PENDING)),
    )
    rows = list(comments_received(window).values_list("stance", "theme"))
    stances = Counter(stance for stance, _theme in rows if stance)
    themes = Counter(theme for _stance, theme in rows if theme)
    return {
        "counts": counts,
        "by_stance": dict(sorted(stances.items())),
        "by_theme": sorted(themes.items(), key=lambda kv: (-kv[1], kv[0].lower())),
    }


def openness_answers(review: Review) -> dict:
    """The subsidiarity and openness test as answered on the review (paths without their
    `workflow.openness.` prefix)."""
    answers = review.answers.filter(path__startswith=OPENNESS, is_disputed=False)
    return {path[len(OPENNESS) :]: value for path, value in answers.values_list("path", "value")}


def publication_of_window(window: CommentWindow):
    """The published decision on the window's review, if any (the draft page links to it)."""
    decision = window.review.decisions.filter(
        replaced_by__isnull=True, publication__isnull=False
    ).first()
    return decision.publication if decision else None
