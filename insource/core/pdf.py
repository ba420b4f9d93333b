"""HTML to PDF (decision packs) with WeasyPrint, never touching the network.

The fetcher WeasyPrint uses for stylesheets, images and fonts serves only the app's own static
files (found by `django.contrib.staticfiles.finders`, at `STATIC_URL` on the document's origin)
and `data:` URLs. Everything else — other hosts, `file:` URLs, paths outside `STATIC_URL` — is
refused and logged on the `insource.core.pdf` logger; WeasyPrint then renders without it.

Templates link the print stylesheet with `{% static 'insource/pack-print.css' %}` (A4, Liberation
Sans, "Page X of Y"); see that file for the classes it gives the running header.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)
# WeasyPrint logs every rendering step at INFO: keep those out of the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The origin relative URLs resolve against when no base_url is given (.invalid never resolves).
LOCAL_BASE_URL = "https://insource.invalid/"


class PdfFetchRefused(ValueError):
    """A URL the PDF renderer may not fetch: only the app's static files and data: URLs."""


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML document to PDF bytes; only static files and data: URLs are loaded.

    `base_url` is the absolute http(s) URL the document's relative links resolve against
    (e.g. `request.build_absolute_uri("/")`); it is never contacted.
    """
    base = base_url or LOCAL_BASE_URL
    fetcher = OfflineFetcher(base)
    return HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"base_url must be an absolute http(s) URL, not {url!r}.")
    return f"{parts.scheme}://{parts.netloc}".lower()


class OfflineFetcher(URLFetcher):
    """WeasyPrint URL fetcher that reads static files from disk and opens no connection."""

    def __init__(self, base_url: str = LOCAL_BASE_URL):
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        self._origin = _origin(base_url)

    def fetch(self, url, headers=None):
        """Serve a data: URL or a static file on the document's origin; refuse anything else."""
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        path = self.static_file(url)
        if path is None:
            logger.warning("Refused to fetch %s while rendering a PDF: not a static file.", url)
            raise PdfFetchRefused(f"Not fetched (PDFs load only static files): {url}")
        return _file_response(url, path)

    def static_file(self, url: str) -> Path | None:
        """The file a same-origin `STATIC_URL` address names, if the static finders know it."""
        parts = urlsplit(url)
        static_prefix = urlsplit(settings.STATIC_URL).path
        path = unquote(parts.path)
        if f"{parts.scheme}://{parts.netloc}".lower() != self._origin:
            return None
        if not path.startswith(static_prefix):
            return None
        relative = path[len(static_prefix) :]
        if "\\" in relative or any(seg in {"", ".", ".."} for seg in relative.split("/")):
            return None
        found = finders.find(relative)
        return Path(found) if isinstance(found, str) else None


def _file_response(url: str, path: Path) -> URLFetcherResponse:
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"
    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
