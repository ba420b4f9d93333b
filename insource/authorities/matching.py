"""Matching published buyer names to local authorities, with a confidence score.

Pure Python (no Django, no clock). The pipeline, first hit wins:

1. guard: names that read as another kind of body (NHS, police, fire, town and parish councils,
   national parks, schools, universities, housing companies...) never land on a council;
2. exact: an official or nice name (case and spacing ignored), 100;
3. variant: a registered alternative name (alt-names and `lookup_name_to_registry.csv`), 98;
4. normalised: the core place name, without case, punctuation, '&'/'and', 'the' and council-type
   words, of the whole name (95), of the name before a department qualifier (90), or of another
   part of it (80, needs confirmation). A name that names two councils needs confirmation (75);
5. fuzzy: rapidfuzz on the core name; accepted at ACCEPT_SCORE or more when the name reads like a
   council, otherwise returned as a candidate that needs confirmation (down to CANDIDATE_SCORE).

Date-aware: when several authorities share a name, the one that existed on the award date `on`
wins; `successor(code, on)` follows `replaced-by` to the authority that holds the contract on `on`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from insource.authorities.buyer_types import BUYER_TYPES, buyer_type_rule, is_council_type
from insource.authorities.reference import (
    CONNECTOR,
    COUNCIL_WORD,
    LocalAuthorityRef,
    clean,
    core_name,
    exact_key,
    name_parts,
)

ACCEPT_SCORE = 88.0  # confidence from which a match is accepted without an officer
CANDIDATE_SCORE = 80.0  # fuzzy score from which a candidate is offered at all
MIN_FUZZY_LENGTH = 4  # shorter core names are too ambiguous to fuzzy-match
PREFIX_SCORE = 82.0  # one registered name starts with the other: a candidate only

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
class _Hit:
    """The date-independent result of matching one name: the codes that share it."""

    codes: tuple[str, ...]
    confidence: float
    method: str
    reason: str
    needs_confirmation: bool = False


class BuyerMatcher:
    """Matches buyer names against the local-authority register (see the module docstring)."""

    def __init__(self, authorities: Iterable[LocalAuthorityRef], variants: Iterable[tuple]):
        self.by_code = {a.code: a for a in authorities}
        self._exact: dict[str, dict[str, str]] = defaultdict(dict)
        self._core: dict[str, set[str]] = defaultdict(set)
        for ref in self.by_code.values():
            self._index(ref.code, (ref.official_name, ref.nice_name), "exact")
            self._index(ref.code, ref.alt_names, "variant")
        for name, code in variants:
            if code in self.by_code:
                self._index(code, (name,), "variant")
        self._core.pop("", None)
        self._core_keys = sorted(self._core)
        self._hits: dict[str, _Hit | BuyerMatch] = {}
        self._cache: dict[tuple[str, date | None], BuyerMatch] = {}

    @classmethod
    def from_reference(
        cls, authorities: Iterable[LocalAuthorityRef], variants: Iterable[tuple[str, str]]
    ) -> BuyerMatcher:
        """Build a matcher from `load_local_authorities()` and `load_name_variants()`."""
        return cls(authorities, variants)

    def _index(self, code: str, names: Iterable[str], method: str) -> None:
        for name in names:
            if name:
                self._exact[exact_key(name)].setdefault(code, method)
                self._core[core_name(name)].add(code)

    def match(self, name: str, on: date | None = None) -> BuyerMatch:
        """Match one published buyer name as of the award date `on` (None: prefer current)."""
        found = self._cache.get((name, on))
        if found is None:
            key = exact_key(name)
            if key not in self._hits:
                self._hits[key] = self._match_name(clean(name))
            found = self._cache[(name, on)] = self._on_date(self._hits[key], on)
        return found

    # -- the name stage (cached per name) ---------------------------------------------------

    def _match_name(self, text: str) -> _Hit | BuyerMatch:
        kind, decisive = buyer_type_rule(text)
        council_like = is_council_type(kind)
        if decisive and not council_like:
            why = f"Reads as {BUYER_TYPES[kind].lower()}, not a local authority."
            return BuyerMatch(None, 0.0, "none", False, kind, why)
        hit = (
            self._exact_hit(text)
            or self._normalised_hit(text, council_like)
            or self._fuzzy_hit(text, council_like)
        )
        if hit is None:
            why = "Reads like a council but matches no authority: an officer must confirm."
            why = why if council_like or not text else "Matches no local authority."
            return BuyerMatch(None, 0.0, "none", council_like or not text, kind, why)
        return hit

    def _exact_hit(self, text: str) -> _Hit | None:
        methods = self._exact.get(exact_key(text))
        if not methods:
            return None
        method = "exact" if "exact" in methods.values() else "variant"
        score = 100.0 if method == "exact" else 98.0
        what = "an official or short name" if method == "exact" else "a registered name variant"
        return _Hit(tuple(sorted(methods)), score, method, f"'{text}' is {what}.")

    def _normalised_hit(self, text: str, council_like: bool) -> _Hit | None:
        joint = self._joint(text)
        if joint:
            why = f"'{text}' names more than one authority: an officer must confirm."
            return _Hit(joint, 75.0, "normalised", why, needs_confirmation=True)
        for part, where in name_parts(text):
            codes = self._core.get(core_name(part))
            if not codes or (where == "part" and not council_like):
                continue
            others = self._other_councils(text, part, codes)
            if others:
                listed = ", ".join(sorted(others))
                why = f"'{text}' names more than one authority ({listed}): an officer must confirm."
                return _Hit(tuple(sorted(codes)), 75.0, "normalised", why, needs_confirmation=True)
            score = {"whole": 95.0, "head": 90.0, "behalf": 88.0}.get(where, 80.0)
            why, needs = _why(part, where, text), score < ACCEPT_SCORE
            return _Hit(tuple(sorted(codes)), score, "normalised", why, needs_confirmation=needs)
        return None

    def _joint(self, text: str) -> tuple[str, ...]:
        """For 'X Council and Y Council': X's codes, when both X and Y are registered."""
        pieces = [p for p in CONNECTOR.split(text) if COUNCIL_WORD.search(p)]
        found = [self._core.get(core_name(p)) for p in pieces]
        found = [codes for codes in found if codes]
        others = {c for codes in found[1:] for c in codes} - found[0] if found else set()
        if any(self._overlap(c, mine) for c in others for mine in found[0]):
            return tuple(sorted(found[0]))
        return ()

    def _other_councils(self, text: str, part: str, codes: set[str]) -> set[str]:
        """Codes of other councils named in the rest of the name ('X and Y Council')."""
        rest = text.replace(part, " ", 1)
        found: set[str] = set()
        for piece in CONNECTOR.split(rest):
            found |= self._core.get(core_name(piece), set()) if piece.strip() else set()
        return {c for c in found - codes if any(self._overlap(c, mine) for mine in codes)}

    def _overlap(self, one: str, other: str) -> bool:
        """True if the two authorities existed at the same time."""
        a, b = self.by_code[one], self.by_code[other]
        return (a.end_on or date.max) >= _start_key(b) and (b.end_on or date.max) >= _start_key(a)

    def _fuzzy_hit(self, text: str, council_like: bool) -> _Hit | None:
        """The closest core name (rapidfuzz ratio); only council-like names are accepted."""
        floor = CANDIDATE_SCORE if council_like else ACCEPT_SCORE - 3
        cores = {core_name(p) for p, where in name_parts(text) if where != "part"}
        found = [self._closest(c, floor) for c in cores if len(c) >= MIN_FUZZY_LENGTH]
        found = [f for f in found if f]
        if not found and council_like:
            found = [f for f in map(self._prefixed, cores) if f]
        if not found:
            return None
        core, key, score = max(found, key=lambda f: f[2])
        needs = score < ACCEPT_SCORE or not council_like
        why = f"'{core}' is {score:.0f}% like '{key}'." + (" An officer must confirm." * needs)
        return _Hit(tuple(sorted(self._core[key])), score, "fuzzy", why, needs_confirmation=needs)

    def _closest(self, core: str, floor: float) -> tuple[str, str, float] | None:
        best = process.extractOne(core, self._core_keys, scorer=fuzz.ratio, score_cutoff=floor)
        return (core, best[0], round(float(best[1]), 1)) if best else None

    def _prefixed(self, core: str) -> tuple[str, str, float] | None:
        """'stockton' -> 'stockton on tees': the one registered name that begins with `core`,
        or the one that `core` begins with ('tees valley group' -> 'tees valley')."""
        if len(core) < MIN_FUZZY_LENGTH:
            return None
        keys = [k for k in self._core_keys if k.startswith(core + " ") or core.startswith(k + " ")]
        return (core, keys[0], PREFIX_SCORE) if len(keys) == 1 else None

    # -- the date stage -----------------------------------------------------------------------

    def _on_date(self, hit: _Hit | BuyerMatch, on: date | None) -> BuyerMatch:
        if isinstance(hit, BuyerMatch):
            return hit
        ref = self._pick(hit.codes, on)
        reason, needs = hit.reason, hit.needs_confirmation
        if len(hit.codes) > 1:
            reason += f" Of {', '.join(hit.codes)}, {ref.code} " + _date_phrase(on)
        if on is not None and ref.start_on is not None and on < ref.start_on:
            reason += f" {ref.code} was only formed on {ref.start_on}: an officer must confirm."
            needs = True
        elif on is not None and ref.end_on is not None and on > ref.end_on:
            reason += f" {ref.code} had ended on {ref.end_on}; its successor reviews the contract."
        kind = "combined-authority" if ref.la_type == "COMB" else "local-authority"
        return BuyerMatch(ref.code, hit.confidence, hit.method, needs, kind, reason)

    def _pick(self, codes: tuple[str, ...], on: date | None) -> LocalAuthorityRef:
        """Of authorities sharing a name, the one that existed on `on` (the newer on a tie)."""
        refs = sorted((self.by_code[c] for c in codes), key=_start_key)
        if on is None:
            current = [r for r in refs if r.end_on is None]
            return (current or refs)[-1]
        alive = [r for r in refs if r.exists_on(on)]
        if alive:
            return alive[-1]
        started = [r for r in refs if _start_key(r) <= on]
        return started[-1] if started else refs[0]

    # -- successors ---------------------------------------------------------------------------

    def successors(self, code: str, on: date) -> tuple[str, ...]:
        """The authorities that hold `code`'s contracts on `on`, following `replaced-by`.

        An authority is followed to its successors once they have all started by `on`; a split
        authority (Cumbria, Northamptonshire) gives several codes.
        """
        ref = self.by_code.get(code)
        if ref is None or not ref.replaced_by:
            return (code,)
        nexts = [self.by_code[c] for c in ref.replaced_by if c in self.by_code]
        if not nexts or any(_start_key(n) > on for n in nexts):
            return (code,)
        found: list[str] = []
        for successor in nexts:
            found += [c for c in self.successors(successor.code, on) if c not in found]
        return tuple(found)

    def successor(self, code: str, on: date) -> str | None:
        """The one authority that reviews `code`'s contracts on `on`; None if it was split."""
        found = self.successors(code, on)
        return found[0] if len(found) == 1 else None


def _start_key(ref: LocalAuthorityRef) -> date:
    return ref.start_on or date.min


def _date_phrase(on: date | None) -> str:
    return f"existed on {on}." if on else "is the current one (no award date)."


def _why(part: str, where: str, text: str) -> str:
    if where == "whole":
        return (
            f"'{text}' is a registered name once case, punctuation and council words are ignored."
        )
    if where == "behalf":
        return f"'{text}' acts on behalf of '{part}', a registered name."
    if where == "head":
        return f"'{part}' (before the qualifier) is a registered name."
    return f"'{part}' (part of the name) is a registered name: an officer must confirm."
