"""Streaming OCDS input: release packages, record packages and JSON Lines, at constant memory.

Releases are spilled to a temporary SQLite file keyed by ocid and date, then read back grouped
by ocid in `date` order (files are often newest-first), so any file size fits in memory.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import ijson
import orjson

from insource.register.importers.records import ImportIssue

_BATCH = 5000


class OcdsReadError(Exception):
    """The file cannot be read as OCDS at all (not JSON, truncated, no releases or records)."""


def detect_layout(path: Path) -> str:
    """`jsonl`, `release-package`, `record-package` or `release` (one bare release)."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return "jsonl"
    with open(path, "rb") as f:
        try:
            for prefix, event, value in ijson.parse(f):
                if prefix == "" and event == "map_key" and value in {"releases", "records"}:
                    return "release-package" if value == "releases" else "record-package"
                if prefix == "" and event == "map_key" and value == "ocid":
                    return "release"
        except ijson.JSONError as exc:
            raise OcdsReadError(
                f"{path.name}: not valid JSON ({exc}); check the file is complete"
            ) from None
    raise OcdsReadError(
        f"{path.name}: no 'releases' or 'records' found: give an OCDS release package,"
        " record package or JSON Lines file of releases"
    )


def iter_releases(path: Path) -> Iterator[dict]:
    """Every release in the file, in file order (records give their releases, else compiled)."""
    layout = detect_layout(path)
    with open(path, "rb") as f:
        try:
            if layout == "jsonl":
                yield from _jsonl(f)
            elif layout == "release":
                yield from ijson.items(f, "")
            elif layout == "release-package":
                yield from ijson.items(f, "releases.item")
            else:
                yield from _record_releases(ijson.items(f, "records.item"))
        except ijson.JSONError as exc:
            raise OcdsReadError(
                f"{path.name}: the JSON is broken or truncated ({exc}); nothing was imported:"
                " fix or re-download the file"
            ) from None


def _jsonl(f) -> Iterator[dict]:
    for number, line in enumerate(f, start=1):
        if line.strip():
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise OcdsReadError(f"line {number}: not valid JSON ({exc})") from None


def _record_releases(records) -> Iterator[dict]:
    for record in records:
        releases = [r for r in record.get("releases") or [] if "tag" in r or "buyer" in r]
        if releases:
            yield from releases
        elif record.get("compiledRelease"):
            yield record["compiledRelease"]


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


class ReleaseSpill:
    """A temporary on-disk table of releases, read back grouped by ocid in date order."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="insource-ocds-")
        self._db = sqlite3.connect(Path(self._dir.name) / "spill.sqlite3")
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE r (ocid TEXT, date TEXT, seq INTEGER, body BLOB);"
        )
        self._pending: list[tuple] = []
        self.count = 0

    def add(self, ocid: str, date: str, release: dict) -> None:
        self._pending.append((ocid, date, self.count, orjson.dumps(release, default=_default)))
        self.count += 1
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO r VALUES (?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def groups(self) -> Iterator[tuple[str, list[dict]]]:
        """(ocid, releases oldest first) for each ocid, in ocid order."""
        self._flush()
        rows = self._db.execute("SELECT ocid, body FROM r ORDER BY ocid, date, seq")
        ocid, bucket = None, []
        for row_ocid, body in rows:
            if row_ocid != ocid and bucket:
                yield ocid, bucket
                bucket = []
            ocid = row_ocid
            bucket.append(orjson.loads(body))
        if bucket:
            yield ocid, bucket

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


def check_release(release, index: int) -> list[ImportIssue]:
    """The checks a release needs before it can be merged: an object with ocid, id and date."""
    where = f"release {index + 1}"
    if not isinstance(release, dict):
        return [ImportIssue("error", where, "", "is not a JSON object: each release must be one")]
    where = f"release {index + 1} (id {release.get('id') or '?'})"
    issues = []
    for key, fix in (("ocid", "every release needs its ocid"), ("id", "give each release an id")):
        if not str(release.get(key) or "").strip():
            issues.append(ImportIssue("error", where, key, f"missing {key}: {fix}"))
    if not str(release.get("date") or "").strip():
        issues.append(ImportIssue("error", where, "date", "missing date: releases merge by date"))
    return issues
