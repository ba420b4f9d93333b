"""The spam guard of the public request form, with no third-party service: a honeypot field
people never see, a signed timestamp that refuses a form sent faster than a person can fill it
(`INSOURCE_REQUEST_MIN_FILL_SECONDS`) or more than a day after it was shown, and a limit per
email address and per keyed hash of the client's address (`INSOURCE_REQUESTS_PER_HOUR` in any
hour), counted from the requests stored. A refused submission stores nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from insource.transparency.models import InformationRequest

FORM_SALT = "insource.transparency.request-form"
FORM_MAX_AGE = timedelta(hours=24)
RATE_WINDOW = timedelta(hours=1)


class SubmissionRefused(Exception):
    """The spam guard or the rate limit refused the request; nothing was stored."""


def form_token_sign(at: datetime) -> str:
    """The signed moment a form was shown (put in a hidden field)."""
    return signing.dumps(round(at.timestamp(), 3), salt=FORM_SALT)


def ip_hash(ip: str) -> str:
    """A keyed hash of the client's address: counted for the rate limit, never shown."""
    return salted_hmac("insource.transparency.ip", ip or "", algorithm="sha256").hexdigest()


def check_spam(*, honeypot: str, form_token: str, at: datetime) -> None:
    """Refuse a filled honeypot, and a form sent too fast, too late or with a forged time."""
    if (honeypot or "").strip():
        raise SubmissionRefused(
            "Your request was not sent: it looks automated. Leave the field headed "
            "‘Leave this empty’ empty, then send your request again"
        )
    try:
        shown = datetime.fromtimestamp(float(signing.loads(form_token, salt=FORM_SALT)), UTC)
    except (signing.BadSignature, TypeError, ValueError, OverflowError):
        shown = None
    if shown is None or not timedelta(0) <= at - shown <= FORM_MAX_AGE:
        raise SubmissionRefused(
            "This form has expired or is not valid. Your request was not sent: check it, then "
            "send it again"
        )
    if at - shown < timedelta(seconds=settings.INSOURCE_REQUEST_MIN_FILL_SECONDS):
        raise SubmissionRefused(
            "The form was sent too quickly to have been filled in by a person. Your request "
            "was not sent: check it, then send it again"
        )


def check_rate(*, email: str, ip_digest: str, at: datetime) -> None:
    """Refuse when the email address or the address hash made the limit in the last hour."""
    since = at - RATE_WINDOW
    recent = InformationRequest.objects.filter(submitted_at__gt=since, submitted_at__lte=at)
    limit = settings.INSOURCE_REQUESTS_PER_HOUR
    by_email = recent.filter(requester_email=email).count()
    by_ip = recent.filter(ip_hash=ip_digest).count() if ip_digest else 0
    if max(by_email, by_ip) >= limit:
        raise SubmissionRefused(
            f"You have made {limit} requests in the last hour, the most we accept. Your "
            "request was not sent: try again in an hour"
        )
