"""The spam guard of the public comment form, as information requests have it (no third-party
service): a honeypot field people never see, a signed time the form was shown (refused when
sent faster than a person fills it, `INSOURCE_REQUEST_MIN_FILL_SECONDS`, or more than a day
later), and a limit per email address and per keyed hash of the client's address
(`INSOURCE_COMMENTS_PER_HOUR`, default 5), counted from the comments stored. A refused comment
stores nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from insource.reviews.models import PublicComment

FORM_SALT = "insource.reviews.comment-form"
FORM_MAX_AGE = timedelta(hours=24)
RATE_WINDOW = timedelta(hours=1)


class CommentRefused(Exception):
    """The comment (or its confirmation) was refused; the message says why and what to do."""


def form_token_sign(at: datetime) -> str:
    """The signed moment a form was shown (put in a hidden field)."""
    return signing.dumps(round(at.timestamp(), 3), salt=FORM_SALT)


def ip_hash(ip: str) -> str:
    """A keyed hash of the client's address: counted for the rate limit, never shown."""
    return salted_hmac("insource.reviews.comment-ip", ip or "", algorithm="sha256").hexdigest()


def _shown_at(form_token: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(signing.loads(form_token, salt=FORM_SALT)), UTC)
    except (signing.BadSignature, TypeError, ValueError, OverflowError):
        return None


def check_spam(*, honeypot: str, form_token: str, at: datetime) -> None:
    """Refuse a filled honeypot, and a form sent too fast, too late or with a forged time."""
    if (honeypot or "").strip():
        raise CommentRefused(
            _(
                "Your comment was not sent: it looks automated. Leave the field headed "
                "‘Leave this empty’ empty, then send your comment again"
            )
        )
    shown = _shown_at(form_token)
    if shown is None or not timedelta(0) <= at - shown <= FORM_MAX_AGE:
        raise CommentRefused(
            _("This form has expired. Your comment was not sent: check it, then send it again")
        )
    if at - shown < timedelta(seconds=settings.INSOURCE_REQUEST_MIN_FILL_SECONDS):
        raise CommentRefused(
            _(
                "The form was sent too quickly to have been filled in by a person. Your "
                "comment was not sent: check it, then send it again"
            )
        )


def check_rate(*, email: str, ip_digest: str, at: datetime) -> None:
    """Refuse when the email address or the address hash made the limit in the last hour."""
    recent = PublicComment.objects.filter(submitted_at__gt=at - RATE_WINDOW, submitted_at__lte=at)
    limit = getattr(settings, "INSOURCE_COMMENTS_PER_HOUR", 5)
    by_email = recent.filter(email=email).count()
    by_ip = recent.filter(ip_hash=ip_digest).count() if ip_digest else 0
    if max(by_email, by_ip) >= limit:
        raise CommentRefused(
            _(
                "You have sent %(n)s comments in the last hour, the most we accept. Your "
                "comment was not sent: try again in an hour"
            )
            % {"n": limit}
        )
