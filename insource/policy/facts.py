"""Parse and validate a facts document (version 1) into three-valued `Facts`.

Every error names the field at fault (`FactsError`), never a traceback. Missing facts take the
defaults of POLICY.md §2 "Inputs", else are unknown (None). Disputed facts read as unknown.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from insource.policy.errors import FactsError
from insource.policy.facts_fields import BY_PATH, FIELDS, GROUPS, Field

_CPV = re.compile(r"^(\d{8})(-\d)?$")


class Facts:
    """Facts as a flat mapping of path -> value (None = unknown), with the disputed paths."""

    __slots__ = ("values", "disputed", "given")

    def __init__(self, values: dict, disputed: tuple[str, ...], given: frozenset[str]):
        self.values, self.disputed, self.given = values, disputed, given

    def get(self, path: str):
        """The value for deciding: None when unknown or disputed."""
        if self.disputed and self.is_disputed(path):
            return None
        return self.values.get(path)

    def is_disputed(self, path: str) -> bool:
        return any(path == d or path.startswith(d + ".") for d in self.disputed)

    def replace(self, **changes) -> Facts:
        """A copy with some paths set (keys use '__' for '.'); for what-if and property tests."""
        values = dict(self.values)
        values.update({k.replace("__", "."): v for k, v in changes.items()})
        return Facts(values, self.disputed, self.given | set(values))


def parse_facts(doc) -> Facts:
    """Validate a facts document (a dict as parsed from JSON) and return `Facts`."""
    if not isinstance(doc, dict):
        raise FactsError("", "a facts document must be a JSON object")
    flat: dict[str, object] = {}
    _flatten(doc, "", flat)
    values = {f.path: f.default for f in FIELDS}
    for path, raw in flat.items():
        if raw is not None:
            values[path] = _coerce(BY_PATH[path], raw)
    if values["version"] != 1:
        raise FactsError("version", "only facts version 1 is understood; set it to 1")
    return Facts(values, tuple(values["disputed"]), frozenset(flat))


def _flatten(obj: dict, prefix: str, out: dict) -> None:
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if path in BY_PATH:
            out[path] = value
        elif path in GROUPS:
            if value is None:
                continue
            if not isinstance(value, dict):
                raise FactsError(path, "must be an object")
            _flatten(value, path + ".", out)
        else:
            raise FactsError(path, "is not a field of facts version 1 (see facts.schema.json)")


def _coerce(field: Field, raw):
    try:
        return _COERCE[field.kind](field, raw)
    except FactsError:
        raise
    except (ValueError, TypeError, InvalidOperation) as exc:
        raise FactsError(field.path, f"is not valid ({exc})") from None


def _bool(field, raw):
    if not isinstance(raw, bool):
        raise FactsError(field.path, "must be true, false or null")
    return raw


def _date(field, raw):
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise FactsError(field.path, f"must be a date written YYYY-MM-DD, not {raw!r}")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise FactsError(field.path, f"{raw!r} is not a real date") from None


def _decimal(field, raw):
    if isinstance(raw, float) or isinstance(raw, bool):
        raise FactsError(field.path, 'must be a decimal written as a string, e.g. "12.50"')
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise FactsError(field.path, f"{raw!r} is not a number") from None
    if not value.is_finite() or (field.kind == "money" and value < 0):
        raise FactsError(field.path, f"{raw!r} must be a finite amount, not negative")
    return value


def _int(field, raw):
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise FactsError(field.path, f"must be a whole number of 0 or more, not {raw!r}")
    return raw


def _str(field, raw):
    if not isinstance(raw, str):
        raise FactsError(field.path, "must be text")
    return raw


def _enum(field, raw):
    if raw not in field.choices:
        raise FactsError(field.path, f"must be one of {', '.join(field.choices)}, not {raw!r}")
    return raw


def _list(field, raw):
    if not isinstance(raw, list):
        raise FactsError(field.path, "must be a list")
    return raw


def _strlist(field, raw):
    return tuple(_str(field, item) for item in _list(field, raw))


def _cpv(field, raw):
    codes = []
    for item in _list(field, raw):
        match = _CPV.match(str(item).strip()) if isinstance(item, str | int) else None
        if not match:
            raise FactsError(field.path, f"{item!r} is not a CPV code (8 digits, e.g. 90511000)")
        codes.append(match.group(1))
    return tuple(codes) or None


def _evidence(field, raw):
    refs = []
    for item in _list(field, raw):
        ref = item.get("ref") if isinstance(item, dict) else item
        if not isinstance(ref, str) or not ref.strip():
            raise FactsError(
                field.path, "each evidence item is a reference, or an object with a non-empty 'ref'"
            )
        refs.append(ref.strip())
    return tuple(refs) or None


def _paths(field, raw):
    paths = _strlist(field, raw)
    for path in paths:
        if path not in BY_PATH and path not in GROUPS:
            raise FactsError(field.path, f"{path!r} is not a fact path")
    return tuple(sorted(set(paths)))


_COERCE = {
    "bool": _bool,
    "date": _date,
    "money": _decimal,
    "decimal": _decimal,
    "int": _int,
    "str": _str,
    "enum": _enum,
    "cpv": _cpv,
    "evidence": _evidence,
    "strlist": _strlist,
    "paths": _paths,
}
