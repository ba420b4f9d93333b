"""Evidence uploads: type and size decided by content, stored once, outside the web root."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import TemporaryUploadedFile

from insource.reviews.uploads import (
    EvidenceFileError,
    check_evidence_file,
    clean_file_name,
    evidence_delete_orphan,
    evidence_open,
    evidence_storage,
    evidence_store,
)
from insource.testing.uploads import KINDS, RELS, WORD_PARTS
from insource.testing.uploads import docx as _docx
from insource.testing.uploads import image as _image
from insource.testing.uploads import upload as _upload
from insource.testing.uploads import xlsx as _xlsx
from insource.testing.uploads import zip_of as _zip


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Evidence: staff costs £1,200</p>").write_pdf()


@pytest.fixture
def evidence_dir(tmp_path, settings):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path / "evidence"
    return tmp_path / "evidence"


def _stored_files(directory) -> list:
    return sorted(p for p in directory.rglob("*") if p.is_file()) if directory.exists() else []


@pytest.mark.parametrize(("name", "make", "kind", "content_type", "extension"), KINDS)
def test_allowed_kinds_are_recognised_by_content(name, make, kind, content_type, extension):
    data = make()
    checked = check_evidence_file(_upload(name, data, content_type="text/html"))
    assert (checked.kind, checked.content_type) == (kind, content_type)
    assert (checked.extension, checked.size) == (extension, len(data))
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert checked.original_name == name


def test_a_real_pdf_is_accepted_with_the_canonical_type(pdf_bytes):
    checked = check_evidence_file(_upload("report.pdf", pdf_bytes, content_type="text/plain"))
    assert (checked.kind, checked.content_type) == ("pdf", "application/pdf")


def test_a_file_without_an_extension_is_named_by_its_content(pdf_bytes):
    assert check_evidence_file(_upload("report", pdf_bytes)).original_name == "report"
    assert check_evidence_file(_upload("...", pdf_bytes)).original_name == "evidence.pdf"


NOT_A_PDF = r"^The selected file is named \.pdf but is not a PDF$"
NOT_A_DOCX = r"^The selected file is named \.docx but is not a Word document \(DOCX\)$"
NOT_AN_XLSX = r"^The selected file is named \.xlsx but is not an Excel spreadsheet \(XLSX\)$"
NOT_ALLOWED = (
    r"^The selected file must be a PDF, Word document \(DOCX\), Excel spreadsheet \(XLSX\), "
    r"PNG, JPEG, GIF or WebP$"
)
PLAIN_ZIP = _zip({"a.txt": "x", "_rels/.rels": RELS})
WORD_NAMES_ONLY = _zip({**WORD_PARTS, "[Content_Types].xml": "<Types/>"})
MACRO_ENABLED = _zip({**WORD_PARTS, "word/vbaProject.bin": b"\0" * 64})
REFUSED = {
    "text-as-pdf": ("report.pdf", lambda pdf: b"Minutes\n" * 20, NOT_A_PDF),
    "truncated-pdf": ("report.pdf", lambda pdf: pdf[: len(pdf) // 2], NOT_A_PDF),
    "text": ("notes.txt", lambda pdf: b"plain text", NOT_ALLOWED),
    "empty": ("report.pdf", lambda pdf: b"", r"^The selected file is empty$"),
    "plain-zip": ("plan.docx", lambda pdf: PLAIN_ZIP, NOT_A_DOCX),
    "zip-with-word-names-only": ("plan.docx", lambda pdf: WORD_NAMES_ONLY, NOT_A_DOCX),
    "macro-enabled": ("plan.docx", lambda pdf: MACRO_ENABLED, NOT_A_DOCX),
    "docx-as-xlsx": ("costs.xlsx", lambda pdf: _docx(), NOT_AN_XLSX),
    "pdf-as-txt": ("a.txt", lambda pdf: pdf, r"^The selected file is a PDF but is named \.txt$"),
    "pdf-as-png": ("a.png", lambda pdf: pdf, r"named \.png but is not a PNG image$"),
}


@pytest.mark.parametrize(("name", "make", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_files_say_why_and_nothing_is_stored(name, make, message, pdf_bytes, evidence_dir):
    with pytest.raises(EvidenceFileError, match=message):
        check_evidence_file(_upload(name, make(pdf_bytes)))
    assert _stored_files(evidence_dir) == []


def test_an_oversized_file_is_refused_before_reading_and_nothing_is_stored(
    settings, evidence_dir, pdf_bytes
):
    settings.INSOURCE_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(EvidenceFileError, match=r"^The selected file must be smaller than 1 KB$"):
        check_evidence_file(_upload("report.pdf", pdf_bytes))
    assert _stored_files(evidence_dir) == []


def test_a_file_larger_than_its_declared_size_is_refused_while_streaming(settings, pdf_bytes):
    settings.INSOURCE_EVIDENCE_MAX_BYTES = 1024
    upload = _upload("report.pdf", pdf_bytes)
    upload.size = 10
    with pytest.raises(EvidenceFileError, match="must be smaller than 1 KB"):
        check_evidence_file(upload)


def test_the_default_limit_is_20_mb(settings):
    del settings.INSOURCE_EVIDENCE_MAX_BYTES
    upload = _upload("report.pdf", b"%PDF-")
    upload.size = 20 * 1024 * 1024 + 1
    with pytest.raises(EvidenceFileError, match=r"^The selected file must be smaller than 20 MB$"):
        check_evidence_file(upload)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\officer\\Desktop\\plan.pdf", "plan.pdf"),
        ("/var/www/static/plan.pdf", "plan.pdf"),
        ("plan\x00\r\n\u202efdp.exe.pdf", "planfdp.exe.pdf"),
        ("  .hidden.pdf ", "hidden.pdf"),
        ("Cynllun ŵyn.pdf", "Cynllun ŵyn.pdf"),
        ("", ""),
    ],
)
def test_file_names_are_reduced_to_a_safe_base_name(raw, clean):
    assert clean_file_name(raw) == clean


def test_a_long_name_is_cut_to_200_characters_keeping_its_extension():
    name = clean_file_name("a" * 300 + ".pdf")
    assert len(name) == 200 and name.endswith("a.pdf")


def test_path_traversal_in_the_upload_name_is_sanitised(evidence_dir, pdf_bytes):
    upload = _upload("../../../settings.pdf", pdf_bytes)
    checked = check_evidence_file(upload)
    assert checked.original_name == "settings.pdf"
    name = evidence_store(checked, upload)
    assert (evidence_dir / name).resolve().is_relative_to(evidence_dir.resolve())


def test_a_stored_file_is_named_by_its_hash_and_reads_back(evidence_dir, pdf_bytes):
    upload = _upload("report.pdf", pdf_bytes)
    checked = check_evidence_file(upload)
    name = evidence_store(checked, upload)
    sha = checked.sha256
    assert name == f"{sha[:2]}/{sha[2:4]}/{sha}.pdf"
    with evidence_open(name) as f:
        assert f.read() == pdf_bytes
    assert _stored_files(evidence_dir) == [evidence_dir / name]


def test_an_upload_spooled_to_disk_is_checked_and_stored(evidence_dir, pdf_bytes):
    upload = TemporaryUploadedFile("report.pdf", "application/pdf", len(pdf_bytes), None)
    upload.write(pdf_bytes)
    upload.seek(0)
    name = evidence_store(check_evidence_file(upload), upload)
    upload.close()
    assert (evidence_dir / name).read_bytes() == pdf_bytes
    assert _stored_files(evidence_dir) == [evidence_dir / name]


def test_the_same_file_twice_is_stored_once(evidence_dir):
    data = _xlsx()
    names = set()
    for upload_name in ("costs.xlsx", "costs (1).xlsx"):
        upload = _upload(upload_name, data)
        names.add(evidence_store(check_evidence_file(upload), upload))
    assert len(names) == 1
    assert len(_stored_files(evidence_dir)) == 1


def test_a_partial_file_at_the_final_name_is_replaced(evidence_dir, pdf_bytes):
    upload = _upload("report.pdf", pdf_bytes)
    checked = check_evidence_file(upload)
    name = evidence_store(checked, upload)
    (evidence_dir / name).write_bytes(pdf_bytes[:10])
    assert evidence_store(checked, upload) == name
    assert (evidence_dir / name).read_bytes() == pdf_bytes


def test_an_upload_that_changed_after_its_check_is_not_stored(evidence_dir, pdf_bytes):
    checked = check_evidence_file(_upload("report.pdf", pdf_bytes))
    with pytest.raises(ValueError, match="changed after it was checked"):
        evidence_store(checked, _upload("report.pdf", pdf_bytes + b"\n"))
    assert _stored_files(evidence_dir) == []


def test_an_orphan_is_deleted_only_when_nothing_refers_to_it(evidence_dir):
    data = _image("PNG")
    upload = _upload("photo.png", data)
    name = evidence_store(check_evidence_file(upload), upload)
    assert evidence_delete_orphan(name, is_referenced=lambda n: True) is False
    assert (evidence_dir / name).exists()
    assert evidence_delete_orphan(name, is_referenced=lambda n: False) is True
    assert _stored_files(evidence_dir) == []


@pytest.mark.parametrize("name", ["../settings.py", "ab/cd/ef.pdf", "/etc/passwd", "a" * 64])
def test_only_evidence_storage_names_can_be_opened_or_deleted(evidence_dir, name):
    with pytest.raises(ValueError, match="not an evidence storage name"):
        evidence_open(name)
    with pytest.raises(ValueError, match="not an evidence storage name"):
        evidence_delete_orphan(name, is_referenced=lambda n: False)


def test_the_storage_has_no_url_and_defaults_outside_the_web_root(settings, tmp_path):
    del settings.INSOURCE_EVIDENCE_DIR
    settings.DATA_DIR = tmp_path
    storage = evidence_storage()
    assert storage.location == str((tmp_path / "evidence").resolve())
    with pytest.raises(NotImplementedError):
        storage.url("ab/cd/x.pdf")


def test_an_evidence_directory_inside_static_root_is_refused(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.INSOURCE_EVIDENCE_DIR = tmp_path / "static" / "evidence"
    with pytest.raises(ImproperlyConfigured, match="outside the web root"):
        evidence_storage()
