"""What `insource policy ...` does, as pure functions: the management command only parses
arguments, calls these and prints. No Django, no clock: dates are arguments."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import orjson

from insource.policy.decision import plain
from insource.policy.docs import write_docs
from insource.policy.engine import evaluate
from insource.policy.errors import FactsError, PolicyError
from insource.policy.facts import parse_facts
from insource.policy.presets import Preset, get_preset, preset_from_dict


def parse_date(text: str, what: str = "--on") -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FactsError(what, f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def read_json(text: str, where: str = "facts") -> dict:
    """JSON with decimals kept exact: a number with a fraction is refused by the facts parser
    (money is written as a string), never silently made a float."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise FactsError("", f"{where} is not valid JSON: {exc}") from None


def apply_options(doc: dict, on: date | None, preset: Preset | None) -> dict:
    """Fill decision_on and preset from the options when absent; refuse when they disagree."""
    if not isinstance(doc, dict):
        raise FactsError("", "a facts document must be a JSON object")
    doc = dict(doc)
    if on is not None:
        given = doc.get("decision_on")
        if given is not None and str(given) != on.isoformat():
            raise FactsError(
                "decision_on", f"the facts say {given} but --on says {on}: remove one of them"
            )
        doc["decision_on"] = on.isoformat()
    if preset is not None:
        if doc.get("preset") not in (None, preset.name):
            raise FactsError(
                "preset",
                f"the facts say {doc['preset']!r} but --preset says "
                f"{preset.name!r}: remove one of them",
            )
        doc["preset"] = preset.name
    return doc


def evaluate_document(doc: dict, on: date | None = None, preset: Preset | None = None):
    doc = apply_options(doc, on, preset)
    return evaluate(parse_facts(doc), preset=preset or get_preset(doc.get("preset")))


def evaluate_lines(
    lines: Iterable[str], on: date | None = None, preset: Preset | None = None
) -> Iterator[str]:
    """One JSON decision per non-blank line, in order; a bad line gives an error object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield evaluate_document(read_json(line, f"line {number}"), on, preset).to_json()
        except PolicyError as exc:
            yield orjson.dumps(
                {"line": number, "error": str(exc), "field": getattr(exc, "field", None)},
                option=orjson.OPT_SORT_KEYS,
            ).decode()


def human(decision) -> str:
    head = f"{decision.outcome or 'NO OUTCOME (conflict)'} — {decision.status}"
    return f"{head}\n\n{decision.explanation}"


def evaluate_path(
    path: Path, on: date | None = None, preset: Preset | None = None, as_json: bool = False
) -> Iterator[str]:
    """The output of `insource policy evaluate PATH`: JSON lines for .jsonl, else one decision."""
    if not path.exists():
        raise FactsError("", f"there is no file {path}")
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            yield from evaluate_lines(lines, on, preset)
        return
    decision = evaluate_document(read_json(path.read_text(encoding="utf-8"), str(path)), on, preset)
    yield decision.to_json(indent=True) if as_json else human(decision)


def load_preset_option(name: str | None) -> Preset | None:
    return get_preset(name) if name else None


def with_overrides(preset: Preset, overrides: Iterable[dict], where: str = "authority") -> Preset:
    """The preset with an authority's overrides (each checked against §3's limits)."""
    doc = {
        "name": preset.name,
        "programme": preset.programme,
        "version": preset.version,
        "overrides": list(overrides),
    }
    extra = preset_from_dict(doc, where)
    return Preset(
        preset.name,
        preset.label,
        preset.programme,
        preset.version,
        preset.overrides + extra.overrides,
        preset.rules,
        preset.source,
    )


def params_at(on: date, preset: Preset | None = None) -> list[dict]:
    """Every parameter value in force on a date, with its citation (overrides shown)."""
    preset = preset or get_preset(None)
    parameters, rows = preset.parameters, []
    for name, param in sorted(parameters.params.items()):
        try:
            read = parameters.read(name, on)
        except PolicyError:
            rows.append(
                {
                    "name": name,
                    "value": None,
                    "from": None,
                    "tag": param.tag,
                    "status": "not in force",
                    "citation": "",
                    "unit": param.unit,
                }
            )
            continue
        rows.append(
            {
                "name": name,
                "value": read.value,
                "from": read.start,
                "tag": param.tag,
                "status": read.status,
                "citation": read.citation,
                "unit": param.unit,
                "override_reason": read.override_reason or None,
            }
        )
    return rows


def format_params(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        value = ", ".join(row["value"]) if isinstance(row["value"], tuple) else row["value"]
        since = f" since {row['from']}" if row["from"] else ""
        lines.append(
            f"{row['name']} = {value} {row['unit']} [{row['tag']}, {row['status']}"
            f"{since}]\n    {row['citation']}"
        )
    return "\n".join(lines)


def params_json(rows: list[dict]) -> str:
    return orjson.dumps(plain(rows), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2).decode()


__all__ = ["evaluate_path", "params_at", "write_docs"]
