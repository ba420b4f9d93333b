"""Matching published buyer names to local authorities, with a confidence score.

Pure Python (no Django, no clock). The pipeline, first hit wins:

0. initialism: a leading initialism from the shipped, cited list (`data/initialisms.csv`: RBKC,
   BHCC, BCP), alone (96) or before a department ('BHCC Housing', 90); one shared by several
   councils (LBH, WCC) is offered to an officer with each of them (70);
1. guard: names that read as another kind of body (NHS, police, fire, town and parish councils,
   national parks, schools, universities, housing companies...) never land on a council, unless
   the name is a council's name followed by one of its departments ('Leeds City Council Housing
   Services', 'Bristol CC - Waste Services': 90);
2. exact: an official or nice name, or a council's Welsh name (`data/welsh_names.csv`: 'Cyngor
   Caerdydd'), case and spacing ignored, 100; a short name published for several councils
   (`data/ambiguous_names.csv`: 'Newcastle', 'Richmond') is offered to an officer (70);
3. variant: a registered alternative name (alt-names and `lookup_name_to_registry.csv`), 98;
4. normalised: the core place name, without case, punctuation, '&'/'and', 'the' and council-type
   words (also 'CC', 'LB', 'RB'... and the Welsh 'Cyngor Sir', 'Cyngor Bwrdeistref Sirol'),
   of the whole name (95), of the name before a department qualifier (90), or of another
   part of it (80, needs confirmation). A name that names two councils needs confirmation (75);
5. fuzzy: rapidfuzz on the core name; accepted at ACCEPT_SCORE or more when the name reads like a
   council, otherwise returned as a candidate that needs confirmation (down to CANDIDATE_SCORE).

Date-aware: when several authorities share a name, the one that existed on the award date `on`
wins; `successor(code, on)` follows `replaced-by` to the authority that holds the contract on `on`.
"""

from __future__ import annotations

import re
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
    NameForm,
    clean,
    core_name,
    exact_key,
    load_ambiguous_names,
    load_initialisms,
    load_welsh_names,
    name_parts,
)

ACCEPT_SCORE = 88.0  # confidence from which a match is accepted without an officer
CANDIDATE_SCORE = 80.0  # fuzzy score from which a candidate is offered at all
MIN_FUZZY_LENGTH = 4  # shorter core names are too ambiguous to fuzzy-match
PREFIX_SCORE = 82.0  # one registered name starts with the other: a candidate only
INITIALISM_SCORE = 96.0  # a council's own initialism, alone ('RBKC', 'BCP Council')
DEPARTMENT_SCORE = 90.0  # a council's name or initialism before one of its departments
SHARED_SCORE = 70.0  # a short name or initialism several councils publish under: an officer
SUGGESTION_FLOOR = 70.0  # the least rapidfuzz score worth offering an officer as a suggestion
SUGGESTIONS = 3  # how many suggestions an officer is offered for a name

# Words that make the rest of a name a body of its own, not a council's department.
_ENTITY = re.compile(
    r"\b(limited|ltd|plc|llp|cic|c i c|trust|foundation|association|group|company|partnership"
    r"|schools?|academy|college|university|nhs|police|fire|parish|town|homes|for|of|owned)\b",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"^(?:the\s+)?([A-Za-z&]{2,6})(?=$|[\s,:;(/\-–—])(.*)$", re.IGNORECASE)
_SEPARATORS = " \t-–—,:;()/"

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
class _Hit:
    """The date-independent result of matching one name: the codes that share it."""

    codes: tuple[str, ...]
    confidence: float
    method: str
    reason: str
    needs_confirmation: bool = False


class BuyerMatcher:
    """Matches buyer names against the local-authority register (see the module docstring)."""

    def __init__(
        self,
        authorities: Iterable[LocalAuthorityRef],
        variants: Iterable[tuple],
        *,
        welsh: Iterable[NameForm] | None = None,
        initialisms: Iterable[NameForm] | None = None,
        ambiguous: Iterable[NameForm] | None = None,
    ):
        """`welsh`, `initialisms` and `ambiguous` default to the shipped lists in `data/`."""
        self.by_code = {a.code: a for a in authorities}
        self._exact: dict[str, dict[str, str]] = defaultdict(dict)
        self._core: dict[str, set[str]] = defaultdict(set)
        for ref in self.by_code.values():
            self._index(ref.code, (ref.official_name, ref.nice_name), "exact")
            self._index(ref.code, ref.alt_names, "variant")
        for name, code in variants:
            if code in self.by_code:
                self._index(code, (name,), "variant")
        for form in load_welsh_names() if welsh is None else welsh:
            for code in form.codes:
                if code in self.by_code:
                    self._index(code, (form.name,), "welsh")
        self._initialisms = {
            f.name.casefold(): f
            for f in (load_initialisms() if initialisms is None else initialisms)
        }
        self._ambiguous = {
            core_name(f.name): f
            for f in (load_ambiguous_names() if ambiguous is None else ambiguous)
        }
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
        initial = self._initialism_hit(text)
        if initial is not None:
            return initial
        if decisive and not council_like:
            department = self._department_hit(text)
            if department is not None:
                return department
            why = f"Reads as {BUYER_TYPES[kind].lower()}, not a local authority."
            return BuyerMatch(None, 0.0, "none", False, kind, why)
        hit = (
            self._exact_hit(text)
            or self._shared_hit(text)
            or self._normalised_hit(text, council_like)
            or self._fuzzy_hit(text, council_like)
        )
        if hit is None:
            # Every name nobody recognises waits for an officer, council-like or not: an
            # unknown name may be a council's (its contracts would otherwise miss its pipeline).
            why = "Reads like a council but matches no authority: an officer must confirm."
            why = (
                why
                if council_like
                else "Matches no authority and no kind of body: an officer must confirm."
            )
            return BuyerMatch(None, 0.0, "none", True, kind, why)
        return hit

    def _initialism_hit(self, text: str) -> _Hit | None:
        """'RBKC', 'BCP Council', 'BHCC Housing': an initialism from the shipped list."""
        found = _INITIAL.match(text)
        form = self._initialisms.get(found.group(1).casefold()) if found else None
        if form is None or not found.group(1).isupper():
            return None
        rest = found.group(2).strip(_SEPARATORS)
        codes = tuple(sorted(c for c in form.codes if c in self.by_code))
        if not codes or (len(codes) == 1 and _ENTITY.search(rest)):
            return None  # 'BCP Homes Ltd' is a body of its own: the guard decides
        token = found.group(1)
        if len(codes) > 1:
            why = f"'{token}' is published by several councils ({form.source})."
            why += " An officer must confirm."
            return _Hit(codes, SHARED_SCORE, "variant", why, needs_confirmation=True)
        department = rest and core_name(rest)
        score = DEPARTMENT_SCORE if department else INITIALISM_SCORE
        why = f"'{token}' is a registered initialism ({form.source})."
        why += f" '{rest}' reads as one of its departments." if department else ""
        return _Hit(codes, score, "variant", why)

    def _department_hit(self, text: str) -> _Hit | None:
        """'Leeds City Council Housing Services': a council's name, then one of its departments
        (names the guard would otherwise read as a housing body, a waste company...)."""
        for head, rest in _head_splits(text):
            if not rest or _ENTITY.search(rest) or _ENTITY.search(head):
                continue
            if buyer_type_rule(head)[1]:
                continue
            hit = self._exact_hit(head) or self._normalised_hit(head, True)
            if hit is None or hit.needs_confirmation or hit.confidence < 95.0:
                continue
            why = f"'{head}' is a registered name; '{rest}' reads as one of its departments."
            return _Hit(hit.codes, DEPARTMENT_SCORE, "normalised", why)
        return None

    def _shared_hit(self, text: str) -> _Hit | None:
        """'Newcastle', 'Richmond': a short name published for several councils."""
        for part, where in name_parts(text):
            form = self._ambiguous.get(core_name(part)) if where in ("whole", "head") else None
            codes = tuple(sorted(c for c in form.codes if c in self.by_code)) if form else ()
            if codes:
                why = f"{form.source}: an officer must confirm."
                return _Hit(codes, SHARED_SCORE, "normalised", why, needs_confirmation=True)
        return None

    def _exact_hit(self, text: str) -> _Hit | None:
        methods = self._exact.get(exact_key(text))
        if not methods:
            return None
        kinds = set(methods.values())
        method = "exact" if kinds & {"exact", "welsh"} else "variant"
        score = 100.0 if method == "exact" else 98.0
        what = "an official or short name" if method == "exact" else "a registered name variant"
        what = "a council's Welsh name" if kinds == {"welsh"} else what
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

    # -- suggestions for an officer -------------------------------------------------------------

    def suggest(self, name: str, on: date | None = None) -> list[Suggestion]:
        """The best few authorities an officer might confirm `name` as, best first, each with a
        score and why: what the match found, then the nearest registered names (rapidfuzz)."""
        text = clean(name)
        best: dict[str, Suggestion] = {}

        def offer(code: str, score: float, why: str) -> None:
            if code in self.by_code and (code not in best or best[code].score < score):
                best[code] = Suggestion(code, round(score, 1), why)

        hit = self._hits.get(exact_key(name))
        if hit is None:
            self.match(name, on)
            hit = self._hits[exact_key(name)]
        if isinstance(hit, _Hit):
            for code in hit.codes:
                offer(code, hit.confidence, hit.reason)
        cores = {core_name(p) for p, where in name_parts(text) if where != "part"}
        for core in (c for c in cores if len(c) >= MIN_FUZZY_LENGTH):
            found = process.extract(
                core, self._core_keys, scorer=fuzz.WRatio, limit=8, score_cutoff=SUGGESTION_FLOOR
            )
            for key, score, _n in found:
                for code in self._core[key]:
                    offer(code, float(score), f"'{core}' is {score:.0f}% like '{key}'.")

        def rank(s: Suggestion) -> tuple:
            alive = on is None or self.by_code[s.code].exists_on(on)
            current = self.by_code[s.code].end_on is None
            return (-s.score, not alive, not current, s.code)

        return sorted(best.values(), key=rank)[:SUGGESTIONS]

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


def _head_splits(text: str) -> list[tuple[str, str]]:
    """(council name, the rest) readings of a name: up to 'Council' ('Leeds City Council
    Housing Services'), or before a qualifier ('Bristol CC - Waste Services')."""
    splits = []
    cut = re.match(r"^(.+?\b(?:councils?|cc|bc|dc|mbc|rbc|cbc|mdc))\b(.*)$", text, re.IGNORECASE)
    if cut:
        splits.append((cut.group(1).strip(), cut.group(2).strip(_SEPARATORS)))
    parts = re.split(r"\s+[-–—]+\s*|\s*[-–—]+\s+|\s*\(|\s*,\s*|\s*:\s*", text, maxsplit=1)
    if len(parts) == 2:
        splits.append((parts[0].strip(), parts[1].strip(_SEPARATORS)))
    return splits


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
