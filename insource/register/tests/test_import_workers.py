"""A large OCDS import's worker processes give exactly what one process gives (ADR 0053).

Every test imports the same file twice, in one process and with two workers forced on (the
size thresholds set to nothing, small batches), and compares summaries, warnings and errors in
order, and the contracts written.
"""

import json
import os

import pytest
from django.conf import settings
from django.db import transaction

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.importers import ocds_parallel
from insource.register.models import Contract, PlannedProcurement
from insource.register.services.imports import ImportOptions, register_import
from insource.register.services.writer import TRACKED

pytestmark = pytest.mark.django_db
REAL = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"
COMPARED = [f for f in TRACKED if not f.endswith("_id")]


def _workers(monkeypatch, on: bool) -> None:
    monkeypatch.setattr(settings, "INSOURCE_IMPORT_WORKERS", 2 if on else 0)
    monkeypatch.setattr(ocds_parallel, "BACKGROUND_FROM_BYTES", 0 if on else 10**12)
    monkeypatch.setattr(ocds_parallel, "PARALLEL_FROM_RELEASES", 0 if on else 10**12)
    monkeypatch.setattr(ocds_parallel, "GROUPS_PER_BATCH", 7)


def _outcome(path, actor) -> tuple:
    """The summary (less the run's id) and what was written, then rolled back."""
    with transaction.atomic():
        summary = register_import(
            path=path, by=actor, at=TEST_NOW, on=TEST_TODAY, options=ImportOptions(outcomes=True)
        )
        contracts = list(Contract.objects.order_by("source_key").values_list(*COMPARED))
        planned = list(PlannedProcurement.objects.order_by("ocid").values_list("ocid", "title"))
        transaction.set_rollback(True)
    found = summary.as_json()
    found.pop("run_id")
    return found, summary.outcomes, contracts, planned


def _both(path, actor, monkeypatch) -> tuple:
    _workers(monkeypatch, on=False)
    alone = _outcome(path, actor)
    _workers(monkeypatch, on=True)
    return alone, _outcome(path, actor)


def test_real_releases_give_the_same_import(seeded, system_actor, monkeypatch):
    forked = []
    fork = ocds_parallel._fork
    monkeypatch.setattr(ocds_parallel, "_fork", lambda *a: forked.append(a[0]) or fork(*a))
    alone, workers = _both(REAL, system_actor, monkeypatch)
    assert alone[0]["created"] == 143 and alone[0]["num_warnings"] > 0
    assert workers == alone
    # the validator and two mappers ran (none for the import in one process)
    assert [f.__name__ for f in forked] == ["_send_result", "_map_batches", "_map_batches"]


def _broken_package(tmp_path):
    """The real releases with, here and there, an error, a placeholder date and bad values."""
    package = json.loads(REAL.read_text())
    releases = package["releases"]
    releases[3]["date"] = "1970-01-01T00:00:00Z"  # a warning while spilling
    awarded = [r for r in releases if r.get("awards")]
    awarded[5]["awards"][0]["value"] = {"amount": "lots", "currency": "GBP"}  # error when mapped
    awarded[9]["awards"][0]["value"] = {"amount": -5, "currency": "GBP"}
    del releases[60]["id"]  # an error while spilling: not validated
    releases[80]["date"] = "not a date"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(package))
    return path


def test_errors_and_warnings_come_in_the_same_order(seeded, system_actor, monkeypatch, tmp_path):
    alone, workers = _both(_broken_package(tmp_path), system_actor, monkeypatch)
    assert alone[0]["status"] == "failed" and alone[0]["num_errors"] >= 2
    assert workers == alone


def test_a_file_cut_short_gives_the_same_failure(seeded, system_actor, monkeypatch, tmp_path):
    path = tmp_path / "cut.json"
    path.write_bytes(REAL.read_bytes()[: REAL.stat().st_size // 2])
    alone, workers = _both(path, system_actor, monkeypatch)
    assert "broken or truncated" in alone[0]["errors"][0]["message"]
    assert workers == alone


def test_map_errors_are_refused_alike(seeded, system_actor, monkeypatch, tmp_path):
    package = json.loads(REAL.read_text())
    for release in package["releases"][::9]:
        for award in release.get("awards") or []:
            award["date"] = "31/31/2025"
    path = tmp_path / "dates.json"
    path.write_text(json.dumps(package))
    alone, workers = _both(path, system_actor, monkeypatch)
    assert alone[0]["status"] == "failed"
    assert workers == alone


def _dies(*args):
    os._exit(3)


def test_a_worker_that_dies_is_replaced_by_the_importing_process(seeded, system_actor, monkeypatch):
    _workers(monkeypatch, on=False)
    alone = _outcome(REAL, system_actor)
    _workers(monkeypatch, on=True)
    monkeypatch.setattr(ocds_parallel, "_map_batches", _dies)
    monkeypatch.setattr(ocds_parallel, "_send_result", _dies)
    assert _outcome(REAL, system_actor) == alone
