"""Emails about reviews: to owners when reviews open or become late, to the decision-maker
when a decision awaits signature. Sent after the transaction commits; a mail failure is logged,
never undoes the work. The console backend is the default (settings `EMAIL_*`)."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insource.core.bilingual import in_languages, publishes_in_welsh, render_in_languages

log = logging.getLogger(__name__)


def _link(name: str, **kwargs) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(user, subject, template: str, context: dict, *, authority=None) -> bool:
    """`subject` is a function making it, called in each language the authority publishes in
    (Welsh and English for an authority in Wales; ADR 0035), as the body is."""
    welsh = publishes_in_welsh(authority)
    subject = in_languages(subject, welsh=welsh)
    if not user.email:
        log.warning("no email address for %s: %s not sent", user.get_username(), subject)
        return False
    body = render_in_languages(template, {"user": user, **context}, welsh=welsh)
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


def _one(reviews):
    """The authority of a list of reviews when they share one (else none: English)."""
    authorities = {r.authority_id: r.authority for r in reviews}
    return next(iter(authorities.values())) if len(authorities) == 1 else None


def notify_reviews_opened(reviews) -> int:
    """One email per owner listing the reviews opened for them; the number sent."""
    sent = 0
    for owner, theirs in _by_owner(reviews).items():

        def subject(n=len(theirs)):
            return ngettext(
                "%(n)s contract review opened for you", "%(n)s contract reviews opened for you", n
            ) % {"n": n}

        context = {"items": _items(theirs)}
        sent += _send(owner, subject, "reviews/email/opened.txt", context, authority=_one(theirs))
    return sent


def notify_reviews_late(reviews) -> int:
    """One email per owner listing their reviews that have become late."""
    sent = 0
    for owner, theirs in _by_owner(reviews).items():

        def subject(n=len(theirs)):
            return ngettext(
                "%(n)s contract review now late", "%(n)s contract reviews now late", n
            ) % {"n": n}

        context = {"items": _items(theirs)}
        sent += _send(owner, subject, "reviews/email/late.txt", context, authority=_one(theirs))
    return sent


def notify_awaiting_signature(review) -> int:
    """Tell the named decision-maker that a decision awaits their signature."""
    if review.decision_maker is None:
        return 0
    context = {"items": _items([review]), "review": review}

    def subject():
        return _("A decision awaits your signature: %(title)s") % {
            "title": review.contract.title[:80]
        }

    template = "reviews/email/awaiting.txt"
    return int(_send(review.decision_maker, subject, template, context, authority=review.authority))


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

    def subject():
        return _("A review was returned to you: %(title)s") % {"title": review.contract.title[:80]}

    template = "reviews/email/returned.txt"
    return int(_send(officer, subject, template, context, authority=review.authority))
