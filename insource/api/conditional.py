"""Conditional requests for the public API's details and downloads (ADR 0017).

Each carries an `ETag` and a `Last-Modified`, and a request whose `If-None-Match` or
`If-Modified-Since` shows the client's copy is current gets `304 Not Modified` with no body
(Django's `get_conditional_response`, the logic behind its `condition` decorator). A detail's
ETag is the SHA-256 of the JSON it sends (strong); a download's is derived from the data's
version, so a 304 costs a few aggregate queries instead of building 30 MB (weak: the package's
`publishedDate` differs between two builds of the same data).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag


def strong_etag(content: bytes) -> str:
    return quote_etag(hashlib.sha256(content).hexdigest()[:32])


def weak_etag(*parts: object) -> str:
    seed = "\x1f".join(str(p) for p in parts).encode()
    return "W/" + quote_etag(hashlib.sha256(seed).hexdigest()[:32])


def validators(*, etag: str, changed_at: datetime | None, now: datetime) -> dict[str, str]:
    """The ETag and Last-Modified fields (a time in the future is sent as now)."""
    headers = {"ETag": etag}
    if changed_at is not None:
        headers["Last-Modified"] = http_date(min(changed_at, now).timestamp())
    return headers


def not_modified(request, headers: dict[str, str]) -> HttpResponse | None:
    """A 304 carrying the validators when the client's copy is current, else None."""
    current = HttpResponse()
    for name, value in headers.items():
        current[name] = value
    last_modified = current.get("Last-Modified")
    answer = get_conditional_response(
        request,
        etag=headers["ETag"],
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=current,
    )
    return None if answer is current else answer
