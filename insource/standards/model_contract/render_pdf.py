"""The model contract as PDF: an HTML layout (A4, title page, contents with page numbers,
numbered clauses, schedules, signature blocks, "Page X of Y") rendered by WeasyPrint through
`insource.core.pdf.html_to_pdf`, which loads nothing from the network. The same input always
gives the same bytes: the layout carries no clock, and its metadata dates are the document's
generation time from the stored data."""

from __future__ import annotations

from django.template.loader import render_to_string

from insource.core import pdf
from insource.standards.model_contract.layout import frame


def document_html(document) -> str:
    """The whole HTML document the PDF is made from."""
    context = frame(document) | {"clauses": document.clauses, "schedules": document.schedules}
    return render_to_string("standards/model_contract/document.html", context)


def render_pdf(document) -> bytes:
    """The PDF bytes of a built document."""
    return pdf.html_to_pdf(document_html(document))
