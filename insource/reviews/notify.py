"""Emails about reviews: to owners when reviews open or become late, to the decision-maker
when a decision awaits signature. Sent after the transaction commits; a mail failure is logged,
never undoes the work. The console backend is the default (settings `EMAIL_*`)."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

log = logging.getLogger(__name__)


def _link(name: str, **kwargs) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(user, subject: str, template: str, context: dict) -> bool:
    if not user.email:
        log.warning("no email address for %s: %s not sent", user.get_username(), subject)
        return False
    body = render_to_string(template, {"user": user, **context})
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:
        log.exception("email to %s failed: %s", user.email, subject)
        return False
    return True


def _by_owner(reviews) -> dict:
    grouped = defaultdict(list)
    for review in reviews:
        if review.owner_id is not None:
            grouped[review.owner].append(review)
    return grouped


def _items(reviews) -> list[dict]:
    return [
        {
            "review": r,
            "link": _link("reviews:review", code=r.authority.code, pk=r.pk),
        }
        for r in reviews
    ]


def notify_reviews_opened(reviews) -> int:
    """One email per owner listing the reviews opened for them; the number sent."""
    sent = 0
    for owner, theirs in _by_owner(reviews).items():
        subject = f"{len(theirs)} contract review(s) opened for you"
        sent += _send(owner, subject, "reviews/email/opened.txt", {"items": _items(theirs)})
    return sent


def notify_reviews_late(reviews) -> int:
    """One email per owner listing their reviews that have become late."""
    sent = 0
    for owner, theirs in _by_owner(reviews).items():
        subject = f"{len(theirs)} contract review(s) now late"
        sent += _send(owner, subject, "reviews/email/late.txt", {"items": _items(theirs)})
    return sent


def notify_awaiting_signature(review) -> int:
    """Tell the named decision-maker that a decision awaits their signature."""
    if review.decision_maker is None:
        return 0
    context = {"items": _items([review]), "review": review}
    subject = f"A decision awaits your signature: {review.contract.title[:80]}"
    return int(_send(review.decision_maker, subject, "reviews/email/awaiting.txt", context))


def notify_returned(review, *, reasons: str, by) -> int:
    """Tell the officer who sent the review for decision (else its owner) that the
    decision-maker returned it, and why."""
    officer = review.submitted_by or review.owner
    if officer is None:
        return 0
    context = {
        "items": _items([review]),
        "review": review,
        "reasons": reasons,
        "by": by.get_full_name() or by.get_username(),
    }
    subject = f"A review was returned to you: {review.contract.title[:80]}"
    return int(_send(officer, subject, "reviews/email/returned.txt", context))
