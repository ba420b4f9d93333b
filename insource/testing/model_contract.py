"""Builders for the model contract's tests: a council with its team, a contract with a named
supplier, an outsourcing decision (POLICY.md golden scenario 2) and reading files back."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest

from insource.core.audit import Actor
from insource.standards.model_contract import generation
from insource.standards.model_contract.services import model_contract_generate
from insource.testing.factories import SupplierFactory
from insource.testing.workflow import (
    council,
    outsourcing_decision,
    refuse_contract,
    team,
)

DECIDED_ON = date(2026, 6, 1)
DECIDED_AT = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
GENERATED_AT = datetime(2026, 6, 2, 9, 30, tzinfo=UTC)


def continuing(*, is_london=False, terms=None, name="Testshire Council"):
    """(authority, people, contract, decision): a refuse contract kept outsourced on the
    capacity ground on 1 June 2026, with a supplier whose name has an ampersand."""
    authority = council(name=name)
    people = team(authority)
    contract = refuse_contract(authority, title="Refuse & recycling collection")
    supplier = SupplierFactory(
        key="GB-COH-01234567", name="Greenway Environmental & Sons Ltd", company_number="01234567"
    )
    contract.suppliers.add(supplier)
    decision = outsourcing_decision(
        authority,
        people,
        contract,
        on=DECIDED_ON,
        at=DECIDED_AT,
        is_london=is_london,
        terms=terms or {},
    )
    return authority, people, contract, decision


def generate(authority, contract, user=None, at=GENERATED_AT):
    by = Actor.for_user(user) if user is not None else Actor.system("tests")
    return model_contract_generate(authority=authority, contract=contract, user=user, by=by, at=at)


def docx_text(content: bytes) -> str:
    """Every paragraph and table cell of a Word file, one per line."""
    import docx

    document = docx.Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    lines += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(lines)


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text as pdftotext (poppler) reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "contract.pdf"
    path.write_bytes(content)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def draw_files_quickly(monkeypatch) -> None:
    """Generation and verification build the document as always (every clause filled and
    checked) but skip drawing it: the Word and PDF bytes are a fingerprint of the built
    document, the same each time it is built alike, so checksums, downloads and verification
    behave as with real files. For tests of who may do what (ADR 0049): the real files are the
    subject of `test_model_contract_generation.py` and of the pages' download and verify tests."""

    def fingerprint(document) -> bytes:
        return hashlib.sha256(repr(document).encode("utf-8")).hexdigest().encode("ascii")

    monkeypatch.setattr(generation, "render_docx", lambda d: b"PK\x03\x04 " + fingerprint(d))
    monkeypatch.setattr(generation, "render_pdf", lambda d: b"%PDF-1.7 " + fingerprint(d))
