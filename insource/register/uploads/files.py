"""The staged file: its kind told from its bytes (never its name), stored outside the web root
under a random name, read for its headings and first rows, and its import's progress beside it.

The limits are the register importer's (ADR 0016): the tabular reader's rows, cells and unzipped
size, and `MAX_BYTES` on the upload itself."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from insource.core.spreadsheets import SheetError, sheet_rows
from insource.register.importers.tabular import REGISTER_LIMITS

MAX_BYTES = 50 * 1024 * 1024  # as much as the register reader unzips from a workbook
PREVIEW_ROWS = 5
_SNIFF = 64 * 1024


class UploadFileError(ValueError):
    """The file cannot be used; the message says so in GOV.UK words."""


@dataclass(frozen=True)
class Sniffed:
    format: str  # tabular or ocds
    suffix: str  # how the staged copy is named: .csv, .xlsx or .json


def sniff(content: bytes) -> Sniffed:
    """What the bytes are: an XLSX workbook, OCDS JSON or CSV text; refuse anything else."""
    if not content:
        raise UploadFileError(_("The selected file is empty"))
    if len(content) > MAX_BYTES:
        raise UploadFileError(_("The selected file must be smaller than 50 MB"))
    if content.startswith(b"PK\x03\x04"):
        return Sniffed("tabular", ".xlsx")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadFileError(_("The selected file must be saved as CSV UTF-8"))
    head = content[:_SNIFF]
    if b"\x00" in head or head.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise UploadFileError(_("The selected file must be a CSV, XLSX or OCDS JSON file"))
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text[:1] in (b"{", b"["):
        return Sniffed("ocds", ".json")
    return Sniffed("tabular", ".csv")


def upload_dir() -> Path:
    folder = Path(settings.INSOURCE_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_token() -> str:
    return secrets.token_hex(16)


def staged_path(token: str, suffix: str) -> Path:
    if not (len(token) == 32 and all(c in "0123456789abcdef" for c in token)):
        raise ValueError("not an upload token")
    return upload_dir() / f"{token}{suffix}"


def store(token: str, suffix: str, content: bytes) -> Path:
    path = staged_path(token, suffix)
    path.write_bytes(content)
    return path


def discard(token: str, suffix: str) -> None:
    staged_path(token, suffix).unlink(missing_ok=True)
    progress_path(token).unlink(missing_ok=True)


def headings_and_preview(path: Path) -> tuple[list[str], list[list[str]]]:
    """The column headings and the first rows, as text; UploadFileError for what cannot be
    read (the reader's own GOV.UK words)."""
    headings, rows = [], []
    try:
        for number, values in sheet_rows(path, REGISTER_LIMITS):
            if number == 1:
                headings = [_text(h).strip() for h in values]
            elif any(v not in (None, "") for v in values):
                rows.append([_text(v) for v in values])
            if len(rows) == PREVIEW_ROWS:
                break
    except SheetError as error:
        raise UploadFileError(error.page_message) from None
    _check_headings(headings)
    if not rows:
        raise UploadFileError(_("The selected file has no rows under its column headings"))
    return headings, rows


def _check_headings(headings: list[str]) -> None:
    if not any(headings):
        raise UploadFileError(_("The selected file must have column headings in its first row"))
    seen = set()
    for heading in filter(None, headings):
        if heading.lower() in seen:
            raise UploadFileError(
                _("The column heading '%(heading)s' appears twice: give each column its own")
                % {"heading": heading}
            )
        seen.add(heading.lower())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10] if not isinstance(value, datetime) else value.isoformat()
    return str(value)[:200]


def progress_path(token: str) -> Path:
    return upload_dir() / f"{token}.progress"


def write_progress(token: str, done: int, total: int) -> None:
    """Progress beside the staged file, replaced whole (the import's transaction is open, so
    the database would not show it to the page until the end)."""
    target = progress_path(token)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps({"done": done, "total": total}))
    os.replace(temporary, target)


def read_progress(token: str) -> tuple[int, int]:
    try:
        data = json.loads(progress_path(token).read_text())
        return int(data["done"]), int(data["total"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0
