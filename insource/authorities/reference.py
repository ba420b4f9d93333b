"""Reference data for UK local authorities, loaded from the CSV files shipped in `data/`.

Pure Python (no Django): the seeding service and the buyer-name matcher both read from here.
The register comes from mySociety's uk_local_authorities dataset (see `data/LICENSE`).
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

DATA_DIR = Path(__file__).resolve().parent / "data"
AUTHORITIES_CSV = DATA_DIR / "uk_local_authorities_current.csv"
NAME_VARIANTS_CSV = DATA_DIR / "lookup_name_to_registry.csv"
WELSH_NAMES_CSV = DATA_DIR / "welsh_names.csv"
INITIALISMS_CSV = DATA_DIR / "initialisms.csv"
AMBIGUOUS_NAMES_CSV = DATA_DIR / "ambiguous_names.csv"

AUTHORITY_COLUMNS = (
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "start-date",
    "end-date",
    "replaced-by",
    "nation",
    "local-authority-type",
    "local-authority-type-name",
    "alt-names",
    "current-authority",
    "pop-2020",
)
VARIANT_COLUMNS = ("la-name", "local-authority-code")


class ReferenceDataError(ValueError):
    """A shipped reference file is missing, malformed or inconsistent."""

    def __init__(self, path: Path, message: str, *, row: int | None = None, field: str = ""):
        where = f"{path}" + (f", row {row}" if row is not None else "")
        where += f", field '{field}'" if field else ""
        super().__init__(f"{where}: {message}")
        self.path, self.row, self.field = path, row, field


@dataclass(frozen=True, slots=True)
class LocalAuthorityRef:
    """One local authority (current or former) from the mySociety register."""

    code: str
    official_name: str
    nice_name: str
    gss_code: str
    start_on: date | None
    end_on: date | None
    replaced_by: tuple[str, ...]
    nation: str
    la_type: str
    la_type_name: str
    alt_names: tuple[str, ...]
    population: int | None
    is_current: bool

    def exists_on(self, on: date) -> bool:
        """True if the authority existed on `on` (start and end dates both inclusive)."""
        return (self.start_on is None or self.start_on <= on) and (
            self.end_on is None or on <= self.end_on
        )


def load_local_authorities(path: Path | str = AUTHORITIES_CSV) -> list[LocalAuthorityRef]:
    """Read the authority register; raise ReferenceDataError naming file, row and field."""
    path = Path(path)
    authorities = [_authority(path, num, row) for num, row in _rows(path, AUTHORITY_COLUMNS)]
    _check_codes(path, authorities)
    return authorities


def load_name_variants(path: Path | str = NAME_VARIANTS_CSV) -> list[tuple[str, str]]:
    """Read the (name variant, authority code) pairs; raise ReferenceDataError when malformed."""
    path = Path(path)
    variants = []
    for num, row in _rows(path, VARIANT_COLUMNS):
        name = _required(path, num, row, "la-name")
        variants.append((name, _required(path, num, row, "local-authority-code")))
    return variants


@dataclass(frozen=True, slots=True)
class NameForm:
    """A published form of council names from a shipped, cited list: a Welsh name, an
    initialism or a short name shared by several councils (`codes` has more than one then)."""

    name: str
    codes: tuple[str, ...]
    source: str


def load_welsh_names(path: Path | str = WELSH_NAMES_CSV) -> list[NameForm]:
    """The Welsh names of the 22 Welsh principal councils ('Cyngor Caerdydd' -> CRF)."""
    path = Path(path)
    return [
        NameForm(
            _required(path, num, row, "welsh-name"),
            (_required(path, num, row, "local-authority-code"),),
            _required(path, num, row, "source"),
        )
        for num, row in _rows(path, ("local-authority-code", "welsh-name", "source"))
    ]


def load_initialisms(path: Path | str = INITIALISMS_CSV) -> list[NameForm]:
    """Initialisms councils publish under (RBKC, BHCC, BCP); several codes when shared (LBH)."""
    return _forms(Path(path), "initialism", "source")


def load_ambiguous_names(path: Path | str = AMBIGUOUS_NAMES_CSV) -> list[NameForm]:
    """Short names published for more than one council ('Newcastle', 'Richmond')."""
    return _forms(Path(path), "name", "why")


def _forms(path: Path, name_field: str, source_field: str) -> list[NameForm]:
    forms = []
    for num, row in _rows(path, (name_field, "local-authority-codes", source_field)):
        codes = tuple(c.strip() for c in row["local-authority-codes"].split(";") if c.strip())
        if not codes:
            raise ReferenceDataError(path, "value is empty", row=num, field="local-authority-codes")
        name = _required(path, num, row, name_field)
        forms.append(NameForm(name, codes, _required(path, num, row, source_field)))
    return forms


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number as a spreadsheet shows it, row) after checking the header."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ReferenceDataError(path, f"cannot open the file ({exc.strerror})") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(path, f"missing column(s) {', '.join(missing)}", row=1)
        for num, row in enumerate(reader, start=2):
            if None in row or None in row.values():
                raise ReferenceDataError(path, "wrong number of fields", row=num)
            yield num, row


def _authority(path: Path, num: int, row: dict[str, str]) -> LocalAuthorityRef:
    def text(field: str) -> str:
        return row[field].strip()

    return LocalAuthorityRef(
        code=_required(path, num, row, "local-authority-code"),
        official_name=_required(path, num, row, "official-name"),
        nice_name=text("nice-name"),
        gss_code=text("gss-code"),
        start_on=_date(path, num, row, "start-date"),
        end_on=_date(path, num, row, "end-date"),
        replaced_by=_codes(text("replaced-by")),
        nation=text("nation"),
        la_type=text("local-authority-type"),
        la_type_name=text("local-authority-type-name"),
        alt_names=tuple(n.strip() for n in text("alt-names").split(",") if n.strip()),
        population=_population(path, num, row),
        is_current=_boolean(path, num, row, "current-authority"),
    )


def _required(path: Path, num: int, row: dict[str, str], field: str) -> str:
    value = row[field].strip()
    if not value:
        raise ReferenceDataError(path, "value is empty", row=num, field=field)
    return value


def _date(path: Path, num: int, row: dict[str, str], field: str) -> date | None:
    value = row[field].strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        msg = f"'{value}' is not a date in YYYY-MM-DD form"
        raise ReferenceDataError(path, msg, row=num, field=field) from None


def _codes(value: str) -> tuple[str, ...]:
    """Successor codes: the register separates several with ',' (older copies used '|')."""
    return tuple(c.strip() for c in value.replace("|", ",").split(",") if c.strip())


def _population(path: Path, num: int, row: dict[str, str]) -> int | None:
    value = row["pop-2020"].strip()
    try:
        return int(float(value)) if value else None
    except ValueError:
        msg = f"'{value}' is not a number"
        raise ReferenceDataError(path, msg, row=num, field="pop-2020") from None


def _boolean(path: Path, num: int, row: dict[str, str], field: str) -> bool:
    value = row[field].strip().lower()
    if value not in ("true", "false"):
        msg = f"'{row[field]}' is not True or False"
        raise ReferenceDataError(path, msg, row=num, field=field)
    return value == "true"


def _check_codes(path: Path, authorities: list[LocalAuthorityRef]) -> None:
    """Codes must be unique and every replaced-by code must name an authority in the file."""
    seen: dict[str, int] = {}
    for num, authority in enumerate(authorities, start=2):
        if authority.code in seen:
            msg = f"code {authority.code} repeats row {seen[authority.code]}"
            raise ReferenceDataError(path, msg, row=num, field="local-authority-code")
        seen[authority.code] = num
    for num, authority in enumerate(authorities, start=2):
        unknown = [c for c in authority.replaced_by if c not in seen]
        if unknown:
            msg = f"unknown successor code(s) {', '.join(unknown)}"
            raise ReferenceDataError(path, msg, row=num, field="replaced-by")


# -- name keys, shared by the register and the matcher --------------------------------------------

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
