"""Making a public comment on a draft and confirming its email address (ADR 0036).

As for information requests: anyone may comment, with an email address (required, to confirm)
and a name (optional); neither is ever published, and both are removed from the comment's
public text. A comment counts only once its address is confirmed, and only while the window is
open (`rules.is_open_for_comments`): made or confirmed after it closes, it is refused."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.core.dates import long_date
from insource.core.privacy import hide_identity
from insource.reviews.comments import notify
from insource.reviews.comments.rules import day_of, is_open_for_comments
from insource.reviews.comments.spam import CommentRefused, check_rate, check_spam, ip_hash
from insource.reviews.models import CommentWindow, PublicComment

COMMENTER = Actor(label="commenter")
LIMITS = {"name": 200, "email": 254, "text": 10_000}
HIDDEN = "[name or email address removed]"


class CommentInvalid(Exception):
    """Fields to correct: `errors` maps a field name to its message (GOV.UK style)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Submitted:
    comment: PublicComment
    token: str  # the confirmation link's secret; only its hash is stored


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def closed_message(window: CommentWindow) -> str:
    return _(
        "Comments on this draft closed on %(on)s. Your comment was not sent: you can still ask "
        "for information about the decision"
    ) % {"on": long_date(window.closes_on)}


def _clean(*, text: str, name: str, email: str) -> dict[str, str]:
    values = {
        "text": (text or "").replace("\x00", "").strip(),
        "name": " ".join((name or "").replace("\x00", "").split()),
        "email": (email or "").strip().lower(),
    }
    errors = {}
    if not values["text"]:
        errors["text"] = _("Enter your comment")
    if not values["email"]:
        errors["email"] = _("Enter your email address")
    names = {"text": _("Your comment"), "name": _("Your name"), "email": _("Your email address")}
    for field, limit in LIMITS.items():
        if field not in errors and len(values[field]) > limit:
            errors[field] = _("%(what)s must be %(n)s characters or fewer") % {
                "what": names[field],
                "n": f"{limit:,}",
            }
    if "email" not in errors:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors["email"] = _(
                "Enter an email address in the correct format, like name@example.com"
            )
    if errors:
        raise CommentInvalid(errors)
    return values


def comment_submit(
    *,
    window: CommentWindow,
    text: str,
    name: str,
    email: str,
    honeypot: str,
    form_token: str,
    ip: str,
    at: datetime,
) -> Submitted:
    """Make a comment (awaiting confirmation of its email address); the confirmation link goes
    by email after commit. Raises `CommentRefused` (window closed, spam guard, rate limit) or
    `CommentInvalid` (every field to correct), storing nothing."""
    if not is_open_for_comments(window, on=day_of(at)):
        raise CommentRefused(closed_message(window))
    values = _clean(text=text, name=name, email=email)
    check_spam(honeypot=honeypot, form_token=form_token, at=at)
    digest = ip_hash(ip) if ip else ""
    with transaction.atomic():
        check_rate(email=values["email"], ip_digest=digest, at=at)
        token = secrets.token_urlsafe(32)
        public_text, _n, _found = hide_identity(
            values["text"], name=values["name"], email=values["email"], replacement=HIDDEN
        )
        comment = PublicComment.objects.create(
            window=window,
            text=values["text"],
            public_text=public_text,
            name=values["name"],
            email=values["email"],
            ip_hash=digest,
            token_hash=token_hash(token),
            submitted_at=at,
        )
        audit_record(
            by=COMMENTER,
            at=at,
            action="reviews.comment_submit",
            obj=comment,
            authority=window.authority,
            after={"window": window.pk, "characters": len(values["text"])},
        )
        transaction.on_commit(lambda: notify.email_confirmation(comment, token))
    return Submitted(comment=comment, token=token)


def comment_by_token(token: str) -> PublicComment | None:
    """The comment a confirmation link names, or None."""
    if not token or len(token) > 100:
        return None
    found = PublicComment.objects.select_related("window", "window__authority")
    return found.filter(token_hash=token_hash(token)).first()


@transaction.atomic
def comment_confirm(*, token: str, at: datetime) -> PublicComment:
    """Confirm the comment's email address, so it counts; idempotent. Refused once the
    window has closed (the comment then never counts)."""
    comment = comment_by_token(token)
    if comment is None:
        raise CommentRefused(
            _("This link is not valid. Check that you copied the whole link from the email")
        )
    comment = PublicComment.objects.select_for_update().get(pk=comment.pk)
    if comment.confirmed_at is not None:
        return comment
    window = comment.window
    if not is_open_for_comments(window, on=day_of(at)):
        raise CommentRefused(
            _(
                "Comments on this draft closed on %(on)s, before your comment was confirmed, "
                "so it was not counted"
            )
            % {"on": long_date(window.closes_on)}
        )
    comment.confirmed_at = at
    comment.save(update_fields=["confirmed_at"])
    audit_record(
        by=COMMENTER,
        at=at,
        action="reviews.comment_confirm",
        obj=comment,
        authority=window.authority,
        after={"window": window.pk},
    )
    return comment
