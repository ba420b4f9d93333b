"""The best few authorities an officer might confirm a buyer name as, for the queue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from insource.authorities.matching.names import clean, core_name, exact_key, name_parts
from insource.authorities.matching.results import (
    MIN_FUZZY_LENGTH,
    SUGGESTION_FLOOR,
    SUGGESTIONS,
    Hit,
    Suggestion,
)

if TYPE_CHECKING:
    from insource.authorities.matching.matcher import BuyerMatcher


def suggest(matcher: BuyerMatcher, name: str, on: date | None = None) -> list[Suggestion]:
    """The best few authorities an officer might confirm `name` as, best first, each with a
    score and why: what the match found, then the nearest registered names (rapidfuzz)."""
    text = clean(name)
    best: dict[str, Suggestion] = {}

    def offer(code: str, score: float, why: str) -> None:
        if code in matcher.by_code and (code not in best or best[code].score < score):
            best[code] = Suggestion(code, round(score, 1), why)

    hit = matcher._hits.get(exact_key(name))
    if hit is None:
        matcher.match(name, on)
        hit = matcher._hits[exact_key(name)]
    if isinstance(hit, Hit):
        for code in hit.codes:
            offer(code, hit.confidence, hit.reason)
    cores = {core_name(p) for p, where in name_parts(text) if where != "part"}
    for core in (c for c in cores if len(c) >= MIN_FUZZY_LENGTH):
        found = process.extract(
            core, matcher._core_keys, scorer=fuzz.WRatio, limit=8, score_cutoff=SUGGESTION_FLOOR
        )
        for key, score, _n in found:
            for code in matcher._core[key]:
                offer(code, float(score), f"'{core}' is {score:.0f}% like '{key}'.")

    def rank(s: Suggestion) -> tuple:
        alive = on is None or matcher.by_code[s.code].exists_on(on)
        current = matcher.by_code[s.code].end_on is None
        return (-s.score, not alive, not current, s.code)

    return sorted(best.values(), key=rank)[:SUGGESTIONS]
