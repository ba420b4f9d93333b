"""Streaming OCDS input: release packages, record packages and JSON Lines, at constant memory.

Releases are spilled to temporary files (their bytes in a flat file, ocid, date and offset in a
small SQLite table), then read back grouped by ocid in `date` order (files are often
newest-first), so any file size fits in memory.
"""

from __future__ import annotations

import copy
import io
import itertools
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import ijson
import numpy as np
import orjson

from insource.core.json_limits import BOM, MAX_DEPTH, DepthScanner, JsonLimitError, guarded
from insource.register.importers.fields import NUL_MESSAGE
from insource.register.importers.ocds_shape import shape_issues
from insource.register.importers.records import ImportIssue

_BATCH = 5000


class OcdsReadError(Exception):
    """The file cannot be read as OCDS at all (not JSON, truncated, no releases or records)."""


_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_PACKAGE_ARRAYS = {"releases": "release-package", "records": "record-package"}


def detect_layout(path: Path) -> str:
    """`jsonl`, `release-package`, `record-package` or `release` (one bare release)."""
    with open(path, "rb") as f:
        if f.read(2) in _UTF16:
            raise OcdsReadError(
                f"{path.name}: the file is UTF-16 text: save it as UTF-8 and import it again"
            )
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return "jsonl"
    with _opened(path) as f:
        events = ijson.parse(f)
        for prefix, event, value in events:
            if prefix == "" and event == "map_key" and value in _PACKAGE_ARRAYS:
                _require_array(path, value, next(events, (None, None, None))[1])
                return _PACKAGE_ARRAYS[value]
            if prefix == "" and event == "map_key" and value == "ocid":
                return "release"
    raise OcdsReadError(
        f"{path.name}: no 'releases' or 'records' found: give an OCDS release package,"
        " record package or JSON Lines file of releases"
    )


def _require_array(path: Path, key: str, event: str | None) -> None:
    if event != "start_array":
        found = {"start_map": "an object", "string": "a string", "null": "null"}.get(
            event, "not an array"
        )
        raise OcdsReadError(
            f"{path.name}: '{key}' is {found}, but an OCDS package gives its {key} as an array"
            f' ("{key}": [ ... ]): correct the file'
        )


# The depth at which one release (or record) begins, by layout: each is size-limited.
_ELEMENT_DEPTH = {"jsonl": 1, "release": 1, "release-package": 3, "record-package": 3}


@contextmanager
def _opened(path: Path, layout: str | None = None):
    """The file read through the nesting, number and release-size limits; their errors become
    read errors."""
    with open(path, "rb") as raw:
        try:
            yield guarded(raw, element_depth=_ELEMENT_DEPTH.get(layout))
        except JsonLimitError as exc:
            raise OcdsReadError(
                f"{path.name}: refused because {exc} (a limit set far beyond real OCDS files:"
                " they nest under 10 levels): this is not an OCDS file or it is corrupt; nothing"
                " was imported"
            ) from None
        except ijson.JSONError as exc:
            raise OcdsReadError(
                f"{path.name}: the JSON is broken or truncated ({exc}); nothing was imported:"
                " fix or re-download the file"
            ) from None


def iter_releases(path: Path) -> Iterator[dict]:
    """Every release in the file, in file order. A record gives its `compiledRelease`, else its
    embedded releases, else an `ImportIssue` (only linked releases, or nothing)."""
    layout = detect_layout(path)
    with _opened(path, layout) as f:
        if layout == "jsonl":
            yield from _jsonl(f)
        elif layout == "release":
            yield from ijson.items(f, "")
        elif layout == "release-package":
            yield from ijson.items(f, "releases.item")
        else:
            yield from _record_releases(ijson.items(f, "records.item"))


def _jsonl(f) -> Iterator[dict]:
    for number, line in enumerate(f, start=1):
        if line.strip():
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise OcdsReadError(
                    f"line {number}: not valid JSON ({exc}): each line must hold one release"
                ) from None


# The fields of a linked release (OCDS record `releases[]`): a reference, not a release.
LINKED_RELEASE_FIELDS = frozenset({"url", "date", "tag"})


def is_linked_release(release) -> bool:
    """A record's `releases[]` entry that only points at a release (`url`, `date`, `tag`)."""
    return isinstance(release, dict) and set(release) <= LINKED_RELEASE_FIELDS


def _record_releases(records) -> Iterator:
    """Per record, its `compiledRelease` when it has one (the publisher's own merge), else its
    embedded full releases (merged later by ocid with the shipped schema); a record with only
    linked releases gives an error naming what to supply. Anything that is not an object is
    passed on for the checks to name."""
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            yield record
            continue
        ocid = record.get("ocid")
        compiled = record.get("compiledRelease")
        listed = record.get("releases")
        listed = listed if isinstance(listed, list) else []
        if isinstance(compiled, dict):
            yield _with_record_tags(_with_record_ocid(compiled, ocid, "compiled"), listed)
            continue
        if compiled is not None:
            yield compiled  # not an object: the checks name it
            continue
        embedded = [r for r in listed if not is_linked_release(r)]
        if embedded:
            yield from (_with_record_ocid(r, ocid, None) for r in embedded)
        else:
            yield _record_issue(index, record, listed)


def _with_record_ocid(release: dict, ocid, suffix: str | None) -> dict:
    """The release with its record's ocid when it gives none (and, for a compiled release, an
    id made from the ocid: a compiled release need not carry one)."""
    if not isinstance(ocid, str) or not ocid.strip():
        return release
    release = {**release} if not release.get("ocid") else release
    release.setdefault("ocid", ocid)
    if suffix and not str(release.get("id") or "").strip():
        release = {**release, "id": f"{ocid}-{suffix}"}
    return release


def _with_record_tags(compiled: dict, listed: list) -> dict:
    """The compiled release tagged also with its record's releases' tags (a compiled release is
    tagged only `compiled`; `contractTermination` on a release says the contract ended early)."""
    tags = compiled.get("tag") if isinstance(compiled.get("tag"), list) else []
    added = [
        tag
        for release in listed
        if isinstance(release, dict) and isinstance(release.get("tag"), list)
        for tag in release["tag"]
        if isinstance(tag, str) and tag not in tags
    ]
    return {**compiled, "tag": [*tags, *dict.fromkeys(added)]} if added else compiled


def _record_issue(index: int, record: dict, listed: list) -> ImportIssue:
    ocid = str(record.get("ocid") or "")[:80]
    where = f"record {index + 1}" + (f" (ocid {ocid})" if ocid else "")
    named = f"Record {ocid}" if ocid else "Record"
    if listed:
        message = (
            f"{named} has only linked releases: supply the releases themselves or a"
            " compiledRelease (a linked release gives only url, date and tag)"
        )
        return ImportIssue("error", where, "releases", message)
    message = f"{named} has no releases and no compiledRelease: supply one or the other"
    return ImportIssue("error", where, "compiledRelease", message)


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


class ReleaseSpill:
    """Releases kept on disk, read back grouped by ocid in date order: each release's bytes are
    appended to a flat file, and a small SQLite table keeps its ocid, date, place in the file
    and where its bytes are. Only that table is sorted (sorting the releases themselves, tens of
    megabytes, cost SQLite several times more); the bytes are read back one release at a time."""

    def __init__(self, first_seq: int = 0) -> None:
        """`first_seq`: where this spill's numbering of releases begins (a spill of the releases
        from a split on begins at the split's, so both spills' releases sort in file order)."""
        self._dir = tempfile.TemporaryDirectory(prefix="insource-ocds-")
        self.path = Path(self._dir.name) / "spill.sqlite3"
        self._db = sqlite3.connect(self.path)
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE r (ocid TEXT, date TEXT, seq INTEGER, at INTEGER, size INTEGER,"
            " f INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE files (f INTEGER PRIMARY KEY, path TEXT);"
        )
        self._db.execute("INSERT INTO files VALUES (0, ?)", [str(_bodies_path(self.path))])
        self._bodies = open(_bodies_path(self.path), "wb")  # noqa: SIM115 - closed by close()
        self._end = 0
        self._pending: list[tuple] = []
        self._first_seq = first_seq
        self.count = 0

    def add(self, ocid: str, date: str, body: bytes) -> None:
        """Keep one release, as `encode_release` gave it."""
        self._pending.append((ocid, date, self._first_seq + self.count, self._end, len(body)))
        self._bodies.write(body)
        self._end += len(body)
        self.count += 1
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany(
            "INSERT INTO r (ocid, date, seq, at, size) VALUES (?, ?, ?, ?, ?)", self._pending
        )
        self._pending.clear()

    def ready(self) -> None:
        """Every release written and committed, for `spilled_groups` to read back."""
        self._flush()
        self._db.commit()
        self._bodies.flush()

    def add_part(self, path: str) -> None:
        """Take in another spill's releases (`path`, its table, made `ready` by another process,
        which keeps its files until this spill has been read back): the bytes stay in its file."""
        self._flush()
        (f,) = self._db.execute("SELECT max(f) + 1 FROM files").fetchone()
        self._db.execute("INSERT INTO files VALUES (?, ?)", [f, str(_bodies_path(Path(path)))])
        self._db.execute("ATTACH DATABASE ? AS part", [path])
        self._db.execute("INSERT INTO r SELECT ocid, date, seq, at, size, ? FROM part.r", [f])
        self._db.commit()
        self._db.execute("DETACH DATABASE part")
        self.count += self._db.execute("SELECT count(*) FROM r WHERE f = ?", [f]).fetchone()[0]

    def close(self) -> None:
        self._db.close()
        self._bodies.close()
        self._dir.cleanup()


def _bodies_path(path: Path) -> Path:
    return path.with_name("bodies")


def spilled_groups(path: Path) -> Iterator[tuple[str, list[bytes]]]:
    """(ocid, the stored releases oldest first) for each ocid of a spill (its table's `path`), in
    ocid order."""
    db = sqlite3.connect(path)
    fds = {f: os.open(name, os.O_RDONLY) for f, name in db.execute("SELECT f, path FROM files")}
    try:
        rows = db.execute("SELECT ocid, at, size, f FROM r ORDER BY ocid, date, seq")
        ocid, bucket = None, []
        for row_ocid, at, size, f in rows:
            if row_ocid != ocid and bucket:
                yield ocid, bucket
                bucket = []
            ocid = row_ocid
            bucket.append(os.pread(fds[f], size, at))
        if bucket:
            yield ocid, bucket
    finally:
        for fd in fds.values():
            os.close(fd)
        db.close()


def release_where(release, index: int) -> str:
    """How a report names a release: its place in the file, id and ocid when it has them."""
    if not isinstance(release, dict):
        return f"release {index + 1}"
    named = [f"{k} {str(release[k])[:80]}" for k in ("id", "ocid") if release.get(k) is not None]
    return f"release {index + 1}" + (f" ({', '.join(named)})" if named else "")


def check_release(release, where: str) -> list[ImportIssue]:
    """The checks a release needs before it can be merged: an object with ocid, id and date,
    and the JSON types the importer reads."""
    if not isinstance(release, dict):
        return [ImportIssue("error", where, "", "is not a JSON object: each release must be one")]
    issues = []
    for key, fix in (("ocid", "every release needs its ocid"), ("id", "give each release an id")):
        if not str(release.get(key) or "").strip():
            issues.append(ImportIssue("error", where, key, f"missing {key}: {fix}"))
    if not str(release.get("date") or "").strip():
        issues.append(ImportIssue("error", where, "date", "missing date: releases merge by date"))
    return issues + shape_issues(release, where)


def encode_release(release: dict, where: str) -> tuple[bytes, list[ImportIssue]]:
    """The release as stored in the spill, or errors for what no database can hold."""
    try:
        body = orjson.dumps(release, default=_default)
    except orjson.JSONEncodeError as exc:
        message = f"holds a value that cannot be stored ({exc}): give large numbers as text"
        return b"", [ImportIssue("error", where, "", message)]
    if b"\\u0000" not in body:
        return body, []
    paths = list(itertools.islice(nul_paths(release), 5)) or [""]
    return b"", [ImportIssue("error", where, path, NUL_MESSAGE) for path in paths]


def nul_paths(node, at: str = "") -> Iterator[str]:
    """The JSON path of every key or text holding a NUL character."""
    stack = [(node, at)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            yield path or "(value)"
        elif isinstance(value, dict):
            for key, child in value.items():
                child_path = f"{path}.{key}" if path else str(key)
                if "\x00" in str(key):
                    yield child_path
                stack.append((child, child_path))
        elif isinstance(value, list):
            stack.extend((child, f"{path}.{i}") for i, child in enumerate(value))


# --- a release package read in two parts (ADR 0059) ------------------------------------------


@dataclass(frozen=True)
class ReleaseSplit:
    """Where a release package can be read in two parts: its first `index` releases by one
    reader, and the rest, from byte `start` to the end of the releases array, by another."""

    index: int
    start: int


_RELEASES_KEY = re.compile(rb'"releases"\s*:\s*$')
_GAP = re.compile(rb"\s*,\s*")


def release_split(path: Path, at: int) -> ReleaseSplit | None:
    """The first release of a release package that begins at or after byte `at`, and how many
    come before it; None unless the bytes say so for certain: the objects counted are the
    elements of the top-level `releases` array, and nothing else is in it before that release
    (a string or a number there would be a release the count misses)."""
    scanner = DepthScanner(element_depth=3)
    scanner.keep_positions()
    try:
        with open(path, "rb") as f:
            if f.read(len(BOM)) == BOM:
                return None  # offsets would be the BOM's length out
            f.seek(0)
            while True:
                data = f.read(1 << 20)
                if not data:
                    return None
                scanner.feed(data)
                starts = scanner.position_array("starts")
                later = np.flatnonzero(starts >= at)
                if later.size:
                    break
        index = int(later[0])
        start = int(starts[index])
        outer = scanner.position_array("outer")
        opened = outer[outer < start]
        if not opened.size or (index and starts[0] < opened[-1]):
            return None  # the counted objects are not all in the one array `start` is in
        array = int(opened[-1])
        ends = scanner.position_array("ends")[:index]
        with open(path, "rb") as f:
            before = os.pread(f.fileno(), 64, max(array - 64, 0))[: array - max(array - 64, 0)]
            if not _RELEASES_KEY.search(before):
                return None
            if not _only_commas_between(f.fileno(), array, starts[: index + 1], ends):
                return None
    except (JsonLimitError, OSError):
        return None
    return ReleaseSplit(index, start)


def _only_commas_between(fd: int, array: int, starts: np.ndarray, ends: np.ndarray) -> bool:
    """Between the array's opening bracket, its objects and the one at `starts[-1]`: blanks
    and one comma each, nothing else."""
    gaps = zip([array, *ends.tolist()], starts.tolist(), strict=True)
    for number, (after, before) in enumerate(gaps):
        between = os.pread(fd, before - after - 1, after + 1)
        plain = not between.strip() if number == 0 else _GAP.fullmatch(between) is not None
        if not plain:
            return False
    return True


class _Chunks(io.RawIOBase):
    """A binary stream over an iterator of byte strings."""

    def __init__(self, chunks: Iterable[bytes]):
        self._chunks = iter(chunks)
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._left:
            self._left = next(self._chunks, b"")
            if not self._left:
                return 0
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def releases_from(path: Path, split: ReleaseSplit) -> tuple[Iterator, list[int]]:
    """The releases of `path` from `split.start` to the end of its releases array, through the
    JSON limits, and a list that holds, once they are read, the byte just past that array.
    Raises what the limits or the parser raise; the caller then reads the file whole."""
    ended: list[int] = []
    stream = io.BufferedReader(_Chunks(_array_rest(path, split.start, ended)), 1 << 20)
    return ijson.items(stream, "item"), ended


def _array_rest(path: Path, start: int, ended: list[int]) -> Iterator[bytes]:
    """`[`, the file's bytes from `start` to the releases array's closing bracket (itself
    included), each piece through a depth scanner that starts where one reading the whole file
    would be there (a release two levels down from the stream's top, one less than the file's)."""
    scanner = DepthScanner(limit=MAX_DEPTH - 1, element_depth=2)
    scanner.stop_below = 1
    scanner.feed(b"[")
    yield b"["
    with open(path, "rb") as f:
        f.seek(start)
        offset = start
        while True:
            data = f.read(1 << 20)
            if not data:
                raise OcdsReadError("the releases array does not end")
            before = copy.copy(scanner)
            try:
                scanner.feed(data)
            except (JsonLimitError, ValueError):  # past the array's end, perhaps
                if _closes_in(before, data) is None:
                    raise
                scanner = before
            cut = scanner.stopped_at if scanner.stopped_at is not None else _closes_in(before, data)
            if cut is not None:
                cut -= before.offset
                if scanner is before:  # the limits, checked up to the array's end only
                    before.feed(data[: cut + 1])
                ended.append(offset + cut + 1)
                yield data[: cut + 1]
                return
            offset += len(data)
            yield data


def _closes_in(scanner: DepthScanner, data: bytes) -> int | None:
    """Where in `data` (an offset of the scanner's) the depth first falls below the scanner's
    `stop_below`, by a probe that checks no limit."""
    probe = copy.copy(scanner)
    probe.element_depth, probe.limit, probe.stopped_at = None, 1 << 30, None
    probe.positions = None
    probe.feed(data)
    return probe.stopped_at


def package_end_is_plain(path: Path, end: int) -> bool:
    """After the releases array (from byte `end`): the package's other members and its end,
    valid, within the limits, and no second `releases` (whose releases one reader would read
    too)."""

    def rest() -> Iterator[bytes]:
        yield b'{"releases": []'
        with open(path, "rb") as f:
            f.seek(end)
            while data := f.read(1 << 20):
                yield data

    try:
        keys = (
            value
            for prefix, event, value in ijson.parse(guarded(_Chunks(rest())))
            if prefix == "" and event == "map_key"
        )
        if sum(key == "releases" for key in keys) > 1:  # the first is the one put before
            return False
    except (JsonLimitError, ijson.JSONError, OcdsReadError):
        return False
    return True
