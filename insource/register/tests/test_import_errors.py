"""Bad input: every error is reported with where, field and reason, and nothing is written."""

import pytest

from insource.testing.ocds_samples import DELETE, package, release
from insource.testing.register_imports import counts, run

pytestmark = pytest.mark.django_db


BAD_RELEASES = {
    "missing ocid": ({"ocid": DELETE}, "ocid", "missing ocid"),
    "end before start": (
        {"awards.0.contractPeriod.endDate": "2024-01-01T00:00:00Z"},
        "contractPeriod.endDate",
        "before start date",
    ),
    "negative value": ({"awards.0.value.amount": -5}, "value.amount", "negative"),
    "unknown currency": (
        {"awards.0.value.currency": "XYZ"},
        "value.currency",
        "not a known currency",
    ),
    "unparseable date": ({"awards.0.date": "31st of Smarch"}, "award.date", "is not a date"),
    "bad release date": ({"date": "yesterday"}, "date", "not a date-time"),
}


@pytest.mark.parametrize("case", list(BAD_RELEASES))
def test_bad_release_fails_whole_file(tmp_path, seeded, system_actor, case):
    changes, field, message = BAD_RELEASES[case]
    good = release(ocid="ocds-good-1", id="good-1")
    path = tmp_path / "bad.json"
    path.write_text(package(good, release(**changes)))
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert summary.created == 0
    [error] = summary.errors
    assert error.field == field and message in error.message
    assert "release" in error.where or "ocid" in error.where
    assert counts() == before


def test_truncated_json_changes_nothing(tmp_path, seeded, system_actor):
    path = tmp_path / "truncated.json"
    path.write_text(package(release(), release(ocid="ocds-2", id="r2"))[:-200])
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert "truncated" in summary.errors[0].message
    assert counts() == before


def test_all_errors_reported_not_just_the_first(tmp_path, seeded, system_actor):
    path = tmp_path / "two-bad.json"
    path.write_text(
        package(
            release(**{"awards.0.value.amount": -1}),
            release(ocid="ocds-2", id="r2", **{"awards.0.value.currency": "ZZZ"}),
        )
    )
    summary = run(path, system_actor)
    assert {e.field for e in summary.errors} == {"value.amount", "value.currency"}


def test_bad_tabular_row_named_by_row_and_column(tmp_path, seeded, system_actor):
    path = tmp_path / "register.csv"
    path.write_text(
        "Reference Number,Organisation Name,Title,Supplier Name,Start Date,End Date,Value\n"
        "R1,Bristol City Council,Cleaning,Acme Ltd,2025-04-01,2027-03-31,100000\n"
        "R2,Bristol City Council,Catering,Food Ltd,2025-04-01,not a date,5000\n"
    )
    before = counts()
    summary = run(path, system_actor)
    assert summary.status == "failed"
    [error] = summary.errors
    assert (error.where, error.field) == ("register.csv row 3", "End Date")
    assert counts() == before


def test_tabular_missing_column_says_what_was_expected(tmp_path, seeded, system_actor):
    path = tmp_path / "register.csv"
    path.write_text("Number,Organisation Name\nR1,Bristol City Council\n")
    summary = run(path, system_actor)
    assert summary.status == "failed"
    assert "no column for 'reference'" in summary.errors[0].message
    assert "'Reference Number'" in summary.errors[0].message


def test_flattened_folder_missing_sheet(tmp_path, seeded, system_actor):
    (tmp_path / "awards.csv").write_text("_link,_link_release,id\n")
    summary = run(tmp_path, system_actor, fmt="flattened")
    assert summary.status == "failed"
    assert "buyer.csv" in summary.errors[0].message
