"""Facts JSON version 1 as a JSON Schema, generated from `facts_fields.FIELDS`.

The published file is `facts.schema.json`; a test fails if it differs from this generator's
output (regenerate with `python -m insource.policy.facts_schema`).
"""

from __future__ import annotations

import json
from pathlib import Path

from insource.policy.facts_fields import FIELDS, Field

PATH = Path(__file__).parent / "facts.schema.json"
NUMBER = r"^\d+(\.\d+)?$"
KINDS = {
    "bool": {"type": ["boolean", "null"]},
    "date": {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "money": {"type": ["string", "integer", "null"], "pattern": NUMBER},
    "decimal": {"type": ["string", "integer", "null"], "pattern": NUMBER},
    "int": {"type": ["integer", "null"], "minimum": 0},
    "str": {"type": ["string", "null"]},
    "cpv": {"type": ["array", "null"], "items": {"type": "string", "pattern": r"^\d{8}(-\d)?$"}},
    "evidence": {
        "type": ["array", "null"],
        "items": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "object", "required": ["ref"], "properties": {"ref": {"type": "string"}}},
            ]
        },
    },
    "strlist": {"type": ["array", "null"], "items": {"type": "string"}},
    "paths": {"type": ["array", "null"], "items": {"type": "string"}},
}


def _property(field: Field) -> dict:
    prop = {"enum": [*field.choices, None]} if field.kind == "enum" else dict(KINDS[field.kind])
    prop["description"] = field.label
    if field.default not in (None, ()):
        prop["default"] = field.default
    return prop


def _object(description: str = "") -> dict:
    obj = {"type": ["object", "null"], "additionalProperties": False, "properties": {}}
    return obj | ({"description": description} if description else {})


def facts_schema() -> dict:
    """The JSON Schema of facts version 1."""
    root = _object() | {
        "type": "object",
        "required": [],
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://insource.example/schemas/facts-v1.json",
        "title": "Insource policy facts, version 1",
    }
    for field in FIELDS:
        *groups, name = field.path.split(".")
        node = root
        for group in groups:
            node = node["properties"].setdefault(group, _object())
        node["properties"][name] = _property(field)
    root["properties"]["version"]["enum"] = [1]
    return root


def schema_text() -> str:
    return json.dumps(facts_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    PATH.write_text(schema_text(), encoding="utf-8")
