"""The secrets of the requester's links: the confirmation link (only its hash is stored) and the
private link (keyed with SECRET_KEY)."""

from __future__ import annotations

import hashlib

from django.utils.crypto import constant_time_compare, salted_hmac

from insource.transparency.models import InformationRequest


def token_hash(token: str) -> str:
    """The stored form of the confirmation link's secret."""
    return hashlib.sha256(token.encode()).hexdigest()


def private_token(request: InformationRequest) -> str:
    """The secret of the requester's private link (withdraw, clarify, ask for a review): keyed
    with SECRET_KEY, so every email can carry it while only the confirmation token's hash is
    stored."""
    message = f"{request.reference}:{request.token_hash}"
    return salted_hmac("insource.transparency.private", message, algorithm="sha256").hexdigest()


def private_token_valid(request: InformationRequest, token: str) -> bool:
    return constant_time_compare(private_token(request), token or "")
