"""Checking a generated model contract: are the stored files the ones recorded, and does
regenerating them from the stored clause versions and data give the same bytes?

The SHA-256 of each file covers its exact bytes. Regeneration is deterministic (fixed zip
timestamps and document properties from the stored data for Word; no clock in the PDF), so it
matches as long as the layout (`layout.layout_of`: the shipped templates and the docxtpl and
WeasyPrint versions) is the one recorded; when the layout differs, the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from insource.standards.model_contract.document import ClauseRefused
from insource.standards.model_contract.generation import data_sha256, render_files, sha256
from insource.standards.model_contract.layout import layout_of
from insource.standards.model_contract.models import ClauseVersion

FORMATS = ("docx", "pdf")


@dataclass
class Verification:
    """What was checked and what was found; `is_match` when everything agrees."""

    stored: dict[str, bool] = field(default_factory=dict)
    regenerated: dict[str, bool] = field(default_factory=dict)
    data_intact: bool = False
    layout_same: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def is_match(self) -> bool:
        checks = [*self.stored.values(), *self.regenerated.values(), self.data_intact]
        return bool(checks) and all(checks) and not self.problems


def clause_versions_of(document) -> list[ClauseVersion]:
    """The clause versions a document was made from, checked against the recorded SHA-256."""
    wanted = {row["id"]: row for row in document.clause_versions}
    found = {v.pk: v for v in ClauseVersion.objects.filter(pk__in=wanted)}
    missing = sorted(set(wanted) - set(found))
    changed = [pk for pk, v in found.items() if v.body_sha256 != wanted[pk]["sha256"]]
    if missing or changed:
        raise ClauseRefused(f"clause versions missing {missing} or changed {sorted(changed)}")
    return [found[pk] for pk in wanted]


def model_contract_verify(*, document) -> Verification:
    """Verify a generated document (loaded with its files)."""
    result = Verification(layout_same=document.layout == layout_of())
    stored = {"docx": bytes(document.docx), "pdf": bytes(document.pdf)}
    recorded = {"docx": document.docx_sha256, "pdf": document.pdf_sha256}
    result.stored = {f: sha256(stored[f]) == recorded[f] for f in FORMATS}
    result.data_intact = data_sha256(document.data) == document.data_sha256
    try:
        docx, pdf = render_files(clause_versions_of(document), document.data)
    except ClauseRefused as error:
        result.problems.append(f"cannot regenerate: {error}")
        return result
    result.regenerated = {
        "docx": sha256(docx) == recorded["docx"],
        "pdf": sha256(pdf) == recorded["pdf"],
    }
    if not result.layout_same and not all(result.regenerated.values()):
        result.problems.append("the layout or library versions differ from those recorded")
    return result


def file_matches(document, content: bytes) -> str | None:
    """The format whose recorded SHA-256 a given file has, or None."""
    digest = sha256(content)
    return next((f for f in FORMATS if getattr(document, f"{f}_sha256") == digest), None)
