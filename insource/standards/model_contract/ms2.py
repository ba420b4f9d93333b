"""MS2, trade union recognition: never a term of the model contract (POLICY.md §4).

A contract term requiring a supplier to recognise a trade union, or to negotiate or consult
with one, is void (Trade Union and Labour Relations (Consolidation) Act 1992, s.186), and an
authority may not refuse a supplier on that ground (s.187). So no clause template may carry
that purpose, key, title or content, whatever is typed or stored; the document shows a note in
its place naming the lawful measures offered instead. Pure.
"""

from __future__ import annotations

import re

PURPOSE = "MS2"
RECOGNITION = re.compile(r"recogni[sz]|recognition", re.IGNORECASE)
UNION = re.compile(
    r"\b(trade[\s-]+unions?|unions?|unison|unite|gmb|staff\s+associations?|bargaining)\b",
    re.IGNORECASE,
)
BARGAINING = re.compile(
    r"collective(ly)?\s+bargain|bargaining\s+(unit|agreement|arrangement|rights?)", re.IGNORECASE
)
SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")
REFUSAL = (
    "A term requiring trade union recognition can never be a clause of the model contract: it "
    "is void in law (Trade Union and Labour Relations (Consolidation) Act 1992, section 186). "
    "The lawful measures (statutory union rights and access, no blacklisting, two-tier "
    "protections) are in the workforce rights clause."
)
LAWFUL_MEASURES = (
    "compliance with the statutory rights of workers in relation to trade union membership and "
    "activities, and reasonable access for trade union officials",
    "no blacklisting (Employment Relations Act 1999 (Blacklists) Regulations 2010)",
    "two-tier workforce protections: new staff on terms no less favourable than those who "
    "transferred",
)


def offending_sentence(text: str) -> str | None:
    """The first sentence that would require union recognition or collective bargaining."""
    for sentence in SENTENCE.split(text or ""):
        if BARGAINING.search(sentence) or (RECOGNITION.search(sentence) and UNION.search(sentence)):
            return sentence.strip()
    return None


def is_reserved(*, key: str = "", purpose: str = "", title: str = "") -> bool:
    """Whether a clause's key, purpose or title names union recognition (MS2)."""
    return (
        purpose.strip().upper() == PURPOSE
        or bool(RECOGNITION.search(key or ""))
        or offending_sentence(title) is not None
    )


def note(*, proposed_void_term: bool) -> dict:
    """The note the document shows instead of an MS2 clause: never a term of the contract."""
    lines = [
        "This Contract contains no term requiring the Supplier to recognise, negotiate with or "
        "consult a trade union: such a term is void under section 186 of the Trade Union and "
        "Labour Relations (Consolidation) Act 1992, and section 187 of that Act prevents the "
        "Authority from refusing a supplier on that ground. Changing this requires a change in "
        "the law.",
        "Instead the Contract includes these lawful measures: " + "; ".join(LAWFUL_MEASURES) + ".",
    ]
    if proposed_void_term:
        lines.append(
            "The proposed terms considered in the Decision included a union recognition term. "
            "It is void and has been left out of this Contract."
        )
    title = "Note on trade union recognition (not a term of this Contract)"
    return {"title": title, "lines": lines}
