"""Making the files of a model contract from clause versions and data: both formats at once,
so the Word and the PDF always say the same thing. Used by generation and by verification."""

from __future__ import annotations

import hashlib
import json

from insource.standards.model_contract.document import build
from insource.standards.model_contract.render_docx import render_docx
from insource.standards.model_contract.render_pdf import render_pdf


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def data_sha256(data: dict) -> str:
    """The checksum of the data as stored: canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return sha256(text.encode("utf-8"))


def render_files(clauses, data: dict) -> tuple[bytes, bytes]:
    """(docx, pdf) bytes of the document the clause versions and the data make."""
    document = build(clauses, data)
    return render_docx(document), render_pdf(document)
