"""The OCDS reader in a process of its own (ADR 0059): what the importing process receives from
the child is what reading the file in one process gives, record for record, warning for
warning, error for error; a child that dies is replaced by reading here; a file the reader
refuses is refused with the same words; a reader started before Django's set-up is taken only
by the import of its own file and options."""

import json
import os
import threading

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.importers import ocds_process
from insource.register.importers.fields import RecordErrors
from insource.register.importers.ocds import read_ocds
from insource.register.importers.ocds_read import OcdsReadError
from insource.register.services.imports import register_import

REAL = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"


@pytest.fixture
def any_size(monkeypatch):
    """Every file is worth a process (the tests' files are small)."""
    monkeypatch.setattr(ocds_process, "FROM_BYTES", 0)


def _comparable(items: list) -> list:
    return [item.issues if isinstance(item, RecordErrors) else item for item in items]


def _one_process(path, validate=True):
    issues = []
    try:
        items = list(read_ocds(path, validate=validate, issues=issues))
    except OcdsReadError as exc:
        return None, issues, str(exc)
    return _comparable(items), issues, None


def _through_the_child(path, validate=True):
    reader = ocds_process.start(path, validate=validate)
    assert reader is not None, "a child was started"
    issues = []
    try:
        items = list(reader.records(issues))
    except OcdsReadError as exc:
        return None, issues, str(exc)
    return _comparable(items), issues, None


def _broken(tmp_path):
    package = json.loads(REAL.read_text())
    releases = package["releases"]
    releases[3]["date"] = "1970-01-01T00:00:00Z"  # a warning while spilling
    del releases[60]["id"]  # errors
    releases[80]["date"] = "not a date"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(package))
    return path


def _jsonl(tmp_path):
    releases = json.loads(REAL.read_text())["releases"]
    path = tmp_path / "releases.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in reversed(releases)))  # newest first
    return path


def _truncated(tmp_path):
    path = tmp_path / "truncated.json"
    path.write_bytes(REAL.read_bytes()[:150_000])
    return path


@pytest.mark.parametrize("make", [None, _broken, _jsonl, _truncated])
@pytest.mark.parametrize("validate", [True, False])
def test_the_child_reads_as_one_process_does(any_size, tmp_path, make, validate):
    path = make(tmp_path) if make else REAL
    here = _one_process(path, validate)
    child = _through_the_child(path, validate)
    assert child == here
    items, issues, refused = here
    if make is None:
        assert len(items) > 100 and (not validate or issues)
    if make is _broken:
        assert isinstance(items[-1], list) and any(i.field == "id" for i in items[-1])
    if make is _truncated:
        assert refused and "broken or truncated" in refused


def test_a_child_that_dies_is_replaced_by_reading_here(any_size, monkeypatch):
    def dies_after_one_batch(path, validate, sender):
        issues = []
        batch = []
        for item in read_ocds(path, validate=validate, issues=issues):
            batch.append(item)
            if len(batch) == 40:
                sender.send(("items", batch, None))
                os._exit(1)

    monkeypatch.setattr(ocds_process, "_read_and_send", dies_after_one_batch)
    assert _through_the_child(REAL) == _one_process(REAL)


def test_a_fault_in_the_child_shows_itself_here(any_size, monkeypatch):
    def faulty(path, validate, sender):
        sender.send(("fault", "Traceback: a bug", []))

    monkeypatch.setattr(ocds_process, "_read_and_send", faulty)
    assert _through_the_child(REAL) == _one_process(REAL)  # read again here, alike


@pytest.mark.django_db
def test_an_import_through_the_child_writes_what_one_process_writes(
    seeded, system_actor, tmp_path, monkeypatch
):
    path = _broken(tmp_path)
    one = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    monkeypatch.setattr(ocds_process, "FROM_BYTES", 0)
    two = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert one.status == two.status == "failed"
    assert (one.errors, one.warnings) == (two.errors, two.warnings) and one.errors

    good = register_import(path=REAL, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert good.status == "succeeded" and good.created == 143
    again = register_import(path=REAL, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert again.unchanged == 143 and again.created == 0


def test_a_prestarted_reader_is_taken_by_its_own_import_only(any_size, tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_bytes(REAL.read_bytes())
    ocds_process.prestart([str(copy), "--json"])
    assert ocds_process.take(copy, validate=False) is None  # other options: not this reader
    assert not ocds_process._prestarted  # and the one started was stopped

    ocds_process.prestart([str(copy), "--no-validate", "--on", "2026-11-23"])
    reader = ocds_process.take(copy, validate=False)
    assert reader is not None
    issues = []
    assert len(list(reader.records(issues))) > 100

    for argv in (
        [str(tmp_path / "register.csv")],  # tabular
        [str(copy), "--format", "tabular"],
        [str(tmp_path / "missing.json")],
        [],
        ["--help"],
    ):
        ocds_process.prestart(argv)
        assert not ocds_process._prestarted, argv


def test_small_files_and_threaded_processes_read_here(tmp_path):
    assert ocds_process.start(REAL, validate=True) is None  # under FROM_BYTES
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not ocds_process.can_fork()
    finally:
        stop.set()
        thread.join()
    assert ocds_process.can_fork()
