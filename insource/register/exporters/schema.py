"""Offline validation of OCDS packages against the shipped UK profile.

The package schemas `$ref` the release schema by its canonical URL; a `referencing` registry
maps that URL (and the versioned-release schema's) to the files shipped in
`insource/register/schema/`, with the UK profile (core 1.1.5 patched with the Cabinet Office
UK extension and its nine dependencies) standing in for the core release schema. The registry
has no retrieval function, so a `$ref` it does not hold fails: nothing is ever fetched.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from insource.register.importers.checks import SCHEMA_DIR

BASE = "https://standard.open-contracting.org/schema/1__1__5/"
RELEASE_SCHEMA_URL = BASE + "release-schema.json"
VERSIONED_SCHEMA_URL = BASE + "versioned-release-validation-schema.json"
PACKAGES = {"release": "release-package-schema.json", "record": "record-package-schema.json"}


def _load(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def registry() -> Registry:
    """Every schema a package `$ref`s, by URL, from the shipped files (UK profile as release)."""
    resources = {
        RELEASE_SCHEMA_URL: _load("uk-profile-release-schema.json"),
        VERSIONED_SCHEMA_URL: _load("versioned-release-validation-schema.json"),
        **{BASE + name: _load(name) for name in PACKAGES.values()},
    }
    return Registry().with_resources(
        (url, Resource.from_contents(schema, default_specification=DRAFT4))
        for url, schema in resources.items()
    )


def format_checker() -> FormatChecker:
    """jsonschema's checkers plus `date-time` (RFC 3339 with an offset, as OCDS requires)."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value) -> bool:
        if not isinstance(value, str):
            return True
        moment = datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        if "T" not in value.upper() or moment.tzinfo is None:
            raise ValueError(f"{value!r} is not a date and time with a UTC offset")
        return True

    return checker


@cache
def package_validator(kind: str) -> Draft4Validator:
    """A validator for a `release` or `record` package, refs resolved from the registry."""
    schema = registry().contents(BASE + PACKAGES[kind])
    return Draft4Validator(schema, registry=registry(), format_checker=format_checker())


def refs_in(schema) -> set[str]:
    """Every `$ref` value anywhere in a schema."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                found.add(node["$ref"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
