"""Hostile and broken files: each is refused with a named error and nothing is written; memory
and time stay bounded whatever the nesting (ADR 0016)."""

import json
import time
import tracemalloc
import zipfile

import pytest

from insource.core.json_limits import MAX_DEPTH
from insource.testing.ocds_samples import package, release
from insource.testing.real_samples import (
    real_package,
    real_register_rows,
    write_csv,
    write_xlsx,
)
from insource.testing.register_imports import counts, run, seeded  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

HOSTILE_RELEASES = {
    "amount 1e308": ({"awards.0.value.amount": 1e308}, "value.amount", "too large"),
    "buyer is a string": ({"buyer": "Bristol City Council"}, "buyer", "as an object"),
    "NUL in a title": ({"tender.title": "Waste\x00collection"}, "tender.title", "NUL"),
    "awards is an object": ({"awards": {"a": 1}}, "awards", "as an array"),
    "party id is a list": ({"parties.0.id": ["x"]}, "parties.0.id", "id"),
    "ocid is an object": ({"ocid": {"a": 1}}, "ocid", "text"),
    "supplier is null": ({"awards.0.suppliers": [None]}, "awards.0.suppliers.0", "null"),
    "date out of range": ({"date": "0001-01-01T00:00:00+01:00"}, "date", "not a date-time"),
    "currency is a number": ({"awards.0.value.currency": 826}, "value.currency", "currency"),
}


@pytest.mark.parametrize("case", list(HOSTILE_RELEASES))
def test_hostile_release_is_named_and_nothing_written(tmp_path, system_actor, case):
    changes, field, message = HOSTILE_RELEASES[case]
    path = tmp_path / "hostile.json"
    path.write_text(package(release(ocid="ocds-good", id="good"), release(**changes)))
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert summary.errors and all(e.message for e in summary.errors)
    error = next(e for e in summary.errors if e.field == field)
    assert message in error.message
    assert "release" in error.where or "ocid" in error.where
    assert counts() == before


def test_releases_that_are_not_an_array_are_an_error(tmp_path, system_actor):
    path = tmp_path / "object.json"
    path.write_text('{"releases": {"a": 1}}')
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert "'releases' is an object" in summary.errors[0].message


def test_placeholder_release_date_is_a_warning(tmp_path, system_actor):
    path = tmp_path / "old.json"
    path.write_text(package(release(date="0001-01-01")))
    summary = run(path, system_actor)
    assert summary.status == "succeeded" and summary.created == 1
    [warning] = [w for w in summary.warnings if w.field == "date"]
    assert "before 1995" in warning.message and "release-1" in warning.where


def test_nesting_bomb_refused_fast_in_little_memory(tmp_path, system_actor):
    path = tmp_path / "nested.json"
    path.write_text('{"releases": ' + "[" * 100_000 + "]" * 100_000 + "}")  # 200 KB
    before = counts()
    tracemalloc.start()
    started = time.perf_counter()
    summary = run(path, system_actor)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert summary.status == "failed"
    assert f"nested more than {MAX_DEPTH} levels" in summary.errors[0].message
    assert seconds < 5 and peak < 20 * 1024 * 1024
    assert counts() == before


def test_nesting_inside_the_limit_imports(tmp_path, system_actor):
    deep = "x"
    for _ in range(MAX_DEPTH - 6):  # package, releases, release, extension: under the limit
        deep = [deep]
    path = tmp_path / "deep.json"
    path.write_text(package(release(extension=deep)))
    assert run(path, system_actor).status == "succeeded"


def test_nesting_in_json_lines_refused(tmp_path, system_actor):
    path = tmp_path / "nested.jsonl"
    path.write_text(json.dumps(release()) + "\n" + "[" * 5000 + "]" * 5000 + "\n")
    summary = run(path, system_actor)
    assert summary.status == "failed" and "nested more than" in summary.errors[0].message


def test_huge_integer_refused_not_crashing(tmp_path, system_actor):
    # ijson's C parser crashes the process on integers past Python's 4,300-digit limit.
    path = tmp_path / "huge.json"
    path.write_text(package(release()).replace('"amount": 1200000', '"amount": ' + "9" * 5000))
    summary = run(path, system_actor)
    assert summary.status == "failed" and "longer than 1,000 digits" in summary.errors[0].message


def test_same_release_id_with_different_content_is_an_error(tmp_path, system_actor):
    path = tmp_path / "dup.json"
    path.write_text(package(release(), release(**{"awards.0.value.amount": 5})))
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    [error] = summary.errors
    assert error.field == "id" and "unique within an ocid" in error.message
    assert counts() == before


def test_identical_duplicate_releases_are_harmless(tmp_path, system_actor):
    path = tmp_path / "twice.json"
    path.write_text(package(release(), release()))
    summary = run(path, system_actor)
    assert summary.status == "succeeded" and summary.created == 1


def test_byte_order_mark_accepted_in_every_format(tmp_path, system_actor):
    bom = b"\xef\xbb\xbf"
    package_path = tmp_path / "bom.json"
    package_path.write_bytes(bom + json.dumps(real_package(3)).encode())
    lines_path = tmp_path / "bom.jsonl"
    lines = [json.dumps(r) for r in real_package(3)["releases"]]
    lines_path.write_bytes(bom + "\n".join(lines).encode())
    register = write_csv(tmp_path / "bom.csv", real_register_rows(5), bom=True)
    assert run(package_path, system_actor).status == "succeeded"
    assert run(lines_path, system_actor).status == "succeeded"
    summary = run(register, system_actor, mapping="contract-countdown")
    assert summary.status == "succeeded" and summary.created > 0


def test_utf16_json_is_named(tmp_path, system_actor):
    path = tmp_path / "utf16.json"
    path.write_bytes(package(release()).encode("utf-16"))
    summary = run(path, system_actor)
    assert summary.status == "failed" and "UTF-16" in summary.errors[0].message


def test_register_not_utf8_is_named(tmp_path, system_actor):
    path = tmp_path / "cp1252.csv"
    rows = real_register_rows(3)
    rows[1][1] = "Caf\u00e9 services \u00a3"
    with open(path, "w", newline="", encoding="cp1252") as f:
        import csv

        csv.writer(f).writerows(rows)
    summary = run(path, system_actor, mapping="contract-countdown")
    assert summary.status == "failed"
    assert "not UTF-8" in summary.errors[0].message and "CSV UTF-8" in summary.errors[0].message


def test_register_cell_past_csv_limit_is_named(tmp_path, system_actor):
    rows = real_register_rows(2)
    rows[1][2] = "x" * 200_000
    path = write_csv(tmp_path / "long.csv", rows)
    summary = run(path, system_actor, mapping="contract-countdown")
    assert summary.status == "failed" and "field larger than field limit" in str(summary.errors)


def test_nul_in_a_register_cell_is_an_error(tmp_path, system_actor):
    rows = real_register_rows(2)
    rows[1][1] = "Tender\x00title"
    before = counts()
    path = write_csv(tmp_path / "nul.csv", rows)
    summary = run(path, system_actor, mapping="contract-countdown")
    assert summary.status == "failed"
    assert any(e.field == "title" and "NUL" in e.message for e in summary.errors)
    assert counts() == before


def test_register_xlsx_zip_bomb_refused_before_parsing(tmp_path, system_actor):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, real_register_rows(2))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("xl/padding.xml", "w") as member:
            for _ in range(60):
                member.write(b" " * (1024 * 1024))  # 60 MB that zips to ~60 KB
    started = time.perf_counter()
    summary = run(path, system_actor, mapping="contract-countdown")
    assert summary.status == "failed"
    assert "unzips to 60 MB, more than the 50 MB limit" in summary.errors[0].message
    assert time.perf_counter() - started < 5


def test_register_xlsx_rows_past_the_limit_refused(tmp_path, system_actor, monkeypatch):
    from insource.core.spreadsheets import SheetLimits
    from insource.register.importers import tabular

    monkeypatch.setattr(tabular, "REGISTER_LIMITS", SheetLimits(max_rows=10))
    path = write_xlsx(tmp_path / "rows.xlsx", real_register_rows(11))
    summary = run(path, system_actor, mapping="contract-countdown")
    assert summary.status == "failed"
    assert "more than 10 rows under the header" in summary.errors[0].message


def test_not_a_workbook_is_named(tmp_path, system_actor):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    summary = run(path, system_actor)
    assert summary.status == "failed" and "not a readable Excel workbook" in str(summary.errors)


def test_overlong_buyer_name_imports_twice(tmp_path, system_actor):
    # Found by the property tests: a 5,000-character buyer name was stored cut to 500 but looked
    # up whole, so the second import inserted it again and broke the unique constraint.
    rows = real_register_rows(2)
    rows[1][5] = rows[2][5] = "x" * 5000
    path = write_csv(tmp_path / "long-buyer.csv", rows)
    assert run(path, system_actor, mapping="contract-countdown").status == "succeeded"
    again = run(path, system_actor, mapping="contract-countdown")
    assert again.status == "succeeded" and (again.created, again.updated) == (0, 0)


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_one_release_past_the_size_limit_refused(tmp_path, system_actor, monkeypatch, suffix):
    from insource.core import json_limits

    monkeypatch.setattr(json_limits, "MAX_ELEMENT_BYTES", 2**20)
    big = release(ocid="ocds-big", id="big", **{"tender.description": "x" * (3 * 2**20)})
    path = tmp_path / f"big{suffix}"
    if suffix == ".json":
        path.write_text(package(release(), big))
    else:
        path.write_text(json.dumps(release()) + "\n" + json.dumps(big) + "\n")
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert "one release or record in it is larger than 1 MB" in summary.errors[0].message
    assert counts() == before
