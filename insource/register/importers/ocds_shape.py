"""The shape a release must have where the importer reads it: objects, arrays, text, ids.

OCDS validation against the schema only warns (`--no-validate` skips it), but a `buyer` given as
a string, an `awards` that is an object or an `id` that is a list cannot be read at all: each
is an error naming the release, the JSON path and what OCDS expects there. Only the fields the
importer reads are checked; `null` is allowed anywhere (it clears a field in OCDS).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

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


def shape_issues(release: dict, where: str) -> list[ImportIssue]:
    """An error for each field the importer reads that has the wrong JSON type."""
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
