"""Backup and restore of everything Insource keeps (ADR 0015): one archive file.

The archive is a tar file holding `manifest.json`, the database (`database.sqlite3` or
`database.pgdump`, see `backup_db`) and every stored file under `files/evidence/` (evidence
and information request documents, `INSOURCE_EVIDENCE_DIR`; generated documents — decision
packs, model contracts, payroll returns — live in the database). The manifest lists the
engine, the applied migrations, the row count of every table and the SHA-256 and size of the
database dump and of every file.

A restore checks the whole archive first (every hash, the engine, that this version of
Insource knows every migration it names) and changes nothing if any check fails; then it
replaces the database (all or nothing), swaps the files directory in, and checks the row
counts against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from insource.core import backup_db
from insource.core.audit import Actor, audit_record
from insource.core.backup_db import BackupError

FORMAT = "insource-backup/1"
MANIFEST = "manifest.json"
FILES = "files/evidence"


@dataclass(frozen=True)
class Restored:
    """What a restore put back."""

    manifest: dict
    num_files: int


def backup_create(*, path: Path, at: datetime) -> dict:
    """Write the archive to `path` (through a temporary file, renamed when complete); return
    its manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        dump = Path(work) / backup_db.DUMP_NAMES[backup_db.engine()]
        counts = backup_db.dump(dump)
        files = _evidence_files()
        manifest = {
            "format": FORMAT,
            "created_at": at.isoformat(),
            "engine": backup_db.engine(),
            "migrations": _applied_migrations(),
            "row_counts": counts,
            "database": {"name": dump.name} | _digest(dump),
            "files": {f"{FILES}/{rel}": _digest(full) for rel, full in files},
        }
        partial = Path(work) / "archive.tar"
        with tarfile.open(partial, "w") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
            tar.add(dump, arcname=dump.name)
            for rel, full in files:
                tar.add(full, arcname=f"{FILES}/{rel}")
        os.replace(partial, path)
    return manifest


def backup_check(*, path: Path, into: Path) -> dict:
    """Unpack the archive into the directory `into` and check it against its manifest and this
    installation; return the manifest or raise BackupError saying what is wrong."""
    try:
        with tarfile.open(path, "r") as tar:
            tar.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a readable Insource backup: {error}") from error
    manifest = _read_manifest(into / MANIFEST)
    _check_engine(manifest)
    _check_migrations(manifest)
    _check_files(into, manifest)
    return manifest


def backup_restore(*, path: Path, by: Actor, at: datetime) -> Restored:
    """Replace the database and the stored files with the archive's, after checking all of it.
    The restored database then records one audit event naming the archive."""
    path = Path(path)
    evidence = Path(settings.INSOURCE_EVIDENCE_DIR)
    evidence.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=evidence.parent) as work:
        work = Path(work)
        manifest = backup_check(path=path, into=work)
        backup_db.load(work / manifest["database"]["name"])
        _swap_files(work / FILES, evidence)
        _check_counts(manifest)
    audit_record(
        by=by,
        at=at,
        action="core.restore",
        object_type="backup",
        after={"archive": path.name, "created_at": manifest["created_at"]},
    )
    return Restored(manifest=manifest, num_files=len(manifest["files"]))


def _evidence_files() -> list[tuple[str, Path]]:
    root = Path(settings.INSOURCE_EVIDENCE_DIR)
    if not root.is_dir():
        return []
    found = sorted(p for p in root.rglob("*") if p.is_file())
    return [(p.relative_to(root).as_posix(), p) for p in found]


def _digest(path: Path) -> dict:
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return {"sha256": sha.hexdigest(), "size": path.stat().st_size}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    import io

    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _applied_migrations() -> list[list[str]]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted([app, name] for app, name in applied)


def _read_manifest(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"The archive has no readable {MANIFEST}: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"The archive is not an Insource backup ({FORMAT}).")
    return manifest


def _check_engine(manifest: dict) -> None:
    here = backup_db.engine()
    if manifest.get("engine") != here:
        raise BackupError(
            f"The archive holds a {manifest.get('engine')} database and this installation uses "
            f"{here}: restore it into a {manifest.get('engine')} installation."
        )


def _check_migrations(manifest: dict) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{a}.{n}" for a, n in manifest.get("migrations", []) if (a, n) not in known)
    if unknown:
        raise BackupError(
            "The archive was made by a newer version of Insource (it has migrations this "
            f"version does not know: {', '.join(unknown[:5])}): upgrade Insource first."
        )


def _check_files(root: Path, manifest: dict) -> None:
    listed = dict(manifest.get("files", {}))
    listed[manifest["database"]["name"]] = manifest["database"]
    present = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }
    problems = [f"{name} is missing" for name in sorted(set(listed) - present)]
    problems += [f"{name} is not in the manifest" for name in sorted(present - set(listed))]
    for name in sorted(set(listed) & present):
        if _digest(root / name)["sha256"] != listed[name].get("sha256"):
            problems.append(f"{name} does not match its SHA-256")
    if problems:
        raise BackupError(
            "The archive is damaged, nothing was restored: " + "; ".join(problems[:10])
        )


def _swap_files(new: Path, evidence: Path) -> None:
    new.mkdir(parents=True, exist_ok=True)
    old = evidence.with_name(evidence.name + ".before-restore")
    if old.exists():
        shutil.rmtree(old)
    if evidence.exists():
        os.replace(evidence, old)
    os.replace(new, evidence)
    if old.exists():
        shutil.rmtree(old)


def _check_counts(manifest: dict) -> None:
    now = backup_db.row_counts()
    wrong = [
        f"{table}: {count} rows, the archive had {manifest['row_counts'][table]}"
        for table, count in now.items()
        if table in manifest["row_counts"] and count != manifest["row_counts"][table]
    ]
    if wrong:
        raise BackupError("The restored database differs from the archive: " + "; ".join(wrong))
