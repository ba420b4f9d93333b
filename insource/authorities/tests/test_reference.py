"""Loading the shipped local-authority register and name variants (no database)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from insource.authorities.matching.names import core_name
from insource.authorities.reference import (
    AUTHORITIES_CSV,
    ReferenceDataError,
    load_local_authorities,
    load_name_variants,
)


@pytest.fixture(scope="module")
def by_code():
    return {a.code: a for a in load_local_authorities()}


def test_the_shipped_register_loads_whole(by_code):
    assert len(by_code) == 470
    assert sum(a.is_current for a in by_code.values()) == 397
    assert len(load_name_variants()) == 1750


def test_fields_are_typed(by_code):
    haringey = by_code["HRY"]
    assert haringey.official_name == "London Borough of Haringey"
    assert haringey.gss_code == "E09000014" and haringey.la_type == "LBO"
    assert haringey.population == 266357 and haringey.end_on is None
    assert "haringey london boro" in haringey.alt_names
    north_yorkshire = by_code["NYK"]
    assert north_yorkshire.end_on == date(2023, 4, 1) and north_yorkshire.replaced_by == ("NYE",)
    assert by_code["NYE"].start_on == date(2023, 4, 1)


def test_split_authorities_list_every_successor(by_code):
    assert by_code["CMA"].replaced_by == ("CBD", "WAF")
    assert by_code["NTH"].replaced_by == ("NNT", "WNT")


def _write(path: Path, edit) -> Path:
    """A copy of the shipped register with the first data row changed by `edit`."""
    with AUTHORITIES_CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    edit(rows[0])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("start-date", "31/02/2020", r"row 2, field 'start-date': '31/02/2020' is not a date"),
        ("pop-2020", "many", r"row 2, field 'pop-2020': 'many' is not a number"),
        ("current-authority", "yes", r"row 2, field 'current-authority': 'yes' is not True"),
        ("local-authority-code", " ", r"row 2, field 'local-authority-code': value is empty"),
        ("replaced-by", "ZZZ", r"row 2, field 'replaced-by': unknown successor code"),
    ],
)
def test_a_bad_value_is_reported_with_file_row_and_field(tmp_path, field, value, message):
    path = _write(tmp_path / "la.csv", lambda row: row.update({field: value}))
    with pytest.raises(ReferenceDataError, match=r"la\.csv, " + message):
        load_local_authorities(path)


def test_a_repeated_code_is_reported(tmp_path):
    path = tmp_path / "la.csv"
    _write(path, lambda row: None)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"row 472, field 'local-authority-code'"):
        load_local_authorities(path)


def test_missing_columns_and_files_are_reported(tmp_path):
    bad = tmp_path / "variants.csv"
    bad.write_text("name,code\nHaringey,HRY\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"variants\.csv, row 1: missing column"):
        load_name_variants(bad)
    with pytest.raises(ReferenceDataError, match=r"cannot open the file"):
        load_local_authorities(tmp_path / "absent.csv")


def test_a_short_row_is_reported(tmp_path):
    bad = tmp_path / "variants.csv"
    bad.write_text("la-name,local-authority-code\nHaringey\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"row 2: wrong number of fields"):
        load_name_variants(bad)


@pytest.mark.parametrize(
    "name, core",
    [
        ("London Borough of Haringey", "haringey"),
        ("Brighton &amp; Hove City Council", "brighton and hove"),
        ("Borough Council of King&#039;s Lynn &amp; West Norfolk", "kings lynn and west norfolk"),
        ("Kent Colunty Councxil", "kent"),
        ("East Herts District Council", "east hertfordshire"),
        ("DUDLEY MBC", "dudley"),
    ],
)
def test_core_names_drop_case_punctuation_and_council_words(name, core):
    assert core_name(name) == core
