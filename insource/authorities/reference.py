"""Reference data for UK local authorities, loaded from the CSV files shipped in `data/`.

Pure Python (no Django): the seeding service and the buyer-name matcher both read from here.
The register comes from mySociety's uk_local_authorities dataset (see `data/LICENSE`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

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
