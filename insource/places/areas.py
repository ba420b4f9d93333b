"""A place's local authority areas, from the shipped register of UK local authorities. Pure.

A place is defined one of four ways, and each definition resolves to a set of current local
authority codes (`Areas`):

- a county: the county council and every district council whose register row names it as its
  county (`county-la`);
- a combined authority: the combined authority and every council whose row names it
  (`combined-authority`);
- an integrated care board's footprint: the areas in the shipped, cited `data/
  icb_footprints.csv` (a county there brings its districts);
- a custom list of local authority codes (three-letter or GSS), each checked.

The register (mySociety's uk_local_authorities, shipped in `insource/authorities/data/`) is
read once and cached. Errors (translated) name each bad entry and say how to fix it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from insource.authorities.reference import AUTHORITIES_CSV

ICB_CSV = Path(__file__).resolve().parent / "data" / "icb_footprints.csv"
KINDS = ("county", "combined-authority", "icb", "custom")
MAX_AREAS = 60


class AreaError(ValueError):
    """A place's definition names an area the register does not hold (each bad entry)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class AreaRef:
    """One current local authority as the register gives it."""

    code: str
    gss_code: str
    name: str
    nice_name: str
    la_type: str
    county: str
    combined: str


@dataclass(frozen=True)
class Icb:
    """An integrated care board's footprint as shipped (upper-tier areas and a note)."""

    key: str
    name: str
    areas: tuple[str, ...]
    note: str
    source: str
    href: str


@cache
def register() -> dict[str, AreaRef]:
    """Every current local authority by code."""
    with open(AUTHORITIES_CSV, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["current-authority"] == "True"]
    return {
        r["local-authority-code"]: AreaRef(
            r["local-authority-code"],
            r["gss-code"],
            r["official-name"],
            r["nice-name"] or r["official-name"],
            r["local-authority-type"],
            r["county-la"],
            r["combined-authority"],
        )
        for r in rows
    }


@cache
def icbs() -> dict[str, Icb]:
    """The shipped integrated care board footprints by key."""
    with open(ICB_CSV, encoding="utf-8") as f:
        return {
            r["key"]: Icb(
                r["key"],
                r["name"],
                tuple(r["areas"].split(";")),
                r["note"],
                r["source"],
                r["href"],
            )
            for r in csv.DictReader(f)
        }


def counties() -> list[AreaRef]:
    """The county councils that have districts, by name."""
    found = {a.county for a in register().values() if a.county}
    return sorted((register()[c] for c in found if c in register()), key=lambda a: a.nice_name)


def combined_authorities() -> list[AreaRef]:
    """The combined authorities that have member councils, by name."""
    found = {a.combined for a in register().values() if a.combined}
    return sorted((register()[c] for c in found if c in register()), key=lambda a: a.nice_name)


def with_districts(codes) -> list[str]:
    """The codes with, for each county among them, its districts."""
    found = list(dict.fromkeys(codes))
    for code in list(found):
        found += [a.code for a in register().values() if a.county == code and a.code not in found]
    return found


def _code_of(token: str) -> str | None:
    """A register code for a three-letter code or a GSS code (any case), else None."""
    token = token.strip().upper()
    if token in register():
        return token
    return next((a.code for a in register().values() if a.gss_code == token), None)


def parse_codes(text: str) -> list[str]:
    """Local authority codes from text separated by commas or spaces; AreaError naming each
    entry that is not a current local authority."""
    tokens = [t for t in re.split(r"[\s,;]+", (text or "")[:2000]) if t]
    if not tokens:
        raise AreaError([_("Enter at least one local authority code, such as STS or TAW")])
    problems, codes = [], []
    for token in tokens:
        code = _code_of(token)
        if code is None:
            problems.append(
                _("'%(code)s' is not the code of a current local authority") % {"code": token[:20]}
            )
        elif code not in codes:
            codes.append(code)
    if len(codes) > MAX_AREAS:
        problems.append(_("A place has at most %(n)s areas") % {"n": MAX_AREAS})
    if problems:
        raise AreaError(problems)
    return codes


def resolve(kind: str, key: str) -> list[str]:
    """The area codes a definition names (see the module docstring); AreaError when unknown."""
    key = (key or "").strip()
    if kind == "county":
        code = _code_of(key)
        if code is None or code not in {c.code for c in counties()}:
            raise AreaError([_("Choose a county with district councils")])
        return with_districts([code])
    if kind == "combined-authority":
        code = _code_of(key)
        if code is None or code not in {c.code for c in combined_authorities()}:
            raise AreaError([_("Choose a combined authority")])
        return [code] + [a.code for a in register().values() if a.combined == code]
    if kind == "icb":
        icb = icbs().get(key)
        if icb is None:
            raise AreaError([_("Choose an integrated care board")])
        return with_districts(icb.areas)
    if kind == "custom":
        return parse_codes(key)
    raise AreaError([_("Choose what kind of place it is")])
