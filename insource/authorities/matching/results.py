"""What matching a buyer name gives: the scores, `BuyerMatch`, `Suggestion`, and why."""

from __future__ import annotations

from dataclasses import dataclass

ACCEPT_SCORE = 88.0  # confidence from which a match is accepted without an officer

CANDIDATE_SCORE = 80.0  # fuzzy score from which a candidate is offered at all

MIN_FUZZY_LENGTH = 4  # shorter core names are too ambiguous to fuzzy-match

PREFIX_SCORE = 82.0  # one registered name starts with the other: a candidate only

INITIALISM_SCORE = 96.0  # a council's own initialism, alone ('RBKC', 'BCP Council')

DEPARTMENT_SCORE = 90.0  # a council's name or initialism before one of its departments

SHARED_SCORE = 70.0  # a short name or initialism several councils publish under: an officer

SUGGESTION_FLOOR = 70.0  # the least rapidfuzz score worth offering an officer as a suggestion

SUGGESTIONS = 3  # how many suggestions an officer is offered for a name

METHODS = ("exact", "variant", "normalised", "fuzzy", "none")


@dataclass(frozen=True, slots=True)
class BuyerMatch:
    """The authority a buyer name matched (code None if none) and how sure that is."""

    code: str | None
    confidence: float
    method: str
    needs_confirmation: bool
    buyer_type: str
    reason: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An authority an officer might confirm a name as: its code, a score out of 100 and why."""

    code: str
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class Hit:
    """The date-independent result of matching one name: the codes that share it."""

    codes: tuple[str, ...]
    confidence: float
    method: str
    reason: str
    needs_confirmation: bool = False


def why_found(part: str, where: str, text: str) -> str:
    if where == "whole":
        return (
            f"'{text}' is a registered name once case, punctuation and council words are ignored."
        )
    if where == "behalf":
        return f"'{text}' acts on behalf of '{part}', a registered name."
    if where == "head":
        return f"'{part}' (before the qualifier) is a registered name."
    return f"'{part}' (part of the name) is a registered name: an officer must confirm."
