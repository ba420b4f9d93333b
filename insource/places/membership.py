"""Which public bodies are in or serve a place, and why: explicit rules, first match wins. Pure.

A body is a buyer in the register (`Body`: its kind, its local authority code if it is a
council, its name and every published name matched to it). For a place's areas (`Place`), the
rules, in order:

1. `council`: a local authority whose code is one of the place's areas;
2. `county`: the county council of one of the place's districts, when the county itself is not
   one of the areas (it serves part of the place);
3. `combined`: the combined authority (or the Greater London Authority) that one of the place's
   councils belongs to, when it is not one of the areas;
   no other council is ever in a place: a council's area is known exactly;
4. for every other body, its name or one of its published names contains, as whole words, the
   name of one of the place's areas (`Staffordshire Moorlands`, `Tamworth`) or of the county one
   of them is in (`Staffordshire`): a police force (`police-area`: force areas are named after
   the counties they cover), a fire and rescue service (`fire-area`), anything else (`name`,
   or `county-name` when the name is the county's and the county is not one of the areas);
5. `local-contracts`: a central government body none of whose names names the place, but some of
   whose contracts do in their title or description: only those contracts count.

Names are compared in lower case with punctuation and `&` read as spaces and `and`: `Stoke-on-
Trent` matches `STOKE ON TRENT`, `Stafford` never matches `Staffordshire`. A few area names that
are everyday words (`Reading`, `Hart`) match nothing on their own. What these rules cannot see is
in docs/places.md (limits).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from insource.places.areas import register

# Area names that are everyday words or parts of other places' names: they name no body.
COMMON_WORDS = frozenset({"reading", "hart", "bury", "eden", "wells"})
COUNCIL_KINDS = frozenset({"local-authority", "combined-authority", "parish-town-council"})
GROUPS = {
    "local-authority": "council",
    "combined-authority": "council",
    "parish-town-council": "council",
    "nhs": "nhs",
    "police": "police",
    "fire": "fire",
    "housing-association": "housing",
    "central-government": "central-government",
}
GROUP_ORDER = ("council", "nhs", "police", "fire", "housing", "central-government", "other")


def group_of(kind: str) -> str:
    """The seven kinds a place report uses: council, nhs, police, fire, housing,
    central-government, other."""
    return GROUPS.get(kind, "other")


@dataclass(frozen=True)
class Body:
    """A buyer as the membership rules see it."""

    id: int
    kind: str
    code: str
    name: str
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A name that places a body: an area's name, or its county's (`is_county`)."""

    text: str
    key: str
    is_county: bool


@dataclass(frozen=True)
class Member:
    """A body of the place and why (`reason`, with the `term` or area named)."""

    body: Body
    reason: str
    term: str = ""

    @property
    def group(self) -> str:
        return group_of(self.body.kind)

    @property
    def only_named_contracts(self) -> bool:
        return self.reason == "local-contracts"


def normalise(text: str) -> str:
    """Lower case, entities decoded, '&' as 'and', anything else not a letter or digit as a
    space; padded with spaces so that a term matches whole words only."""
    text = html.unescape(html.unescape(text or "")).lower().replace("&", " and ")
    return f" {' '.join(re.sub(r'[^a-z0-9]+', ' ', text).split())} "


@dataclass(frozen=True)
class Place:
    """A place's areas (current local authority codes) with what the rules derive."""

    codes: tuple[str, ...]

    @property
    def counties(self) -> frozenset[str]:
        reg = register()
        found = {reg[c].county for c in self.codes if c in reg and reg[c].county}
        return frozenset(found - set(self.codes))

    @property
    def combined(self) -> frozenset[str]:
        reg = register()
        found = {reg[c].combined for c in self.codes if c in reg and reg[c].combined}
        return frozenset(found - set(self.codes))

    @property
    def terms(self) -> tuple[Term, ...]:
        """Area names first, then county names; longest first within each, no duplicates."""
        reg = register()
        areas = [Term(reg[c].nice_name, normalise(reg[c].nice_name), False)
                 for c in self.codes if c in reg]  # fmt: skip
        counties = [Term(reg[c].nice_name, normalise(reg[c].nice_name), True)
                    for c in self.counties if c in reg]  # fmt: skip
        seen, found = set(), []
        for term in sorted(areas, key=lambda t: -len(t.key)) + sorted(
            counties, key=lambda t: -len(t.key)
        ):
            if term.key not in seen and term.key.strip() not in COMMON_WORDS:
                seen.add(term.key)
                found.append(term)
        return tuple(found)


def named_term(texts: Iterable[str], terms: tuple[Term, ...]) -> Term | None:
    """The first term any of the texts contains as whole words, or None."""
    keys = [normalise(t) for t in texts if t]
    return next((t for t in terms if any(t.key in k for k in keys)), None)


def _name_reason(body: Body, term: Term) -> str:
    if body.kind == "police":
        return "police-area"
    if body.kind == "fire":
        return "fire-area"
    return "county-name" if term.is_county else "name"


def member_of(place: Place, body: Body, terms: tuple[Term, ...] | None = None) -> Member | None:
    """The body as a member of the place with its reason, or None (rules 1 to 4)."""
    if body.code:
        if body.code in place.codes:
            return Member(body, "council", body.code)
        if body.code in place.counties:
            return Member(body, "county", body.code)
        if body.code in place.combined:
            return Member(body, "combined", body.code)
    if body.code or body.kind == "local-authority":
        return None
    term = named_term((body.name, *body.names), place.terms if terms is None else terms)
    return Member(body, _name_reason(body, term), term.text) if term else None


def members_of(place: Place, bodies: Iterable[Body]) -> list[Member]:
    """Every body the rules place in the place, councils first, then by name."""
    terms = place.terms
    found = [m for b in bodies if (m := member_of(place, b, terms)) is not None]
    return sorted(found, key=lambda m: (GROUP_ORDER.index(m.group), m.body.name.lower()))


def local_contract_term(title: str, description: str, terms: tuple[Term, ...]) -> Term | None:
    """Rule 5: the term a central government contract's title or description names."""
    return named_term((title, description), terms)
