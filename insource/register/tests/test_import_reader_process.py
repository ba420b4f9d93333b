"""The OCDS reader in a process of its own (ADR 0059): what the importing process receives from
the child is what reading the file in one process gives, record for record, warning for
warning, error for error; a child that dies is replaced by reading here; a file the reader
refuses is refused with the same words; a reader started before Django's set-up is taken only
by the import of its own file and options."""

import json
import os
import tempfile
import threading
import time

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.importers import ocds_process, ocds_read
from insource.register.importers.fields import RecordErrors
from insource.register.importers.ocds import PartRead, read_ocds
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


def test_a_child_that_dies_is_replaced_by_reading_here(any_size, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the dead child's spill stays

    def dies_after_one_batch(path, validate, sender, split=None):
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
    def faulty(path, validate, sender, split=None):
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


# --- a release package read in two parts: the child the first, the importing process the rest


@pytest.fixture
def child_waits_for_the_split(any_size, monkeypatch):
    """The child waits (at most 2 s) until the importing process has claimed its part or
    given it up, so that the part is read there (a small file is otherwise read by the child
    first)."""
    mine = ocds_process._ChildSplit.mine

    def waiting(self, numbered):
        for _ in range(200):
            if self.state.split.value != -1:  # claimed, or given up
                break
            time.sleep(0.01)
        yield from mine(self, numbered)

    monkeypatch.setattr(ocds_process._ChildSplit, "mine", waiting)
    monkeypatch.setattr(ocds_process, "part_from", lambda size, set_up: 0.5)
    parts = []
    read_part = ocds_process.read_part

    def recorded(*args, **kwargs):
        try:
            parts.append(read_part(*args, **kwargs))
        except Exception as exc:
            parts.append(exc)
            raise
        return parts[-1]

    monkeypatch.setattr(ocds_process, "read_part", recorded)
    return parts


def _package_with(tmp_path, name, *, change=None, text=None):
    package = json.loads(REAL.read_text())
    if change:
        change(package)
    path = tmp_path / name
    path.write_text(text(json.dumps(package)) if text else json.dumps(package))
    return path


def _errors_in_both_parts(package):
    releases = package["releases"]
    del releases[20]["id"]  # the child's part
    releases[150]["date"] = "not a date"  # the importing process's part
    releases[160]["date"] = "1970-01-01T00:00:00Z"  # a warning there


def test_both_parts_read_as_one_process_reads(child_waits_for_the_split, tmp_path):
    for path in (REAL, _package_with(tmp_path, "errors.json", change=_errors_in_both_parts)):
        parts = child_waits_for_the_split
        parts.clear()
        assert _through_the_child(path) == _one_process(path)
        assert len(parts) == 1 and isinstance(parts[0], PartRead)
        assert parts[0].first is not None  # the part was read here and taken by the child
    assert any(i.field == "date" for i in parts[0].bad)  # release 151's error, found here


@pytest.mark.parametrize(
    "text",
    [
        lambda t: t[:-1] + ', "releases": []}',  # a second releases array after the first
        lambda t: t[:-1] + ', "uri": "x"',  # the package never ends
        lambda t: t + " trailing",  # something after the package
        lambda t: t.replace('"releases": [', '"releases": [' + "[" * 40 + "]" * 40 + ",", 1),
    ],
    ids=["second-releases", "unfinished", "trailing", "nested-first"],
)
def test_a_part_that_cannot_be_told_alike_is_read_by_the_child(
    child_waits_for_the_split, tmp_path, text
):
    path = _package_with(tmp_path, "odd.json", text=text)
    assert _through_the_child(path) == _one_process(path)
    parts = child_waits_for_the_split
    if "[[[[" in path.read_text():  # refused by the limits: no part was even tried
        assert parts == []
    else:  # read here, found unlike one reading, and read again by the child
        assert len(parts) == 1 and isinstance(parts[0], OcdsReadError)


def test_a_part_counted_wrongly_is_read_by_the_child(child_waits_for_the_split, monkeypatch):
    found = ocds_process.release_split

    def one_out(path, at):
        split = found(path, at)
        return split and ocds_read.ReleaseSplit(split.index + 1, split.start)

    monkeypatch.setattr(ocds_process, "release_split", one_out)
    assert _through_the_child(REAL) == _one_process(REAL)
    assert child_waits_for_the_split  # a part was read, and the child did not take it


def test_a_split_is_where_the_bytes_say_and_nowhere_else(tmp_path):
    releases = json.loads(REAL.read_text())["releases"]
    for text in (REAL.read_text(), json.dumps(json.loads(REAL.read_text()))):
        path = tmp_path / "package.json"
        path.write_text(text)
        data = path.read_bytes()
        middle = len(data) // 2
        split = ocds_read.release_split(path, middle)
        assert 50 < split.index < 150 and split.start >= middle
        first, _ = json.JSONDecoder().raw_decode(data[split.start :].decode())
        assert first == releases[split.index]
    odd = {
        "bom": lambda t: "\ufeff" + t,
        "a-string-first": lambda t: t.replace('"releases": [', '"releases": ["x", ', 1),
        "a-number-between": lambda t: t.replace("}, {", "}, 5, {", 3),
        "not-releases": lambda t: t.replace('"releases": [', '"records": [', 1),
        "deep-publisher": lambda t: t.replace('{"', '{"publisher": {"a": {"b": 1}}, "', 1),
    }
    for name, change in odd.items():
        path = tmp_path / f"{name}.json"
        changed = change(text)
        assert changed != text, name
        path.write_text(changed, encoding="utf-8")
        assert ocds_read.release_split(path, middle) is None, name


def test_a_prestarted_reader_no_import_took_is_stopped(any_size):
    ocds_process.prestart([str(REAL)])
    (reader,) = ocds_process._prestarted.values()
    ocds_process.stop_prestarted()
    assert not ocds_process._prestarted and not reader._process.is_alive()


def test_the_part_begins_where_both_processes_end_together():
    mb = 2**20
    assert ocds_process.part_from(4 * mb, set_up=0.5) is None  # set-up outlasts the reading
    small, large = (ocds_process.part_from(n * mb, set_up=0.5) for n in (65, 3000))
    started = ocds_process.part_from(65 * mb, set_up=0.0)
    assert 0.65 < small < 0.75 and 0.55 < large < small and 0.55 < started < 0.6


def test_a_child_stopped_at_once_ends_whatever_its_parent_does_with_sigterm(any_size, monkeypatch):
    """A parent whose SIGTERM handler does not end the process (a test runner's, a worker's
    graceful stop): a child stopped the moment it is forked still ends, and not through that
    handler."""
    import signal

    heard = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: heard.append(signum))
    try:
        for _ in range(20):
            reader = ocds_process.start(REAL, validate=True)
            started = time.monotonic()
            reader.stop()
            assert not reader._process.is_alive() and time.monotonic() - started < 5
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert heard == []  # the parent heard nothing: each SIGTERM went to a child
