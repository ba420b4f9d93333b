"""Schema validation on import (ADR 0048): the compiled validator decides whether a release is
valid; Python's jsonschema gives the messages and paths of an invalid one. The warnings are
exactly those Python's validator alone gives, release by release, valid or broken."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insource.register.importers.ocds import (
    MAX_SCHEMA_WARNINGS_PER_RELEASE,
    schema_warnings,
    uk_profile_compiled,
    uk_profile_validator,
)
from insource.testing.fuzzing import EXAMPLES, HOSTILE
from insource.testing.real_samples import real_package


def python_only(release: dict, where: str) -> list[tuple[str, str, str]]:
    """What the import reported before ADR 0048: Python's validator on every release."""
    found = []
    for error in uk_profile_validator().iter_errors(release):
        path = "/".join(str(p) for p in error.absolute_path) or "(release)"
        found.append((where, path, f"schema: {error.message[:300]}"))
        if len(found) >= MAX_SCHEMA_WARNINGS_PER_RELEASE:
            break
    return found


def reported(release: dict, where: str = "release r1") -> list[tuple[str, str, str]]:
    return [(w.where, w.field, w.message) for w in schema_warnings(release, where)]


def releases() -> list[dict]:
    return real_package(200)["releases"]


def test_every_real_release_gets_the_warnings_python_gives():
    for index, release in enumerate(releases()):
        where = f"release {index}"
        assert reported(release, where) == python_only(release, where)


def test_the_two_bad_urls_keep_their_message_and_path():
    bad = [r for r in releases() if not uk_profile_compiled().is_valid(r)]
    assert len(bad) == 2
    for release in bad:
        [warning] = reported(release)
        assert warning[1].endswith("/url")
        assert warning[2] == "schema: 'http://Contract Finder' is not a 'uri'"


BROKEN = {
    "a number for a string": (("tender", "title"), 7, "tender/title", "7 is not of type 'string'"),
    "a string for an amount": (
        ("tender", "value", "amount"),
        "lots",
        "tender/value/amount",
        "'lots' is not of type 'number', 'null'",
    ),
    "a code off the list": (
        ("tender", "status"),
        "finished",
        "tender/status",
        "'finished' is not one of ['planning', 'planned', 'active', 'cancelled', "
        "'unsuccessful', 'complete', 'withdrawn', None]",
    ),
    "an object for a list": (("tag",), {"a": 1}, "tag", "{'a': 1} is not of type 'array'"),
    "a bad link": (("tender", "documents"), [{"id": "1", "url": "a b"}], None, "is not a 'uri'"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_release_names_the_path_and_python_message(name):
    keys, value, path, message = BROKEN[name]
    release = copy.deepcopy(next(r for r in releases() if "tender" in r))
    node = release
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    warnings = reported(release)
    assert warnings == python_only(release, "release r1")
    assert any(message in w[2] and (path is None or w[1] == path) for w in warnings), warnings


def test_no_more_than_five_warnings_a_release():
    release = copy.deepcopy(releases()[0])
    release["tender"] = {"title": 1, "description": 2, "status": 3, "id": [], "value": "x"}
    release["tag"] = "award"
    warnings = reported(release)
    assert len(warnings) == MAX_SCHEMA_WARNINGS_PER_RELEASE
    assert warnings == python_only(release, "release r1")


FIELDS = ("title", "description", "status", "id", "value", "date", "tag", "language", "buyer")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(
    index=st.integers(0, 199),
    field=st.sampled_from(FIELDS),
    where=st.sampled_from(("release", "tender", "planning")),
    value=st.one_of(HOSTILE, st.none(), st.integers(), st.lists(st.integers(), max_size=2)),
)
def test_the_compiled_validator_agrees_with_python(index, field, where, value):
    release = copy.deepcopy(releases()[index % len(releases())])
    target = release if where == "release" else release.setdefault(where, {})
    target[field] = json.loads(json.dumps(value, default=str))
    assert reported(release) == python_only(release, "release r1")


def walked(release: dict) -> list:
    """The shape check without its compiled fast path (what it was before ADR 0048)."""
    from insource.register.importers import ocds_shape

    return [
        (path, ocds_shape._message(path, value, expected))
        for path, value, expected in ocds_shape._wrong(release, ocds_shape.RELEASE, "")
    ][:10]


SHAPE_PATHS = (
    ("buyer",),
    ("buyer", "id"),
    ("tag",),
    ("awards",),
    ("awards", 0, "suppliers"),
    ("awards", 0, "suppliers", 0, "id"),
    ("awards", 0, "value", "amount"),
    ("parties", 0, "roles"),
    ("parties", 0, "roles", 0),
    ("tender", "items"),
    ("tender", "techniques"),
    ("id",),
)
SHAPE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=3),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=2)), max_size=2),
    st.dictionaries(st.sampled_from(("id", "name", "amount")), st.integers(), max_size=2),
)


@settings(max_examples=EXAMPLES * 3, deadline=None, derandomize=True)
@given(index=st.integers(0, 199), path=st.sampled_from(SHAPE_PATHS), value=SHAPE_VALUES)
def test_the_compiled_shape_check_reports_what_the_walk_reports(index, path, value):
    from insource.register.importers.ocds_shape import shape_issues

    release = copy.deepcopy(releases()[index % len(releases())])
    node = release
    for key in path[:-1]:
        if isinstance(node, dict):
            node = node.setdefault(key, [{}] if key in ("awards", "parties", "suppliers") else {})
        elif isinstance(node, list):
            node = node[key] if len(node) > key else (node.append({}) or node[-1])
    if isinstance(node, dict):
        node[path[-1]] = value
    elif isinstance(node, list) and isinstance(path[-1], int):
        node[:] = [value, *node[1:]]
    found = [(i.field, i.message) for i in shape_issues(release, "release r1")]
    assert found == walked(release)
