"""The secrets of a follower's links: the confirmation link (only its hash is stored) and the
unsubscribe link (keyed with SECRET_KEY, so every email can carry it)."""

from __future__ import annotations

import hashlib

from django.utils.crypto import constant_time_compare, salted_hmac


def token_hash(token: str) -> str:
    """The stored form of the confirmation link's secret."""
    return hashlib.sha256((token or "").encode()).hexdigest()


def stop_token(subscription) -> str:
    """The secret of the subscription's unsubscribe link."""
    message = f"{subscription.ref}:{subscription.token_hash}"
    return salted_hmac("insource.alerts.stop", message, algorithm="sha256").hexdigest()


def stop_token_valid(subscription, token: str) -> bool:
    return constant_time_compare(stop_token(subscription), (token or "")[:200])
