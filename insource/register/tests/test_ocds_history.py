"""Exported releases carry the register's history: one release per change, dated when the
change happened (the source release's date, an officer's correction's time), never the import
time; merging them gives the current values, and they import back as the same contracts."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from insource.register.exporters.queries import contracts_for_export
from insource.register.models import Contract
from insource.register.services.corrections import contract_correct
from insource.testing import TEST_NOW
from insource.testing.factories import empty_register
from insource.testing.ocds_export import build, errors_of
from insource.testing.real_samples import OCDS_FILE
from insource.testing.register_imports import run

pytestmark = pytest.mark.django_db
OCID = "ocds-b5fd17-022664c0-c7c1-4bef-a467-f224ef386551"
LATER = TEST_NOW + timedelta(days=3)


def source_release() -> dict:
    package = json.loads(OCDS_FILE.read_text())
    return next(r for r in package["releases"] if r["ocid"] == OCID)


@pytest.fixture
def corrected(seeded, system_actor):
    """The real slice imported, then one contract's end date corrected by an officer."""
    empty_register()
    assert run(OCDS_FILE, system_actor).errors == []
    contract = Contract.objects.get(ocid=OCID)
    contract_correct(
        contract=contract,
        field="end_on",
        value=date(2031, 3, 31),
        reason="Extended by the variation of 12 March",
        by=system_actor,
        at=LATER,
    )
    return contract


@pytest.mark.parametrize("kind", ["release", "record"])
def test_one_release_per_change_dated_when_it_happened(corrected, kind):
    package = build(kind, contracts_for_export().filter(ocid=OCID))
    assert errors_of(kind, package) == []
    if kind == "release":
        history = package["releases"]
    else:
        (record,) = package["records"]
        history = record["releases"]
        assert record["compiledRelease"]["contracts"][0]["period"]["endDate"].startswith(
            "2031-03-31"
        )
    source = source_release()
    assert [r["date"] for r in history] == [
        source["date"].replace("+00:00", "Z"),
        "2026-11-26T09:00:00Z",
    ]
    assert [r["tag"] for r in history] == [["award", "contract"], ["awardUpdate", "contractUpdate"]]
    if kind == "release":
        before, after = (r["contracts"][0]["period"]["endDate"] for r in history)
        assert before != after and after.startswith("2031-03-31")
        assert len({r["id"] for r in history}) == 2


@pytest.mark.parametrize(("kind", "key"), [("release", "releases"), ("record", "records")])
def test_the_history_imports_back_as_the_current_contract(
    corrected, system_actor, tmp_path, kind, key
):
    package = build(kind, contracts_for_export().filter(ocid=OCID))
    path = tmp_path / "export.json"
    path.write_text(json.dumps(package))
    empty_register()
    assert run(path, system_actor).errors == []
    back = Contract.objects.get(ocid=OCID)
    assert back.end_on == date(2031, 3, 31)
    assert (back.title, back.value_amount, back.start_on) == (
        corrected.title,
        corrected.value_amount,
        corrected.start_on,
    )
