"""Streaming OCDS input: release packages, record packages and JSON Lines, at constant memory.

Releases are spilled to temporary files (their bytes in a flat file, ocid, date and offset in a
small SQLite table), then read back grouped by ocid in `date` order (files are often
newest-first), so any file size fits in memory.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import ijson
import orjson

from insource.core.json_limits import JsonLimitError, guarded
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

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="insource-ocds-")
        self.path = Path(self._dir.name) / "spill.sqlite3"
        self._db = sqlite3.connect(self.path)
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE r (ocid TEXT, date TEXT, seq INTEGER, at INTEGER, size INTEGER);"
        )
        self._bodies = open(_bodies_path(self.path), "wb")  # noqa: SIM115 - closed by close()
        self._end = 0
        self._pending: list[tuple] = []
        self.count = 0

    def add(self, ocid: str, date: str, body: bytes) -> None:
        """Keep one release, as `encode_release` gave it."""
        self._pending.append((ocid, date, self.count, self._end, len(body)))
        self._bodies.write(body)
        self._end += len(body)
        self.count += 1
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def ready(self) -> None:
        """Every release written and committed, for `spilled_groups` to read back."""
        self._flush()
        self._db.commit()
        self._bodies.flush()

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
    fd = os.open(_bodies_path(path), os.O_RDONLY)
    try:
        rows = db.execute("SELECT ocid, at, size FROM r ORDER BY ocid, date, seq")
        ocid, bucket = None, []
        for row_ocid, at, size in rows:
            if row_ocid != ocid and bucket:
                yield ocid, bucket
                bucket = []
            ocid = row_ocid
            bucket.append(os.pread(fd, size, at))
        if bucket:
            yield ocid, bucket
    finally:
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
