"""The import service: one file in, one transaction, a summary out.

`register_import` reads OCDS (release/record packages, JSON Lines), flattened OCDS or a tabular
register through a mapping, and writes it all or nothing: a file with any error changes
nothing and the summary lists every bad release or row, field and reason. The same file twice
creates nothing new. A browser upload (`register/uploads/`) uses the same service with its
options: a dry run (everything written, then rolled back), refused rows left out instead of
failing the file, one authority as every record's buyer, and a screen over the records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.core.bulk import sqlite_page_cache, start_up_heap_frozen
from insource.core.spreadsheets import SheetError
from insource.register.importers import ocds_process
from insource.register.importers.fields import RecordErrors
from insource.register.importers.flattened import FlattenedLayoutError, read_flattened
from insource.register.importers.ocds import read_ocds
from insource.register.importers.ocds_read import OcdsReadError
from insource.register.importers.records import ImportIssue
from insource.register.importers.tabular import (
    Mapping,
    MappingError,
    load_mapping,
    read_tabular,
)
from insource.register.models import ImportRun
from insource.register.services.vat import vat_rate_on
from insource.register.services.writer import RegisterWriter

FORMATS = ("ocds", "flattened", "tabular")
MAX_REPORTED = 1000
# SQLite's page cache for an import (KiB): half the server's, so that the importing process and
# its reader (ADR 0059) stay under 300 MB together at any file size.
IMPORT_PAGE_CACHE_KIB = 32_000


class ImportFailed(Exception):
    """Raised inside the transaction to roll every write back."""


class DryRunDone(Exception):
    """Raised at the end of a dry run to roll every write back, keeping the summary."""


@dataclass(frozen=True)
class ImportOptions:
    """How a browser upload runs the import (the command line uses the defaults).

    `buyer`: this authority buys (and reviews) every record; `screen(items)` may turn records
    into `RecordErrors`; `keep_good_rows`: refused rows are left out (`summary.refused`) rather
    than failing the file; `dry_run`: write everything, then roll it back; `outcomes`: keep what
    happened to each record (`summary.outcomes`, for an upload's report: it grows with the
    file, so the command line, which reports counts, does not keep it)."""

    source: str | None = None
    buyer: object = None
    screen: Callable[[Iterable], Iterable] | None = None
    keep_good_rows: bool = False
    dry_run: bool = False
    progress_every: int = 500
    outcomes: bool = False


@dataclass
class ImportSummary:
    """What an import did, for people and (as_json) for machines."""

    source: str
    format: str
    status: str = "succeeded"
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    planned: int = 0
    suppliers_created: int = 0
    run_id: int | None = None
    warnings: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    refused: list[ImportIssue] = field(default_factory=list)  # rows left out (keep_good_rows)
    # per record, when `ImportOptions.outcomes` asks for it
    outcomes: list[tuple[str, str, str, str]] = field(default_factory=list)

    @classmethod
    def failed(cls, source: str, fmt: str | None, where: str, message: str) -> ImportSummary:
        """A summary of an import that could not start (no such file, unknown format...)."""
        return cls(
            source=source,
            format=fmt or "",
            status="failed",
            errors=[ImportIssue("error", where, "", message)],
        )

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "format": self.format,
            "status": self.status,
            "run_id": self.run_id,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "planned": self.planned,
            "suppliers_created": self.suppliers_created,
            "num_warnings": len(self.warnings),
            "num_errors": len(self.errors),
            "warnings": [w.as_dict() for w in self.warnings[:MAX_REPORTED]],
            "errors": [e.as_dict() for e in self.errors[:MAX_REPORTED]],
        }


def detect_format(path: Path) -> str:
    """flattened for a folder of flatten-tool sheets, ocds for JSON, tabular for CSV/XLSX."""
    if path.is_dir() or (path.name == "awards.csv" and (path.parent / "buyer.csv").exists()):
        return "flattened"
    if path.suffix.lower() in {".json", ".jsonl", ".ndjson"}:
        return "ocds"
    if path.suffix.lower() in {".csv", ".xlsx", ".xlsm"}:
        return "tabular"
    raise ValueError(
        f"{path.name}: cannot tell the format: add --format ocds, flattened or tabular"
    )


def _records(path: Path, fmt: str, mapping, validate: bool, warnings: list) -> Iterable:
    if fmt == "ocds":
        reader = ocds_process.take(path, validate=validate) or ocds_process.start(
            path, validate=validate
        )
        if reader is not None:
            return reader.records(warnings)
        return read_ocds(path, validate=validate, issues=warnings)
    if fmt == "flattened":
        return read_flattened(path)
    if isinstance(mapping, Mapping):
        return read_tabular(path, mapping)
    return read_tabular(path, load_mapping(mapping or "lgtc-contract-register"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(path.glob("*.csv")) if path.is_dir() else [path]:
        with open(file, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def register_import(
    *,
    path: Path,
    by: Actor,
    at: datetime,
    on: date,
    fmt: str | None = None,
    mapping: str | Mapping | None = None,
    validate: bool = True,
    progress: Callable[[int], None] | None = None,
    options: ImportOptions | None = None,
) -> ImportSummary:
    """Import one file all-or-nothing; `on` is the date successors are resolved at."""
    options = options or ImportOptions()
    path = Path(path)
    if not path.exists():
        return ImportSummary.failed(str(path), fmt, path.name, f"{path}: no such file or folder")
    try:
        fmt = fmt or detect_format(path)
    except ValueError as exc:
        return ImportSummary.failed(str(path), fmt, path.name, str(exc))
    if fmt not in FORMATS:
        message = f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}"
        return ImportSummary.failed(str(path), fmt, path.name, message)
    summary = ImportSummary(source=options.source or str(path), format=fmt)
    try:
        with start_up_heap_frozen(), sqlite_page_cache(IMPORT_PAGE_CACHE_KIB), transaction.atomic():
            _run(path, fmt, mapping, validate, summary, by=by, at=at, on=on, progress=progress,
                 options=options)  # fmt: skip
            if options.dry_run:
                raise DryRunDone
    except DryRunDone:
        summary.run_id = None
    except ImportFailed:
        summary.status = "failed"
        summary.created = summary.updated = summary.unchanged = summary.planned = 0
        summary.suppliers_created = 0
        summary.run_id = None
    return summary


def _run(path, fmt, mapping, validate, summary, *, by, at, on, progress, options) -> None:
    run = ImportRun.objects.create(
        started_at=at,
        source=summary.source[:500],
        source_sha256=file_sha256(path),
        format=fmt,
        status=ImportRun.Status.SUCCEEDED,
        by=by.label,
    )
    writer = None  # built at the first good record: a refused file costs no set-up
    refused = summary.refused if options.keep_good_rows else summary.errors
    try:
        items = _records(path, fmt, mapping, validate, summary.warnings)
        for count, item in enumerate(options.screen(items) if options.screen else items, 1):
            if isinstance(item, RecordErrors):
                refused.extend(item.issues)
            elif not summary.errors:
                writer = writer or _writer(run, by=by, at=at, on=on, options=options)
                writer.add(item)
            if progress and count % options.progress_every == 0:
                progress(count)
    except (OcdsReadError, FlattenedLayoutError, MappingError, SheetError) as exc:
        summary.errors.append(ImportIssue("error", path.name, "", str(exc)))
    if summary.errors:
        raise ImportFailed
    writer = writer or _writer(run, by=by, at=at, on=on, options=options)
    writer.finish()
    summary.outcomes = writer.outcomes
    _finish(run, writer, summary, by=by, at=at)


def _writer(run: ImportRun, *, by: Actor, at: datetime, on: date, options) -> RegisterWriter:
    return RegisterWriter(
        run=run,
        at=at,
        by=by.label,
        vat_rate=vat_rate_on(on),
        on=on,
        buyer=options.buyer,
        outcomes=options.outcomes,
    )


def _finish(run: ImportRun, writer: RegisterWriter, summary: ImportSummary, *, by, at) -> None:
    summary.warnings.extend(writer.warnings)
    counts = writer.counts
    summary.created, summary.updated = counts["created"], counts["updated"]
    summary.unchanged, summary.planned = counts["unchanged"], counts["planned"]
    summary.suppliers_created = writer.suppliers.num_created
    summary.run_id = run.pk
    run.num_created, run.num_updated = summary.created, summary.updated
    run.num_unchanged, run.num_planned = summary.unchanged, summary.planned
    run.warnings = [w.as_dict() for w in summary.warnings[:MAX_REPORTED]]
    run.errors = [e.as_dict() for e in summary.refused[:MAX_REPORTED]]
    run.finished_at = at
    run.save()
    audit_record(
        by=by,
        at=at,
        action="register.import",
        obj=run,
        after={k: v for k, v in summary.as_json().items() if k not in {"warnings", "errors"}},
    )
