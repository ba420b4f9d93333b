"""Where feed pages come from: the Find a Tender API (cursor through `links.next`) or a folder.

A page is a `Page(label, next_url, package)`; an unreadable page is a `Page` with `error` set, so
the pull records it and stops, and the next pull starts again from the same place. The HTTP
client takes its opener and its sleep as arguments: tests give it a local stub, never the network.
"""

from __future__ import annotations

import gzip
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

PAGE_LIMIT = 100
MAX_RETRY_AFTER = 600  # seconds: a longer Retry-After stops the pull (the next one resumes)
MAX_PAGE_BYTES = 50 * 1024 * 1024
USER_AGENT = "Insource contract register (+https://github.com/insource; daily pull)"


@dataclass
class Page:
    label: str  # the page's URL or file
    package: dict | None = None
    next_url: str = ""
    error: str = ""


def api_time(moment: datetime) -> str:
    """The API's date-time form: UTC, to the second, no offset (2026-08-10T00:00:00)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def first_url(base: str, updated_from: datetime, updated_to: datetime) -> str:
    query = urlencode(
        {
            "updatedFrom": api_time(updated_from),
            "updatedTo": api_time(updated_to),
            "limit": PAGE_LIMIT,
        }
    )
    return f"{base}/ocdsReleasePackages?{query}"


def next_link(package: dict) -> str:
    links = package.get("links") if isinstance(package, dict) else None
    nxt = links.get("next") if isinstance(links, dict) else None
    return nxt if isinstance(nxt, str) and nxt.startswith(("https://", "http://")) else ""


def _parsed(label: str, raw: bytes) -> Page:
    try:
        package = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return Page(label, error=f"is not JSON ({exc})")
    if not isinstance(package, dict):
        return Page(label, error="is not a release package (a JSON object)")
    return Page(label, package=package, next_url=next_link(package))


def dir_pages(folder: Path) -> Iterator[Page]:
    """`page-*.json` (or `page-*.json.gz`) in name order; a folder of days is read day by day,
    in name order."""
    folder = Path(folder)
    days = [folder] if _page_files(folder) else sorted(d for d in folder.iterdir() if d.is_dir())
    for day in days:
        for file in _page_files(day):
            yield _read_file(file)


def _page_files(folder: Path) -> list[Path]:
    files = [*folder.glob("page-*.json"), *folder.glob("page-*.json.gz")]
    return sorted(files, key=lambda f: f.name)


def _read_file(file: Path) -> Page:
    try:
        with gzip.open(file) if file.suffix == ".gz" else open(file, "rb") as f:
            raw = f.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError) as exc:
        return Page(str(file), error=f"could not be read ({exc})")
    if len(raw) > MAX_PAGE_BYTES:
        return Page(str(file), error=f"is larger than {MAX_PAGE_BYTES} bytes")
    return _parsed(str(file), raw)


class FeedClient:
    """Reads API pages: a timeout, a User-Agent, 429 answers waited out a bounded number of
    times (as long as the server's Retry-After, up to MAX_RETRY_AFTER seconds)."""

    def __init__(
        self,
        *,
        timeout: int,
        retries: int,
        opener: Callable | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.timeout, self.retries, self.sleep = timeout, retries, sleep
        self.opener = opener or urllib.request.build_opener().open
        self.waited: list[float] = []

    def get(self, url: str) -> Page:
        if not url.startswith(("https://", "http://")):
            return Page(url, error="is not an http(s) address")
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
        )
        for attempt in range(self.retries + 1):
            try:
                with self.opener(request, timeout=self.timeout) as response:
                    raw = response.read(MAX_PAGE_BYTES + 1)
                if len(raw) > MAX_PAGE_BYTES:
                    return Page(url, error=f"is larger than {MAX_PAGE_BYTES} bytes")
                return _parsed(url, raw)
            except urllib.error.HTTPError as exc:
                if exc.code != 429:
                    return Page(url, error=f"the server answered {exc.code} {exc.reason}")
                wait = _retry_after(exc.headers.get("Retry-After"))
                if attempt == self.retries or wait is None or wait > MAX_RETRY_AFTER:
                    return Page(url, error=_RATE_LIMITED.format(attempt + 1, wait))
                self.waited.append(wait)
                self.sleep(wait)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                return Page(url, error=f"could not be read ({exc})")
        raise AssertionError("unreachable")  # pragma: no cover

    def pages(self, url: str) -> Iterator[Page]:
        while url:
            page = self.get(url)
            yield page
            if page.error:
                return
            url = page.next_url


_RATE_LIMITED = (
    "the server is rate limiting (429) after {} attempt(s), Retry-After {}: nothing more was"
    " read; the next pull resumes from here"
)


def _retry_after(value) -> float | None:
    try:
        seconds = float(str(value).strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
