"""The model contract as numbered sections: clause versions filled from the data. Pure.

Clauses are numbered in their part and position order (definitions first, then the clauses,
then the schedules), so cross-references (`{{ ref.exit_schedule }}` -> "Schedule 3 (Exit
schedule)") and the table of minimum standards follow the clause library. No clause can be an
MS2 (union recognition) term: a reserved key, purpose or title is left out, and a filled clause
whose text would require recognition stops the generation (`ClauseRefused`). The note on union
recognition, with the lawful measures, follows the workforce clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from insource.policy.rules import REGISTRY
from insource.policy.standards import IDS, ORDER
from insource.standards.model_contract import ms2
from insource.standards.model_contract.markup import Block, parse
from insource.standards.model_contract.templating import ClauseTemplateError, fill

PARTS = ("definitions", "clause", "schedule")
NOTE_AFTER = "MS8"


class ClauseRefused(ValueError):
    """A clause cannot be used in a generated document; the message names it and the fix."""


@dataclass
class Section:
    """A numbered clause or schedule (or the MS2 note), with its filled blocks."""

    kind: str
    key: str
    number: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if self.kind == "schedule":
            return f"Schedule {self.number}: {self.title}"
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass
class Document:
    """The sections in order, and the data they were filled from."""

    data: dict
    clauses: list[Section]
    schedules: list[Section]


def ordered(clauses) -> list:
    """Clause versions in document order, without any reserved (MS2) clause."""
    usable = [
        c for c in clauses if not ms2.is_reserved(key=c.key, purpose=c.purpose, title=c.title)
    ]
    return sorted(usable, key=lambda c: (PARTS.index(c.part), c.position, c.key))


def numbering(clauses) -> dict[str, tuple[str, str]]:
    """key -> (kind, number): clauses 1..n, schedules 1..m."""
    numbers, counts = {}, {"clause": 0, "schedule": 0}
    for c in ordered(clauses):
        kind = "schedule" if c.part == "schedule" else "clause"
        counts[kind] += 1
        numbers[c.key] = (kind, str(counts[kind]))
    return numbers


def references(clauses) -> dict[str, str]:
    """key -> "clause 4 (Fair wage)" / "Schedule 1 (Wage schedule)"."""
    numbers, titles = numbering(clauses), {c.key: c.title for c in clauses}
    return {
        key: f"{kind} {n} ({titles[key]})".replace("schedule ", "Schedule ")
        for key, (kind, n) in numbers.items()
    }


def standards_rows(clauses, refs: dict[str, str]) -> list[dict]:
    """Each minimum standard but MS2 with the clauses that carry it."""
    rows = []
    for key in ORDER:
        if key == ms2.PURPOSE:
            rows.append({"label": "MS2 Trade unions", "where": _ms2_where(clauses, refs)})
            continue
        code, _, name = REGISTRY[IDS[key]].label.partition(" ")
        label = f"{code} {name[:1].upper()}{name[1:]}"
        where = [refs[c.key] for c in ordered(clauses) if c.purpose == key]
        if key == "MS13":
            where.insert(0, "this Contract as a whole")
        rows.append(
            {
                "label": label[0:1].upper() + label[1:],
                "where": "; ".join(where) or "[no clause yet]",
            }
        )
    return rows


def _ms2_where(clauses, refs: dict[str, str]) -> str:
    lawful = [refs[c.key] for c in ordered(clauses) if c.purpose == NOTE_AFTER]
    where = f"; the lawful measures are in {lawful[0]} and the note after it" if lawful else ""
    return "Not a term of this Contract: void in law (TULRCA 1992, section 186)" + where


def context(clauses, data: dict) -> dict:
    """The data with the references and standards rows the clause list gives."""
    refs = references(clauses)
    return data | {"ref": refs, "standards": standards_rows(clauses, refs)}


def fill_clause(clause, ctx: dict) -> str:
    """One clause filled; refused when it cannot be filled or would require recognition."""
    try:
        text = fill(clause.body, ctx)
    except ClauseTemplateError as error:
        raise ClauseRefused(
            f"Clause “{clause.title}” (version {clause.number}) cannot be filled: {error}"
        ) from None
    if ms2.offending_sentence(text):
        raise ClauseRefused(f"Clause “{clause.title}” (version {clause.number}): {ms2.REFUSAL}")
    return text


def build(clauses, data: dict) -> Document:
    """The document: every usable clause filled, numbered and parsed, and the MS2 note."""
    ctx, numbers = context(clauses, data), numbering(clauses)
    body, schedules = [], []
    for clause in ordered(clauses):
        kind, number = numbers[clause.key]
        prefix = number if kind == "clause" else ""
        blocks = parse(fill_clause(clause, ctx), prefix)
        section = Section(kind, clause.key, number, clause.title, blocks)
        (schedules if kind == "schedule" else body).append(section)
        if clause.purpose == NOTE_AFTER:
            body.append(_note(data))
    if not any(s.kind == "note" for s in body):
        body.append(_note(data))
    return Document(data, body, schedules)


def _note(data: dict) -> Section:
    note = ms2.note(proposed_void_term=bool(data.get("ms2", {}).get("proposed_void_term")))
    return Section("note", "ms2_note", "", note["title"], lines=note["lines"])
