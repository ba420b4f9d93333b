"""HTML to PDF (decision packs) with WeasyPrint, never touching the network.

The fetcher WeasyPrint uses for stylesheets, images and fonts serves only the app's own static
files (found by `django.contrib.staticfiles.finders`, at `STATIC_URL` on the document's origin)
and `data:` URLs. Everything else — other hosts, `file:` URLs, paths outside `STATIC_URL` — is
refused and logged on the `insource.core.pdf` logger; WeasyPrint then renders without it.

The fetcher is `core/pdf_fetch.py`: it subclasses WeasyPrint's, so it loads with WeasyPrint when
the first PDF is made, not at start-up.

Templates link the print stylesheet with `{% static 'insource/pack-print.css' %}` (A4, Liberation
Sans, "Page X of Y"); see that file for the classes it gives the running header.
"""

from __future__ import annotations

import logging

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
    # WeasyPrint takes a while to import: it loads when the first PDF is made, not at start-up.
    from weasyprint import HTML

    from insource.core.pdf_fetch import OfflineFetcher

    base = base_url or LOCAL_BASE_URL
    fetcher = OfflineFetcher(base)
    return HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf()
