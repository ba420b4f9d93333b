"""The URL fetcher WeasyPrint uses for `core.pdf.html_to_pdf`: the app's own static files and
`data:` URLs, nothing else, never a connection. Imported only when a PDF is made (it subclasses
WeasyPrint's fetcher, and WeasyPrint is slow to import); it logs on the `insource.core.pdf`
logger."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

from insource.core.pdf import LOCAL_BASE_URL, PdfFetchRefused

logger = logging.getLogger("insource.core.pdf")


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
