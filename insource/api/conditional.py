"""Conditional requests for the public API's details and downloads (ADR 0017).

Each carries an `ETag` and a `Last-Modified`, and a request whose `If-None-Match` or
`If-Modified-Since` shows the client's copy is current gets `304 Not Modified` with no body
(Django's `get_conditional_response`, the logic behind its `condition` decorator). A detail's
ETag is the SHA-256 of the JSON it sends (strong); a download's is derived from the data's
version, so a 304 costs a few aggregate queries instead of building 30 MB (weak: the package's
`publishedDate` differs between two builds of the same data). A whole-register download is a
built file (ADR 0047): its validators are the file's own (`file_response`, strong), and one
byte range is served from it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
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


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
BLOCK = 64 * 1024


def file_etag(name: str, found: os.stat_result) -> str:
    """A built file's strong validator: its name, modification time and size (a new build is
    a new file, moved into place, with a new time)."""
    seed = f"{name}\x1f{found.st_mtime_ns}\x1f{found.st_size}".encode()
    return quote_etag(hashlib.sha256(seed).hexdigest()[:32])


def file_response(
    request, path: Path, *, content_type: str, filename: str, now: datetime
) -> HttpResponseBase:
    """A built file with ETag and Last-Modified (its build time): 304 when the client's copy is
    current, 206 for one satisfiable byte range (`Range: bytes=a-b`, honouring `If-Range`), 416
    for one past the end, else the whole file. The file is opened first and its validators
    read from the open file, so a build moved into place meanwhile cannot mix two files."""
    handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it)
    try:
        found = os.fstat(handle.fileno())
        changed_at = datetime.fromtimestamp(found.st_mtime, tz=UTC)
        headers = validators(etag=file_etag(path.name, found), changed_at=changed_at, now=now)
        headers["Accept-Ranges"] = "bytes"
        answer = not_modified(request, headers)
        if answer is None:
            answer = _ranged(request, handle, found.st_size, headers, content_type)
    except BaseException:
        handle.close()
        raise
    if not isinstance(answer, FileResponse | StreamingHttpResponse):
        handle.close()
    for name, value in headers.items():
        answer[name] = value
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer


def _ranged(request, handle, size: int, headers: dict, content_type: str) -> HttpResponseBase:
    wanted = _one_range(request, size, headers)
    if wanted is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
        return response
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    start, end = wanted
    response = StreamingHttpResponse(_slice(handle, start, end), status=206)
    response["Content-Type"] = content_type
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    return response


def _one_range(request, size: int, headers: dict):
    """(first, last) byte of one range; "unsatisfiable"; or None for the whole file (no Range,
    several ranges, a Range we do not read, or an If-Range the file no longer matches)."""
    header = request.META.get("HTTP_RANGE", "").strip()
    if not header or request.method not in ("GET", "HEAD"):
        return None
    if_range = request.META.get("HTTP_IF_RANGE", "").strip()
    if if_range and if_range not in (headers["ETag"], headers.get("Last-Modified")):
        return None
    match = _RANGE.match(header.replace(" ", ""))
    if match is None or match.group(1) == match.group(2) == "" or len(header) > 100:
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        return "unsatisfiable"
    if end < start:
        return None
    return start, end


def _slice(handle, start: int, end: int) -> Iterator[bytes]:
    try:
        handle.seek(start)
        left = end - start + 1
        while left > 0:
            block = handle.read(min(BLOCK, left))
            if not block:
                break
            left -= len(block)
            yield block
    finally:
        handle.close()
