"""The fixed parts of the model contract around its clauses, shared by the Word and the PDF
layouts: the parties, the background recitals, the contents, drafting notes and the signature
blocks, all from the stored data. Pure. `LAYOUT_VERSION` changes when these or the shipped
templates change; the document records it with the templates' SHA-256 (`layout_of`)."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

LAYOUT_VERSION = "model-contract-layout 1"
HERE = Path(__file__).parent
DOCX_TEMPLATE = HERE / "model-contract-template.docx"
HTML_TEMPLATES = [
    HERE.parent / "templates" / "standards" / "model_contract" / name
    for name in ("document.html", "print.css")
]
SCOTLAND_NOTE = (
    "[Drafting note: this draft cites the Procurement Act 2023, which does not apply to "
    "procurement by devolved Scottish authorities. Replace those references with the "
    "corresponding provisions of the Procurement Reform (Scotland) Act 2014 and the Public "
    "Contracts (Scotland) Regulations 2015 before use.]"
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def layout_of() -> dict:
    """What besides the clauses and the data makes the bytes: the layout and the libraries."""
    return {
        "version": LAYOUT_VERSION,
        "docx_template_sha256": _sha256(DOCX_TEMPLATE),
        "html_template_sha256": hashlib.sha256(
            b"".join(p.read_bytes() for p in HTML_TEMPLATES)
        ).hexdigest(),
        "docxtpl": version("docxtpl"),
        "weasyprint": version("weasyprint"),
    }


def parties(data: dict) -> list[dict]:
    """The two parties, as the parties clause names them."""
    supplier = data["supplier"]
    details = f" ({supplier['details']})" if supplier.get("details") else ""
    return [
        {"label": "1", "name": data["authority"]["name"], "text": " (the “Authority”)"},
        {"label": "2", "name": supplier["name"], "text": f"{details} (the “Supplier”)"},
    ]


def recitals(data: dict) -> list[dict]:
    """The background: the contract, the review and the Decision, the model contract."""
    c, d = data["contract"], data["decision"]
    texts = [
        f"The Authority has contracted for {c['title']} (contract reference {c['reference']}), "
        f"under a contract that began on {c['current_start_on']} and ends on "
        f"{c['current_end_on']}.",
        "Under its policy of in-house delivery the Authority reviewed whether those services "
        f"should be brought in house. By the Decision, taken on {d['decided_on']} by "
        f"{d['signer_name']}, it decided: {d['outcome_text']}",
        "The Authority requires every contract for services that continue to be provided by an "
        "external supplier to meet its minimum standards. This Contract is the Authority's model "
        "contract, which contains them; the estimated value of the Services over the Term, "
        f"including VAT, options and extensions, is {c['value']}.",
        "The Supplier has agreed to provide the Services on the terms of this Contract.",
    ]
    return [{"label": chr(ord("A") + i), "text": t} for i, t in enumerate(texts)]


def drafting_notes(data: dict) -> list[str]:
    """Notes for the lawyer that are not terms (shown on the parties page)."""
    return [SCOTLAND_NOTE] if data["authority"].get("nation") == "Scotland" else []


def signatories(data: dict) -> list[dict]:
    """One signature block per party."""
    return [
        {"party": data["authority"]["name"], "role": "the Authority"},
        {"party": data["supplier"]["name"], "role": "the Supplier"},
    ]


def contents(document) -> list[dict]:
    """The contents list: every clause and schedule (not the note), with its anchor."""
    rows = [
        {"heading": s.heading, "anchor": f"clause-{s.key}"}
        for s in document.clauses
        if s.kind != "note"
    ]
    rows += [{"heading": s.heading, "anchor": f"schedule-{s.key}"} for s in document.schedules]
    return rows


def frame(document) -> dict:
    """Everything the layouts show around the clauses."""
    data = document.data
    return {
        "data": data,
        "parties": parties(data),
        "recitals": recitals(data),
        "notes": drafting_notes(data),
        "signatories": signatories(data),
        "contents": contents(document),
    }
