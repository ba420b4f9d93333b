"""An OCDS import's warnings and errors come in file order (ADR 0055): release by release, a
release's placeholder-date warning before its schema warnings, all of those before the
warnings of merging, mapping and writing; a failed file reports every error and writes nothing."""

import json
import re

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.models import Contract
from insource.register.services.imports import register_import

pytestmark = pytest.mark.django_db
REAL = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"
_RELEASE = re.compile(r"^release (\d+)\b")


def _number(where: str) -> int | None:
    found = _RELEASE.match(where)
    return int(found.group(1)) if found else None


def _warning_order(summary) -> tuple[list[int], list[str]]:
    """The release numbers of the warnings found while reading, and the places of the rest."""
    numbers = [_number(w.where) for w in summary.warnings]
    reading = [n for n in numbers if n is not None]
    first_other = next((i for i, n in enumerate(numbers) if n is None), len(numbers))
    assert all(n is None for n in numbers[first_other:]), "a reading warning after the merge's"
    return reading, [w.where for w in summary.warnings[first_other:]]


def test_real_releases_warn_in_file_order(seeded, system_actor, tmp_path):
    package = json.loads(REAL.read_text())
    package["releases"][3]["date"] = "1970-01-01T00:00:00Z"  # a placeholder date: a warning
    path = tmp_path / "dated.json"
    path.write_text(json.dumps(package))
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded" and summary.created == 143
    reading, later = _warning_order(summary)
    assert reading == sorted(reading) and 4 in reading
    fourth = [w for w in summary.warnings if _number(w.where) == 4]
    assert fourth[0].field == "date"  # before any schema warning of the same release
    schema = [w for w in summary.warnings if w.message.startswith("schema: ")]
    assert len(schema) == 2 and all(_number(w.where) for w in schema)
    assert later  # the merge's and the writer's warnings (nature, duplicate ids) come after


def test_a_broken_file_reports_every_error_in_order_and_writes_nothing(
    seeded, system_actor, tmp_path
):
    package = json.loads(REAL.read_text())
    releases = package["releases"]
    releases[3]["date"] = "1970-01-01T00:00:00Z"  # a warning while spilling
    del releases[60]["id"]  # an error while spilling
    releases[80]["date"] = "not a date"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(package))
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "failed" and not Contract.objects.exists()
    assert [(_number(e.where), e.field) for e in summary.errors] == [(61, "id"), (81, "date")]
    reading, later = _warning_order(summary)
    assert reading == sorted(reading) and 4 in reading and later == []


def test_mapping_errors_fail_the_file(seeded, system_actor, tmp_path):
    package = json.loads(REAL.read_text())
    for release in package["releases"][::9]:
        for award in release.get("awards") or []:
            award["date"] = "31/31/2025"
    path = tmp_path / "dates.json"
    path.write_text(json.dumps(package))
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "failed" and not Contract.objects.exists()
    assert summary.errors and all(e.field == "award.date" for e in summary.errors)
