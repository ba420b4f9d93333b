"""Dated, cited parameters (OpenFisca's shape): one YAML file per parameter under parameters/.

A parameter's name is its path under parameters/ with dots for slashes (`vat/standard_rate.yaml`
is `vat.standard_rate`). Values are keyed by the
date they start; each has a status and a reference (title and link). Scalars are read as text, so
money becomes Decimal and never float. Duplicate keys, unknown keys, missing references and bad
dates are refused with the file, the key and the fix.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from insource.policy.errors import ParameterError

ROOT = Path(__file__).parent / "parameters"
FILE_KEYS = {"description", "tag", "unit", "override", "values", "note"}
ENTRY_KEYS = {"value", "status", "reference", "note", "announced_on", "required_from"}
TAGS = {"LAW", "SEED", "DESIGN", "LATER"}
STATUSES = {"in_force", "enacted_not_commenced", "policy", "design"}
OVERRIDES = {"stricter_lower", "stricter_higher", "any", "none"}
NUMERIC = {
    "gbp": Decimal,
    "rate": Decimal,
    "percent": Decimal,
    "months": int,
    "days": int,
    "working_days": int,
    "count": int,
}
UNITS = set(NUMERIC) | {"date", "bool", "list", "text"}


@dataclass(frozen=True)
class Entry:
    """One dated value of a parameter."""

    start: date
    value: object
    status: str
    title: str
    href: str
    note: str = ""
    extra: tuple = ()

    @property
    def citation(self) -> str:
        return f"{self.title} <{self.href}>"


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    tag: str
    unit: str
    override: str
    entries: tuple[Entry, ...]
    starts: tuple[date, ...] = field(default=(), repr=False)

    def at(self, on: date) -> Entry | None:
        """The entry in force on a date (None before the first)."""
        i = bisect.bisect_right(self.starts, on)
        return self.entries[i - 1] if i else None


def load_file(path: Path, root: Path = ROOT) -> Parameter:
    """Load and check one parameter file."""
    rel = str(path.relative_to(root.parent) if path.is_relative_to(root.parent) else path)
    name = ".".join(path.relative_to(root).with_suffix("").parts)
    return load_text(path.read_text(encoding="utf-8"), name, rel)


def load_text(text: str, name: str, rel: str) -> Parameter:
    """Load and check one parameter file's text (`rel` names it in errors)."""
    try:
        doc = YAML(typ="base").load(text)
    except YAMLError as exc:
        raise ParameterError(
            rel,
            "(file)",
            f"not valid YAML or a duplicate key: {exc}",
            "write each key once and check the indentation",
        ) from None
    _require_keys(rel, "(file)", doc, FILE_KEYS, {"description", "tag", "unit", "values"})
    unit, tag = _choice(rel, "unit", doc["unit"], UNITS), _choice(rel, "tag", doc["tag"], TAGS)
    override = _choice(
        rel, "override", doc.get("override", "none" if tag == "LAW" else "any"), OVERRIDES
    )
    if tag == "LAW" and override == "any":
        raise ParameterError(
            rel,
            "override",
            "a LAW parameter may only be overridden in the stricter direction",
            "use stricter_lower, stricter_higher or none",
        )
    entries = tuple(
        sorted(
            (_entry(rel, k, v, unit) for k, v in _mapping(rel, doc, "values")),
            key=lambda e: e.start,
        )
    )
    return Parameter(
        name, doc["description"], tag, unit, override, entries, tuple(e.start for e in entries)
    )


def _mapping(rel, doc, key):
    value = doc.get(key)
    if not isinstance(value, dict) or not value:
        raise ParameterError(rel, key, "must be a non-empty mapping", f"give at least one {key}")
    return value.items()


def _require_keys(rel, where, doc, allowed, required):
    if not isinstance(doc, dict):
        raise ParameterError(rel, where, "must be a mapping", "see parameters/README.md")
    for key in doc:
        if key not in allowed:
            raise ParameterError(
                rel,
                f"{where}.{key}",
                "unknown key",
                f"remove it or use one of {', '.join(sorted(allowed))}",
            )
    for key in sorted(required - set(doc)):
        raise ParameterError(rel, f"{where}.{key}", "missing", f"add {key}")


def _choice(rel, key, value, allowed):
    if value not in allowed:
        raise ParameterError(
            rel, key, f"{value!r} is not allowed", f"use one of {', '.join(sorted(allowed))}"
        )
    return value


def _date(rel, key, text) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ParameterError(
            rel,
            key,
            f"{text!r} is not a date",
            "write the start date as YYYY-MM-DD, e.g. 2026-01-01",
        ) from None


def _entry(rel, key, doc, unit) -> Entry:
    where = f"values.{key}"
    start = _date(rel, where, key)
    _require_keys(rel, where, doc, ENTRY_KEYS, {"value", "status", "reference"})
    ref = doc["reference"]
    _require_keys(rel, f"{where}.reference", ref, {"title", "href"}, {"title", "href"})
    extra = tuple(
        (k, _date(rel, f"{where}.{k}", doc[k]))
        for k in ("announced_on", "required_from")
        if k in doc
    )
    return Entry(
        start,
        _value(rel, f"{where}.value", doc["value"], unit),
        _choice(rel, f"{where}.status", doc["status"], STATUSES),
        ref["title"],
        ref["href"],
        doc.get("note", ""),
        extra,
    )


def _value(rel, key, raw, unit):
    try:
        if unit in NUMERIC:
            return NUMERIC[unit](raw)
        if unit == "date":
            return date.fromisoformat(raw)
        if unit == "bool" and raw in ("true", "false"):
            return raw == "true"
        if unit == "list" and isinstance(raw, list):
            return tuple(raw)
        if unit == "text" and isinstance(raw, str):
            return raw
    except (ValueError, TypeError, InvalidOperation):
        pass
    raise ParameterError(
        rel,
        key,
        f"{raw!r} is not a valid {unit}",
        f'write a {unit} value (money as digits, e.g. "207720")',
    )


@cache
def load_all(root: Path | None = None) -> dict[str, Parameter]:
    """Every parameter under the root, by name (cached: files are read once per process)."""
    root = root or ROOT  # read when called, so a test can ship a changed parameter set
    params = (load_file(p, root) for p in sorted(root.rglob("*.yaml")))
    return {p.name: p for p in params}


@dataclass(frozen=True)
class Override:
    """An authority's (or a preset's) replacement value for a parameter, with its reason."""

    parameter: str
    value: object
    reason: str
    start: date | None = None
    by: str = ""


@dataclass(frozen=True)
class Read:
    """One parameter read, as the trace records it."""

    name: str
    value: object
    start: date
    citation: str
    status: str
    override_reason: str = ""


class Parameters:
    """All parameters, with optional overrides; `at(date)` gives a view that reads as at a date."""

    def __init__(self, params: dict[str, Parameter] | None = None, overrides=()):
        self.params = load_all() if params is None else params
        self.overrides: dict[str, list[Override]] = {}
        self._reads: dict[tuple[str, date], Read] = {}
        for o in overrides:
            self.overrides.setdefault(o.parameter, []).append(o)

    def get(self, name: str) -> Parameter:
        try:
            return self.params[name]
        except KeyError:
            raise ParameterError(
                "parameters/",
                name,
                "no such parameter",
                "check the name against `insource policy params`",
            ) from None

    def read(self, name: str, on: date) -> Read:
        """The value in force on a date, overrides first (memoised: parameters are immutable)."""
        key = (name, on)
        if key not in self._reads:
            if len(self._reads) > 100_000:
                self._reads.clear()
            self._reads[key] = self._read(name, on)
        return self._reads[key]

    def _read(self, name: str, on: date) -> Read:
        for o in sorted(
            self.overrides.get(name, ()), key=lambda o: o.start or date.min, reverse=True
        ):
            if o.start is None or o.start <= on:
                return Read(
                    name,
                    o.value,
                    o.start or date.min,
                    f"override: {o.reason}",
                    "override",
                    o.reason,
                )
        entry = self.get(name).at(on)
        if entry is None:
            raise ParameterError(
                f"parameters/{name.replace('.', '/')}.yaml",
                name,
                f"no value in force on {on.isoformat()}",
                "add a value starting on or before that date",
            )
        return Read(name, entry.value, entry.start, entry.citation, entry.status)

    def at(self, on: date) -> ParameterView:
        return ParameterView(self, on)


class ParameterView:
    """Parameters as at a date; every read is kept so the trace can cite it."""

    def __init__(self, parameters: Parameters, on: date):
        self.parameters, self.on, self.reads = parameters, on, []

    def get(self, name: str, on: date | None = None):
        read = self.parameters.read(name, on or self.on)
        self.reads.append(read)
        return read.value
