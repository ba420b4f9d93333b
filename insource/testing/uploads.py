"""Evidence files for upload tests: a minimal Word document, a workbook, images, and the
kinds the evidence check recognises by content (moved from `reviews/tests/test_uploads.py`)."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image

WORD_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Capacity plan</w:t></w:r></w:p></w:body></w:document>"
)
WORD_PARTS = {"[Content_Types].xml": WORD_TYPES, "_rels/.rels": RELS, "word/document.xml": DOCUMENT}


def zip_of(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx() -> bytes:
    return zip_of(WORD_PARTS)


def xlsx() -> bytes:
    wb = Workbook()
    wb.active.append(["Service", "Cost"])
    wb.active.append(["Waste collection", 1250000])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 3), (29, 112, 184)).save(buf, fmt)
    return buf.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


OOXML = "application/vnd.openxmlformats-officedocument."
KINDS = [
    ("plan.docx", docx, "docx", OOXML + "wordprocessingml.document", "docx"),
    ("costs.xlsx", xlsx, "xlsx", OOXML + "spreadsheetml.sheet", "xlsx"),
    ("photo.PNG", lambda: image("PNG"), "png", "image/png", "png"),
    ("photo.jpeg", lambda: image("JPEG"), "jpeg", "image/jpeg", "jpg"),
    ("photo.jpg", lambda: image("JPEG"), "jpeg", "image/jpeg", "jpg"),
    ("chart.gif", lambda: image("GIF"), "gif", "image/gif", "gif"),
    ("chart.webp", lambda: image("WEBP"), "webp", "image/webp", "webp"),
]
