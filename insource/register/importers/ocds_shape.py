"""The shape a release must have where the importer reads it: objects, arrays, text, ids.

OCDS validation against the schema only warns (`--no-validate` skips it), but a `buyer` given as
a string, an `awards` that is an object or an `id` that is a list cannot be read at all: each
is an error naming the release, the JSON path and what OCDS expects there. Only the fields the
importer reads are checked; `null` is allowed for any field (it clears a field in OCDS), not as
an array's item. The same rules compiled into a JSON Schema (`shape_compiled`, jsonschema-rs)
pass a well-formed release at once; only a release it rejects is walked here for the messages
(ADR 0048). The compiled rules are never looser than the walk: an id must be a string or a
JSON integer there, so a decimal id is walked, and the walk has the last word.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

import jsonschema_rs

from insource.register.importers.records import ImportIssue

OBJECT, ARRAY, TEXT, ID = "object", "array", "text", "id"
_TEXT_TYPES = (str, int, float, Decimal, bool)
_ID_TYPES = (str, int, Decimal)
_EXPECTED = {
    OBJECT: ("an object", "{ ... }"),
    ARRAY: ("an array", "[ ... ]"),
    TEXT: ("text or a number", '"..."'),
    ID: ("a string or integer id", '"1"'),
}

CLASSIFICATION = (OBJECT, {"scheme": TEXT, "id": ID})
ITEM = (OBJECT, {"id": ID, "classification": CLASSIFICATION,
                 "additionalClassifications": (ARRAY, CLASSIFICATION)})  # fmt: skip
VALUE = (OBJECT, {"amount": TEXT, "amountGross": TEXT, "currency": TEXT})
PERIOD = (OBJECT, {"startDate": TEXT, "endDate": TEXT, "maxExtentDate": TEXT})
DOCUMENT = (OBJECT, {"id": ID})
ORGANISATION_REF = (OBJECT, {"id": ID, "name": TEXT})
PARTY = (
    OBJECT,
    {
        "id": ID,
        "name": TEXT,
        "roles": (ARRAY, TEXT),
        "identifier": (OBJECT, {"scheme": TEXT, "id": ID}),
        "details": (OBJECT, {"scale": TEXT}),
        "address": (OBJECT, {"streetAddress": TEXT, "locality": TEXT, "postalCode": TEXT}),
    },
)
AWARD = (
    OBJECT,
    {
        "id": ID,
        "title": TEXT,
        "description": TEXT,
        "date": TEXT,
        "status": TEXT,
        "value": VALUE,
        "contractPeriod": PERIOD,
        "suppliers": (ARRAY, ORGANISATION_REF),
        "items": (ARRAY, ITEM),
        "documents": (ARRAY, DOCUMENT),
    },
)
CONTRACT = (
    OBJECT,
    {
        "id": ID,
        "awardID": ID,
        "title": TEXT,
        "status": TEXT,
        "value": VALUE,
        "period": PERIOD,
        "items": (ARRAY, ITEM),
        "documents": (ARRAY, DOCUMENT),
    },
)
TENDER = (
    OBJECT,
    {
        "id": ID,
        "title": TEXT,
        "description": TEXT,
        "classification": CLASSIFICATION,
        "additionalClassifications": (ARRAY, CLASSIFICATION),
        "items": (ARRAY, ITEM),
        "lots": (ARRAY, DOCUMENT),
        "milestones": (ARRAY, DOCUMENT),
        "documents": (ARRAY, DOCUMENT),
        "mainProcurementCategory": TEXT,
        "procurementMethodDetails": TEXT,
        "value": VALUE,
        "contractPeriod": PERIOD,
        "tenderPeriod": PERIOD,
        "techniques": OBJECT,
    },
)
RELEASE = {
    "ocid": TEXT,
    "id": ID,
    "date": TEXT,
    "title": TEXT,
    "tag": (ARRAY, TEXT),
    "buyer": ORGANISATION_REF,
    "parties": (ARRAY, PARTY),
    "planning": (OBJECT, {"documents": (ARRAY, DOCUMENT)}),
    "tender": TENDER,
    "awards": (ARRAY, AWARD),
    "contracts": (ARRAY, CONTRACT),
}


_SCHEMA_TYPES = {
    OBJECT: ["object"],
    ARRAY: ["array"],
    TEXT: ["string", "number", "boolean"],
    ID: ["string", "integer"],
}


def _schema(spec, *, nullable: bool) -> dict:
    kind, inner = spec if isinstance(spec, tuple) else (spec, None)
    types = _SCHEMA_TYPES[kind] + (["null"] if nullable else [])
    schema: dict = {"type": types}
    if kind == OBJECT and inner:
        schema["properties"] = {k: _schema(v, nullable=True) for k, v in inner.items()}
    elif kind == ARRAY and inner:
        schema["items"] = _schema(inner, nullable=False)
    return schema


@cache
def shape_compiled() -> jsonschema_rs.Draft4Validator:
    """RELEASE as a JSON Schema, compiled: a release it passes has no shape issue."""
    return jsonschema_rs.Draft4Validator(_schema((OBJECT, RELEASE), nullable=False))


def shape_issues(release: dict, where: str) -> list[ImportIssue]:
    """An error for each field the importer reads that has the wrong JSON type."""
    if shape_compiled().is_valid(release):
        return []
    return [
        ImportIssue("error", where, path, _message(path, value, expected))
        for path, value, expected in _wrong(release, RELEASE, "")
    ][:10]


def _wrong(node: dict, fields: dict, at: str) -> Iterator[tuple[str, object, str]]:
    for key, spec in fields.items():
        value = node.get(key)
        if value is not None:
            yield from _check(value, spec, f"{at}{key}")


def _check(value, spec, path: str) -> Iterator[tuple[str, object, str]]:
    kind, inner = spec if isinstance(spec, tuple) else (spec, None)
    if not _is(value, kind):
        yield path, value, kind
    elif kind == OBJECT and inner:
        yield from _wrong(value, inner, f"{path}.")
    elif kind == ARRAY and inner:
        for index, item in enumerate(value):
            yield from _check(item, inner, f"{path}.{index}")


def _is(value, kind: str) -> bool:
    if kind == OBJECT:
        return isinstance(value, dict)
    if kind == ARRAY:
        return isinstance(value, list)
    if kind == ID:
        return isinstance(value, _ID_TYPES) and not isinstance(value, bool)
    return isinstance(value, _TEXT_TYPES)


def _message(path: str, value, expected: str) -> str:
    name, example = _EXPECTED[expected]
    field = path.rsplit(".", 1)[-1] if not path.rsplit(".", 1)[-1].isdigit() else path
    return (
        f"is {_kind_of(value)}, but OCDS gives {field} as {name}: correct the release"
        f" (for example {field}: {example})"
    )


def _kind_of(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"the number {value}"
