"""An authority's local area as a list of postcode districts and areas, and the test of whether
a supplier's postcode is in it. Pure: no Django.

Entries are outward codes (`ST16`, `EC1A`), districts that have sub-districts (`EC1` covers
`EC1A` to `EC1Y`) or whole postcode areas (`LE`). A postcode is local when its outward code,
its district or its area is listed: `ST1` never matches `ST16` unless the list says `ST`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from insource.wealth.postcodes import AREAS, GIRO, INWARD, OUTWARD, Postcode

LOCAL, ELSEWHERE, UNKNOWN = "local", "elsewhere", "unknown"
LOCALITIES = (LOCAL, ELSEWHERE, UNKNOWN)
_SEPARATORS = re.compile(r"[\s,;]+")
_OUTWARD = re.compile(rf"^(?:{OUTWARD})$")
_INWARD = re.compile(rf"^{INWARD}$")
_AREA_SHAPE = re.compile(r"^[A-Z]{1,2}$")
_LOOSE_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
MAX_ENTRIES = 3000


@dataclass(frozen=True)
class ParsedArea:
    """The entries an officer typed, normalised (upper case, sorted, each once), and a message
    for every entry that is not a postcode district or area."""

    entries: tuple[str, ...]
    errors: tuple[str, ...]


def _entry_error(token: str) -> str:
    """Why a token is not a district or area ('' when it is one)."""
    if token == GIRO or token in AREAS:
        return ""
    if _LOOSE_OUTWARD.match(token):
        area = re.match(r"[A-Z]+", token).group(0)
        if area not in AREAS:
            return f"“{token}”: {area} is not a UK postcode area"
        return "" if _OUTWARD.match(token) else f"“{token}” is not a valid postcode district"
    if _AREA_SHAPE.match(token):
        return f"“{token}” is not a UK postcode area"
    if _INWARD.match(token):
        return (
            f"“{token}” looks like the second half of a full postcode: enter only the district,"
            " the part before the space (for example ST16, not ST16 2AB)"
        )
    return (
        f"“{token}” is not a postcode district or area: enter districts such as ST16 or areas"
        " such as ST, separated by spaces or commas"
    )


def local_area_parse(text: str) -> ParsedArea:
    """Read an officer's list: districts and areas separated by spaces, commas or new lines."""
    tokens = [t for t in _SEPARATORS.split((text or "").upper()) if t]
    errors = tuple(e for e in (_entry_error(t) for t in dict.fromkeys(tokens)) if e)
    if len(tokens) > MAX_ENTRIES:
        errors += (f"{len(tokens)} entries is too many: list at most {MAX_ENTRIES}",)
    return ParsedArea(tuple(sorted(set(tokens), key=sort_key)), errors)


def sort_key(entry: str) -> tuple:
    """`ST2` before `ST16`; areas before their districts."""
    match = re.match(r"([A-Z]*)(\d*)(.*)", entry)
    letters, digits, rest = match.groups()
    return (letters, int(digits) if digits else -1, rest)


@dataclass(frozen=True)
class LocalMatcher:
    """Decides local / elsewhere / unknown for postcodes against one list of entries."""

    entries: frozenset[str]

    @classmethod
    def of(cls, entries) -> LocalMatcher:
        return cls(frozenset(entries))

    @property
    def is_set(self) -> bool:
        return bool(self.entries)

    def locality(self, postcode: Postcode | None) -> str:
        """Unknown without a postcode or without a local area; else local or elsewhere."""
        if postcode is None or not self.entries:
            return UNKNOWN
        keys = {postcode.outward, postcode.district, postcode.area}
        return LOCAL if keys & self.entries else ELSEWHERE
