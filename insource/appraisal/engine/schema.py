"""The published input format (`appraisal.schema.json`) and its validation with jsonschema:
every fault with its field path and how to fix it, never a traceback."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from insource.appraisal.engine.errors import AppraisalInputError, InputProblem, dotted

PATH = Path(__file__).resolve().parent.parent / "appraisal.schema.json"
MAX_PROBLEMS = 25


@cache
def schema() -> dict:
    """The JSON Schema of appraisal documents, version 1."""
    return json.loads(PATH.read_text(encoding="utf-8"))


def validate(doc) -> None:
    """Raise AppraisalInputError naming every fault (up to 25), else return."""
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise AppraisalInputError([_problem(e) for e in errors[:MAX_PROBLEMS]])


def _problem(error) -> InputProblem:
    path = dotted(error.absolute_path)
    kind, value = error.validator, error.validator_value
    if kind == "required":
        missing = error.message.split("'")[1]
        return InputProblem(dotted([*error.absolute_path, missing]), "missing", f"add {missing}")
    if kind == "additionalProperties":
        return InputProblem(
            path,
            error.message,
            "remove it or check its spelling: see "
            "insource/appraisal/appraisal.schema.json for the field names",
        )
    return InputProblem(path, _message(error), FIXES.get(kind, _fix(kind, value)))


def _message(error) -> str:
    if error.validator == "oneOf":
        return f"{json.dumps(error.instance)[:60]} is neither a number nor a range"
    return error.message


def _fix(kind: str, value) -> str:
    if kind == "enum":
        return "use one of " + ", ".join(str(v) for v in value)
    if kind in ("minimum", "maximum"):
        return f"use a value {'at least' if kind == 'minimum' else 'at most'} {value}"
    if kind == "type":
        return f"write a value of type {value if isinstance(value, str) else ' or '.join(value)}"
    return "see docs/appraisal.md for the format"


FIXES = {
    "oneOf": 'write a number, or a range {"min": 1, "most_likely": 2, "max": 3}',
    "pattern": "check the format: dates as YYYY-MM-DD, ids in lower case with hyphens",
    "format": "write the date as YYYY-MM-DD",
    "minLength": "fill it in",
    "minItems": "give at least one",
    "const": "set version to 1",
    "uniqueItems": "list each id once",
}
