"""`BuyerMatcher`: the name stage of matching (initialism, guard, exact, shared, normalised,
fuzzy; see the package's docstring), cached per name; the date stage is `dates.py`."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz, process

from insource.authorities.buyer_types import BUYER_TYPES, buyer_type_rule, is_council_type
from insource.authorities.matching.dates import DatedAuthorities
from insource.authorities.matching.names import (
    CONNECTOR,
    COUNCIL_WORD,
    clean,
    core_name,
    exact_key,
    name_parts,
)
from insource.authorities.matching.results import (
    ACCEPT_SCORE,
    CANDIDATE_SCORE,
    DEPARTMENT_SCORE,
    INITIALISM_SCORE,
    MIN_FUZZY_LENGTH,
    PREFIX_SCORE,
    SHARED_SCORE,
    BuyerMatch,
    Hit,
    Suggestion,
    why_found,
)
from insource.authorities.matching.suggestions import suggest
from insource.authorities.reference import (
    LocalAuthorityRef,
    NameForm,
    load_ambiguous_names,
    load_initialisms,
    load_welsh_names,
)

# Words that make the rest of a name a body of its own, not a council's department.
_ENTITY = re.compile(
    r"\b(limited|ltd|plc|llp|cic|c i c|trust|foundation|association|group|company|partnership"
    r"|schools?|academy|college|university|nhs|police|fire|parish|town|homes|for|of|owned)\b",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"^(?:the\s+)?([A-Za-z&]{2,6})(?=$|[\s,:;(/\-–—])(.*)$", re.IGNORECASE)
_SEPARATORS = " \t-–—,:;()/"


class BuyerMatcher(DatedAuthorities):
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
        self._hits: dict[str, Hit | BuyerMatch] = {}
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

    def _match_name(self, text: str) -> Hit | BuyerMatch:
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

    def _initialism_hit(self, text: str) -> Hit | None:
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
            return Hit(codes, SHARED_SCORE, "variant", why, needs_confirmation=True)
        department = rest and core_name(rest)
        score = DEPARTMENT_SCORE if department else INITIALISM_SCORE
        why = f"'{token}' is a registered initialism ({form.source})."
        why += f" '{rest}' reads as one of its departments." if department else ""
        return Hit(codes, score, "variant", why)

    def _department_hit(self, text: str) -> Hit | None:
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
            return Hit(hit.codes, DEPARTMENT_SCORE, "normalised", why)
        return None

    def _shared_hit(self, text: str) -> Hit | None:
        """'Newcastle', 'Richmond': a short name published for several councils."""
        for part, where in name_parts(text):
            form = self._ambiguous.get(core_name(part)) if where in ("whole", "head") else None
            codes = tuple(sorted(c for c in form.codes if c in self.by_code)) if form else ()
            if codes:
                why = f"{form.source}: an officer must confirm."
                return Hit(codes, SHARED_SCORE, "normalised", why, needs_confirmation=True)
        return None

    def _exact_hit(self, text: str) -> Hit | None:
        methods = self._exact.get(exact_key(text))
        if not methods:
            return None
        kinds = set(methods.values())
        method = "exact" if kinds & {"exact", "welsh"} else "variant"
        score = 100.0 if method == "exact" else 98.0
        what = "an official or short name" if method == "exact" else "a registered name variant"
        what = "a council's Welsh name" if kinds == {"welsh"} else what
        return Hit(tuple(sorted(methods)), score, method, f"'{text}' is {what}.")

    def _normalised_hit(self, text: str, council_like: bool) -> Hit | None:
        joint = self._joint(text)
        if joint:
            why = f"'{text}' names more than one authority: an officer must confirm."
            return Hit(joint, 75.0, "normalised", why, needs_confirmation=True)
        for part, where in name_parts(text):
            codes = self._core.get(core_name(part))
            if not codes or (where == "part" and not council_like):
                continue
            others = self._other_councils(text, part, codes)
            if others:
                listed = ", ".join(sorted(others))
                why = f"'{text}' names more than one authority ({listed}): an officer must confirm."
                return Hit(tuple(sorted(codes)), 75.0, "normalised", why, needs_confirmation=True)
            score = {"whole": 95.0, "head": 90.0, "behalf": 88.0}.get(where, 80.0)
            why, needs = why_found(part, where, text), score < ACCEPT_SCORE
            return Hit(tuple(sorted(codes)), score, "normalised", why, needs_confirmation=needs)
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

    def _fuzzy_hit(self, text: str, council_like: bool) -> Hit | None:
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
        return Hit(tuple(sorted(self._core[key])), score, "fuzzy", why, needs_confirmation=needs)

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

    def suggest(self, name: str, on: date | None = None) -> list[Suggestion]:
        """The best few authorities an officer might confirm `name` as (`suggestions.suggest`)."""
        return suggest(self, name, on)


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
