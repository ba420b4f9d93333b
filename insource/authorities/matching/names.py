"""The keys a buyer name is matched by: the cleaned name, its core place name, its parts.

Shared by the matcher and the register (exact keys of buyer names)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from rapidfuzz import fuzz

_SEPARATOR = (
    r"\s+(?:t/a|c/o|on behalf of|trading as|acting (?:as|through|for)|known as|hosted by)\s+"
)

_QUALIFIER = re.compile(_SEPARATOR + r"|\s+[-–—]+\s*|\s*[-–—]+\s+|\s*\(|\s*,\s*|\s*/\s*", re.I)

CONNECTOR = re.compile(_SEPARATOR + r"|\s+(?:and|&)\s+|\s*[/,()]\s*|\s+-\s+", re.I)

_COUNCIL_CUT = re.compile(r"^(.+?\bcouncils?)\b", re.I)

COUNCIL_WORD = re.compile(r"\b(councils?|boroughs?|mbc)\b", re.I)

_BEHALF = re.compile(r"\son behalf of\s", re.I)

_AND = re.compile(r"\s+(?:and|&)\s+", re.I)

_PHRASES = re.compile(r"\b(london|royal|metropolitan) boroughs?\b|\bcity and county\b")

_TYPE_WORDS = frozenset(
    "the of council councils borough boroughs county city district metropolitan corporation"
    " mbc bc dc ua unitary authority combined combine mayoral ca cca mca"
    " cc lb rb rbc cbc mdc".split()  # Bristol CC, LB Hackney, RB Kingston, Wigan MDC
)

# Welsh council-type words, dropped only from names that begin 'Cyngor' ('Cyngor Sir Powys');
# 'a' only in 'Dinas a Sir' (Abertawe): 'y' and 'ar' are part of place names (Pen-y-bont ar Ogwr).
_WELSH_TYPE_WORDS = frozenset("cyngor sir dinas bwrdeistref sirol".split())

_WELSH_AND = re.compile(r"\bdinas a sir\b")

_SHORT_FORMS = {
    short: county + "shire"
    for short, county in (
        ("beds", "bedford"),
        ("berks", "berk"),
        ("bucks", "buckingham"),
        ("cambs", "cambridge"),
        ("derbys", "derby"),
        ("glos", "gloucester"),
        ("hants", "hamp"),
        ("herts", "hertford"),
        ("lancs", "lanca"),
        ("leics", "leicester"),
        ("lincs", "lincoln"),
        ("northants", "northampton"),
        ("notts", "nottingham"),
        ("oxon", "oxford"),
        ("staffs", "stafford"),
        ("wilts", "wilt"),
        ("worcs", "worcester"),
        ("yorks", "york"),
    )
}

_TYPO_TARGETS = ("council", "councils", "county", "borough", "district", "metropolitan")


def clean(name: str) -> str:
    """The name as published, with HTML entities unescaped and spacing tidied."""
    text = html.unescape(html.unescape(name or "")).replace("\u2019", "'")
    return " ".join(text.split()).strip(" .,-")


def exact_key(name: str) -> str:
    """The key for exact matching: the cleaned name without case."""
    return clean(name).casefold()


@lru_cache(maxsize=100_000)
def core_name(name: str) -> str:
    """The place name at the core of a council name: 'London Borough of Haringey' -> 'haringey'."""
    text = clean(name).casefold().replace("&", " and ")
    text = re.sub(r"['`]", "", text)
    text = _PHRASES.sub(" ", re.sub(r"[\W_]+", " ", text))
    if text.startswith("cyngor "):
        text = " ".join(t for t in _WELSH_AND.sub(" ", text).split() if t not in _WELSH_TYPE_WORDS)
    words = (_SHORT_FORMS.get(t, t) for t in text.split())
    return " ".join(t for t in words if not _is_type_word(t))


@lru_cache(maxsize=10_000)
def _is_type_word(token: str) -> bool:
    """Council-type words, also when misspelt ('Councxil', 'bCounty', 'Concil')."""
    if token in _TYPE_WORDS:
        return True
    return len(token) >= 5 and any(fuzz.ratio(token, word) >= 85 for word in _TYPO_TARGETS)


def name_parts(text: str) -> list[tuple[str, str]]:
    """The parts of a name worth matching, best first: whole, head (before a qualifier), part."""
    head = _QUALIFIER.split(text, maxsplit=1)[0].strip()
    cut = _COUNCIL_CUT.match(text)
    parts = [(text, "whole")] + ([(cut.group(1), "head")] if cut else []) + [(head, "head")]
    parts += [(_BEHALF.split(text, maxsplit=1)[-1], "behalf")] if _BEHALF.search(text) else []
    parts += [(_AND.split(head, maxsplit=1)[0], "part")]
    parts += [(p.strip(), "part") for p in _QUALIFIER.split(text)[1:] if p and p.strip()]
    seen: set[str] = set()
    return [(p, w) for p, w in parts if p and not (p in seen or seen.add(p))]
