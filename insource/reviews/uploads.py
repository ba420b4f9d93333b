"""Evidence files: checked by their content, stored outside the web root (ADR 0007).

`check_evidence_file` decides the type (PDF, DOCX, XLSX, PNG, JPEG, GIF, WebP) from the bytes,
never from the name or the browser's Content-Type, and refuses empty, oversized, unknown and
misnamed files. `evidence_store` saves the bytes as `ab/cd/<sha256>.<ext>` (one copy per
content) under `INSOURCE_EVIDENCE_DIR`, in a storage with no URL: only the officer-only view
streams `evidence_open(name)`. Write services store before the transaction (in `on_commit`, a
failed save would leave a committed row pointing at nothing) and clean up if it rolls back:

    checked = check_evidence_file(upload)      # EvidenceFileError: nothing was stored
    name = evidence_store(checked, upload)
    try:
        with transaction.atomic():
            ...create the row holding name and checked.sha256, record the audit event...
    except BaseException:
        evidence_delete_orphan(name, is_referenced=lambda n: Evidence.objects.filter(
            file_name=n).exists())
        raise

Call such a service outside any outer `atomic`, or the outer rollback comes after the cleanup.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_NAME_LENGTH = 200
_MAX_ZIP_MEMBERS = 10_000
_MAX_CONTENT_TYPES_BYTES = 256 * 1024
_WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_EXCEL_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class _Kind:
    content_type: str
    extension: str
    label: str
    aliases: tuple[str, ...] = ()


_OOXML = "application/vnd.openxmlformats-officedocument."
_KINDS = {
    "pdf": _Kind("application/pdf", "pdf", gettext_lazy("a PDF")),
    "docx": _Kind(
        _OOXML + "wordprocessingml.document", "docx", gettext_lazy("a Word document (DOCX)")
    ),
    "xlsx": _Kind(
        _OOXML + "spreadsheetml.sheet", "xlsx", gettext_lazy("an Excel spreadsheet (XLSX)")
    ),
    "png": _Kind("image/png", "png", gettext_lazy("a PNG image")),
    "jpeg": _Kind("image/jpeg", "jpg", gettext_lazy("a JPEG image"), ("jpeg", "jpe")),
    "gif": _Kind("image/gif", "gif", gettext_lazy("a GIF image")),
    "webp": _Kind("image/webp", "webp", gettext_lazy("a WebP image")),
}
_KIND_OF_EXTENSION = {e: kind for kind, k in _KINDS.items() for e in (k.extension, *k.aliases)}
_MAGIC = {b"%PDF-": "pdf", b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
_MAGIC |= {b"GIF87a": "gif", b"GIF89a": "gif"}
_STORED_NAME = re.compile(
    r"([0-9a-f]{2})/([0-9a-f]{2})/\1\2[0-9a-f]{60}\.(pdf|docx|xlsx|png|jpg|gif|webp)"
)


class EvidenceFileError(Exception):
    """The upload is refused; `str(error)` is the message to show next to the file field."""


@dataclass(frozen=True)
class CheckedFile:
    """An upload whose type was decided from its bytes; `content_type` is never the browser's."""

    kind: str
    content_type: str
    extension: str
    size: int
    sha256: str
    original_name: str


def check_evidence_file(uploaded: UploadedFile) -> CheckedFile:
    """Check an upload's size and type by its content; raise EvidenceFileError if refused."""
    limit = int(getattr(settings, "INSOURCE_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))
    _check_size(uploaded.size, limit)
    size, sha256 = _measure(uploaded, limit)
    _check_size(size, limit)
    name = clean_file_name(uploaded.name)
    kind = _sniff(uploaded, size)
    _check_name_matches(kind, _name_extension(name))
    spec = _KINDS[kind]
    name = name or f"evidence.{spec.extension}"
    return CheckedFile(kind, spec.content_type, spec.extension, size, sha256, name)


def clean_file_name(raw: str | None) -> str:
    """The name's last path part, without control characters or leading dots, ≤ 200 chars."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C"))
    name = name.strip().lstrip(".").strip()
    if len(name) <= MAX_NAME_LENGTH:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 10:
        return name[:MAX_NAME_LENGTH].rstrip()
    return f"{stem[: MAX_NAME_LENGTH - len(ext) - 1].rstrip()}.{ext}"


def _check_size(size: int | None, limit: int) -> None:
    if not size:
        raise EvidenceFileError(_("The selected file is empty"))
    if size > limit:
        message = _("The selected file must be smaller than %(size)s")
        raise EvidenceFileError(message % {"size": _size_text(limit)})


def _size_text(n: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _measure(uploaded: UploadedFile, limit: int) -> tuple[int, str]:
    """Stream the upload once: its true size (refused past the limit) and SHA-256."""
    digest, size = hashlib.sha256(), 0
    for chunk in uploaded.chunks():
        size += len(chunk)
        _check_size(size, limit)
        digest.update(chunk)
    return size, digest.hexdigest()


def _read_at(f, offset: int, n: int) -> bytes:
    f.seek(offset)
    return f.read(n)


def _sniff(f, size: int) -> str | None:
    """The allowed kind the bytes are, or None."""
    head = _read_at(f, 0, 16)
    kind = next((k for magic, k in _MAGIC.items() if head.startswith(magic)), None)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    if kind == "pdf" and b"%%EOF" not in _read_at(f, max(0, size - 1024), 1024):
        return None
    if kind is None and head.startswith(b"PK\x03\x04"):
        return _sniff_ooxml(f)
    return kind


def _sniff_ooxml(f) -> str | None:
    """docx or xlsx from the zip's member list and content types, without extracting."""
    try:
        f.seek(0)
        with zipfile.ZipFile(f) as zf:  # reads the central directory only
            if len(zf.infolist()) > _MAX_ZIP_MEMBERS:
                return None
            names, types = set(zf.namelist()), _content_types(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError):
        return None
    return _ooxml_kind(names, types)


def _content_types(zf: zipfile.ZipFile) -> bytes:
    """`[Content_Types].xml`, read only up to a small bound (a zip bomb reads no further)."""
    try:
        info = zf.getinfo("[Content_Types].xml")
        if info.file_size > _MAX_CONTENT_TYPES_BYTES or info.flag_bits & 0x1:
            return b""
        with zf.open(info) as member:
            return member.read(_MAX_CONTENT_TYPES_BYTES)
    except (KeyError, NotImplementedError, RuntimeError):
        return b""


def _ooxml_kind(names: set[str], types: bytes) -> str | None:
    if "_rels/.rels" not in names or any(n.lower().endswith("vbaproject.bin") for n in names):
        return None
    is_word = "word/document.xml" in names and _WORD_MAIN in types
    is_excel = "xl/workbook.xml" in names and _EXCEL_MAIN in types
    if is_word == is_excel:
        return None
    return "docx" if is_word else "xlsx"


def _name_extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _check_name_matches(kind: str | None, extension: str) -> None:
    """Refuse content of no allowed kind, and a name whose extension disagrees with it."""
    named = _KIND_OF_EXTENSION.get(extension)
    if named is not None and named != kind:
        message = _("The selected file is named .%(extension)s but is not %(kind)s")
        raise EvidenceFileError(message % {"extension": extension, "kind": _KINDS[named].label})
    if kind is None:
        raise EvidenceFileError(
            _(
                "The selected file must be a PDF, Word document (DOCX), Excel spreadsheet "
                "(XLSX), PNG, JPEG, GIF or WebP"
            )
        )
    if extension and named is None:
        message = _("The selected file is %(kind)s but is named .%(extension)s")
        raise EvidenceFileError(message % {"extension": extension, "kind": _KINDS[kind].label})


class EvidenceStorage(FileSystemStorage):
    """Evidence files on disk, with no URL: an officer-only view streams them."""

    def url(self, name):
        """Refuse: evidence is never linked or served as a static or media file."""
        raise NotImplementedError("Evidence files have no URL: stream evidence_open(name).")


def evidence_storage() -> EvidenceStorage:
    """The storage at INSOURCE_EVIDENCE_DIR; refuses a directory inside the web root."""
    default = Path(settings.DATA_DIR) / "evidence"
    location = Path(getattr(settings, "INSOURCE_EVIDENCE_DIR", None) or default).resolve()
    for setting in ("STATIC_ROOT", "MEDIA_ROOT"):
        root = getattr(settings, setting, None)
        if root and Path(root).resolve() in (location, *location.parents):
            raise ImproperlyConfigured(
                f"INSOURCE_EVIDENCE_DIR ({location}) is inside {setting} ({root}): "
                "evidence must live outside the web root. Point it elsewhere (.env.example)."
            )
    return EvidenceStorage(
        location=location, file_permissions_mode=0o640, directory_permissions_mode=0o750
    )


def evidence_name(checked: CheckedFile) -> str:
    """The storage name of a checked file: `ab/cd/<sha256>.<ext>`."""
    sha = checked.sha256
    return f"{sha[:2]}/{sha[2:4]}/{sha}.{checked.extension}"


def evidence_store(checked: CheckedFile, uploaded: UploadedFile) -> str:
    """Save a checked upload (once per content) and return its storage name."""
    storage = evidence_storage()
    name = evidence_name(checked)
    if storage.exists(name) and storage.size(name) == checked.size:
        return name
    uploaded.seek(0)
    part = storage.save(f"incoming/{uuid.uuid4().hex}.part", uploaded)
    try:
        _publish(storage, part, name, checked.sha256)
    finally:
        storage.delete(part)  # gone already when published
    return name


def _publish(storage: EvidenceStorage, part: str, name: str, sha256: str) -> None:
    """Move a fully written part file to its final name atomically, after re-hashing it."""
    with storage.open(part, "rb") as f:
        if hashlib.file_digest(f.file, "sha256").hexdigest() != sha256:
            raise ValueError("The upload changed after it was checked: it was not stored.")
    final = Path(storage.path(name))
    final.parent.mkdir(mode=0o750, parents=True, exist_ok=True)
    os.replace(storage.path(part), final)


def _require_stored_name(name: str) -> None:
    if not _STORED_NAME.fullmatch(name or ""):
        raise ValueError(f"{name!r} is not an evidence storage name (ab/cd/<sha256>.<ext>).")


def evidence_open(name: str) -> File:
    """Open a stored evidence file for reading (to stream it in a response)."""
    _require_stored_name(name)
    return evidence_storage().open(name, "rb")


def evidence_delete_orphan(name: str, *, is_referenced: Callable[[str], bool]) -> bool:
    """Delete a stored file after its row rolled back, unless `is_referenced(name)` says a
    committed row still points at it (identical files share one copy). True if deleted."""
    _require_stored_name(name)
    if is_referenced(name):
        return False
    evidence_storage().delete(name)
    return True
