"""The open-data downloads as files (ADR 0047): built in the background after each change,
written atomically, served as files.

Four whole-register exports: the OCDS release and record packages, the register as CSV and the
published decisions as CSV. `export_chunks` is the one builder: `insource export KIND`, the
API's per-authority downloads (streamed on request) and the files here all call it. A file is
written beside its final name and moved over it (`os.replace`), so a reader sees the old file
or the new one, never half of one; its modification time is the time the build began, which the
package's `publishedDate` carries too.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from insource.register.exporters import csv as csv_export
from insource.register.exporters import ocds
from insource.register.exporters.queries import contracts_for_export
from insource.standards.notices.metrics import implementation_metrics
from insource.transparency.exports.decisions import decisions_csv, publications_for_export

API = "/api/public/v1/"


@dataclass(frozen=True)
class Kind:
    """One download: its name in the API and on disk, its path under the API, its type."""

    name: str
    path: str
    content_type: str

    @property
    def filename(self) -> str:
        return self.path.rsplit("/", 1)[-1]


KINDS = {
    kind.name: kind
    for kind in (
        Kind("ocds-releases", "exports/ocds/releases.json", "application/json"),
        Kind("ocds-records", "exports/ocds/records.json", "application/json"),
        Kind("contracts", "exports/contracts.csv", "text/csv; charset=utf-8"),
        Kind("decisions", "exports/decisions.csv", "text/csv; charset=utf-8"),
    )
}
CONTRACT_KINDS = ("ocds-releases", "ocds-records", "contracts")


def export_chunks(
    kind: str, *, authority=None, base_url: str, now: datetime, bom: bool = True
) -> Iterator[str | bytes]:
    """The export's text or bytes, chunk by chunk, in constant memory. Links and the package
    URIs are under `base_url` (where the data is published); CSV starts with a byte-order mark
    (unless `bom` is false: `insource export` writes plain CSV to a terminal or a pipe)."""
    marked = csv_export.with_bom if bom else iter
    base = base_url.rstrip("/")
    query = f"?authority={authority.code or authority.key}" if authority else ""
    uri = f"{base}{API}{KINDS[kind].path}{query}"
    if kind == "contracts":
        return marked(csv_export.register_csv(contracts_for_export(authority=authority)))
    if kind == "decisions":
        rows = publications_for_export(authority=authority)
        return marked(decisions_csv(rows, base_url=base))
    contracts = contracts_for_export(authority=authority)
    # contracts' KPI ratings as implementation metrics (ADR 0044)
    measured = implementation_metrics(authority=authority)
    if kind == "ocds-releases":
        meta = ocds.PackageMeta(uri=uri, published_at=now, implementations=measured)
        return ocds.release_package(contracts, meta)
    releases = f"{base}{API}{KINDS['ocds-releases'].path}{query}"
    meta = ocds.PackageMeta(
        uri=uri, published_at=now, release_package_uri=releases, implementations=measured
    )
    return ocds.record_package(contracts, meta)


def exports_dir() -> Path:
    return Path(settings.INSOURCE_EXPORTS_DIR)


def export_path(kind: str) -> Path:
    return exports_dir() / KINDS[kind].filename


@dataclass(frozen=True)
class Built:
    """A built file: where, how big, when it was built and how long that took."""

    kind: str
    path: Path
    size: int
    built_at: datetime
    seconds: float


def export_write(kind: str, *, now: datetime, base_url: str | None = None) -> Built:
    """Build the whole-register export into a temporary file beside its final name and move it
    over the old one in one step. A failure leaves the old file as it was."""
    target = export_path(kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    chunks = export_chunks(kind, base_url=base_url or settings.INSOURCE_BASE_URL, now=now)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # noqa: S103 (public open data)
        stamp = now.timestamp()
        os.utime(temporary, (stamp, stamp))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Built(kind, target, target.stat().st_size, now, time.perf_counter() - started)


def export_built(kind: str) -> Built | None:
    """The file as it stands, or None while none has been built."""
    path = export_path(kind)
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    built_at = datetime.fromtimestamp(found.st_mtime, tz=UTC)
    return Built(kind, path, found.st_size, built_at, 0.0)
