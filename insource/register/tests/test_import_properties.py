"""Property tests: real files, broken at random, never give a traceback or a partial import.

Each example takes a slice of the shipped real data (Contracts Finder releases, its flattened
sheets, mySociety's Contract Countdown register as CSV and XLSX), breaks it (a field replaced
by a hostile value, bytes flipped, a line cut) and imports it. Whatever happens: the importer
returns a summary (an exception is a failed test); a failed import names each error and leaves
every table as it was; a file that imported imports again changing nothing. Examples are
bounded and derandomised so CI is quick and repeatable; `INSOURCE_FUZZ_EXAMPLES=500` runs more.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insource.testing.fuzzing import (
    EXAMPLES,
    FUZZ,
    HOSTILE,
    broken_rows,
    mangled_bytes,
)
from insource.testing.real_samples import (
    MIXED,
    csv_bytes,
    real_flattened,
    real_package,
    real_register_rows,
    write_csv,
    write_flattened,
    write_xlsx,
)
from insource.testing.register_imports import counts, run, seeded  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

# Rows an import adds whether or not it changed anything: its run and its audit event.
PER_RUN = {"ImportRun", "AuditEvent"}


def assert_safe(path, system_actor, **options) -> None:
    """Import; a failure is named and writes nothing; a success repeated changes nothing."""
    before = counts()
    summary = run(path, system_actor, **options)
    if summary.status == "failed":
        assert summary.errors and all(e.message and e.where for e in summary.errors)
        assert counts() == before
        return
    after = counts()
    again = run(path, system_actor, **options)
    assert again.status == "succeeded", again.errors
    assert (again.created, again.updated, again.planned) == (0, 0, 0)
    changed = {k for k, v in counts().items() if v != after[k]}
    assert changed <= PER_RUN


def _slots(node, at=()):
    """Every (container, key) in a JSON document, in a fixed order."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        yield node, key
        if isinstance(value, dict | list):
            yield from _slots(value, (*at, key))


@st.composite
def broken_packages(draw):
    package = real_package(indices=MIXED)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        slots = list(_slots(package["releases"]))
        container, key = slots[draw(st.integers(min_value=0, max_value=len(slots) - 1))]
        if isinstance(container, dict) and draw(st.booleans()):
            del container[key]
        else:
            container[key] = draw(HOSTILE)
    if draw(st.booleans()):  # a second copy of a release, maybe changed
        copy = json.loads(json.dumps(draw(st.sampled_from(package["releases"]))))
        if isinstance(copy, dict) and draw(st.booleans()):
            copy["tag"] = ["awardUpdate"]
        package["releases"].append(copy)
    return package


@FUZZ
@given(package=broken_packages())
def test_broken_ocds_packages(tmp_path_factory, system_actor, package):
    path = tmp_path_factory.mktemp("ocds") / "package.json"
    path.write_text(json.dumps(package))
    assert_safe(path, system_actor)


@FUZZ
@given(package=broken_packages(), as_lines=st.booleans())
def test_broken_ocds_json_lines(tmp_path_factory, system_actor, package, as_lines):
    path = tmp_path_factory.mktemp("jsonl") / "releases.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in package["releases"]))
    assert_safe(path, system_actor)


REAL_PACKAGE_BYTES = json.dumps(real_package(indices=MIXED), indent=1).encode()


@FUZZ
@given(data=mangled_bytes(REAL_PACKAGE_BYTES))
def test_mangled_ocds_bytes(tmp_path_factory, system_actor, data):
    path = tmp_path_factory.mktemp("bytes") / "package.json"
    path.write_bytes(data)
    assert_safe(path, system_actor)


@FUZZ
@given(rows=broken_rows(real_register_rows(8)))
def test_broken_register_csv(tmp_path_factory, system_actor, rows):
    path = write_csv(tmp_path_factory.mktemp("csv") / "register.csv", rows)
    assert_safe(path, system_actor, mapping="contract-countdown")


REAL_REGISTER_BYTES = csv_bytes(real_register_rows(8))


@FUZZ
@given(data=mangled_bytes(REAL_REGISTER_BYTES))
def test_mangled_register_csv_bytes(tmp_path_factory, system_actor, data):
    path = tmp_path_factory.mktemp("csvbytes") / "register.csv"
    path.write_bytes(data)
    assert_safe(path, system_actor, mapping="contract-countdown")


@settings(FUZZ, max_examples=max(EXAMPLES // 2, 1))
@given(rows=broken_rows(real_register_rows(8)), numbers=st.lists(HOSTILE, max_size=3))
def test_broken_register_xlsx(tmp_path_factory, system_actor, rows, numbers):
    for i, value in enumerate(numbers):  # typed cells too: numbers, booleans, blanks
        if isinstance(value, int | float | bool) or value is None:
            rows[1 + i % (len(rows) - 1)][6] = value
    path = write_xlsx(tmp_path_factory.mktemp("xlsx") / "register.xlsx", rows)
    assert_safe(path, system_actor, mapping="contract-countdown")


@st.composite
def broken_flattened(draw):
    sheets = real_flattened(10)
    name = draw(st.sampled_from(sorted(sheets)))
    sheets[name] = draw(broken_rows(sheets[name]))
    return sheets


@FUZZ
@given(sheets=broken_flattened())
def test_broken_flattened_sheets(tmp_path_factory, system_actor, sheets):
    folder = write_flattened(tmp_path_factory.mktemp("flat") / "cf", sheets)
    assert_safe(folder, system_actor, fmt="flattened")
