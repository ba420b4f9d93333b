""" "Download these results": one service for every list a person can take away as a file (the
public register search, the expiry pipeline, an authority's contracts coming up for review).

A page hands its rows (a queryset, already filtered and sorted as the page shows them) and its
columns (header → getter) and gets back the response: CSV streamed with a UTF-8 byte-order mark
(so Excel shows £ and é; `exporters.csv`), or an XLSX workbook with typed cells
(`exporters.xlsx`). A download holds at most `DOWNLOAD_MAX_ROWS` rows; over that, `refusal`
gives the sentence the page shows and the download answers with it instead of a file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import ngettext

from insource.register.exporters import csv as csv_export
from insource.register.exporters import xlsx as xlsx_export

# The most rows "Download these results" gives; the whole register is the open data's.
DOWNLOAD_MAX_ROWS = 10_000
FORMATS = ("csv", "xlsx")

Columns = dict[str, Callable]


def refusal(count: int) -> str:
    """Why a list of `count` rows cannot be downloaded, or "" when it can."""
    if count <= DOWNLOAD_MAX_ROWS:
        return ""
    return ngettext(
        "These results have %(count)s contract. A download holds at most %(max)s: narrow "
        "the search, or take the whole register from the open data downloads.",
        "These results have %(count)s contracts. A download holds at most %(max)s: narrow "
        "the search, or take the whole register from the open data downloads.",
        count,
    ) % {"count": f"{count:,}", "max": f"{DOWNLOAD_MAX_ROWS:,}"}


def download_response(
    rows: Iterable, columns: Columns, *, fmt: str, filename: str, title: str
) -> HttpResponse:
    """The rows as a file to save: `fmt` "csv" (streamed, with a byte-order mark) or "xlsx"
    (one sheet named `title`), saved as `<filename>.<fmt>`."""
    if fmt == "csv":
        body = csv_export.with_bom(csv_export.rows_csv(rows, columns))
        response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        out = io.BytesIO()
        xlsx_export.rows_xlsx(rows, columns, out, title=title)
        response = HttpResponse(out.getvalue(), content_type=xlsx_export.CONTENT_TYPE)
    else:
        raise ValueError(f"no download format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def without_page(query) -> str:
    """A list page's query string for its downloads: every filter, not the page number."""
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()
