"""`insource backup` and `insource restore` round-trip a populated database: the real demo
register plus decisions, evidence and request files, generated documents. Nothing is lost:
row counts per table, every decision's stored content, every pack's hash, every stored
file's SHA-256. A damaged or mismatched archive is refused and changes nothing.

Each engine runs in its own process against its own database (a restore replaces the whole
database, which a test's transaction cannot hold): SQLite always; PostgreSQL when the suite
runs on PostgreSQL (a sibling database on the same server) and pg_dump is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).with_name("backup_roundtrip.py")


def _run(tmp_path: Path, database_url: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "INSOURCE_ENV": "test",
        "INSOURCE_DATA_DIR": str(tmp_path / "data"),
        "INSOURCE_EVIDENCE_DIR": str(tmp_path / "data" / "evidence"),
        "PYTHONPATH": str(ROOT),
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, done.stderr[-4000:]
    return json.loads(lines[-1].removeprefix("REPORT "))


def _check(report: dict) -> None:
    before, after = report["before"], report["after"]
    assert before["row_counts"]["register_contract"] > 20_000  # the real demo register
    assert len(before["decisions"]) >= 2 and before["packs"] and before["files"]
    assert all(recorded == on_disk for recorded, on_disk in before["files"].values())
    assert "damaged, nothing was restored" in report["damaged"]
    assert "does not match its SHA-256" in report["damaged"]
    assert "newer version of Insource" in report["mismatched"]
    assert report["after_refusals"] == before  # a refused archive changed nothing
    assert report["wrecked"] != before
    restored_counts = dict(after["row_counts"])
    restored_counts["core_auditevent"] -= 1  # the restore's own audit event
    assert restored_counts == before["row_counts"]
    assert after["decisions"] == before["decisions"]
    assert after["packs"] == before["packs"]
    assert after["files"] == before["files"]


def test_sqlite_round_trip_loses_nothing(tmp_path):
    _check(_run(tmp_path))


def test_postgresql_round_trip_loses_nothing(tmp_path, settings):
    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL)")
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    import psycopg

    name = f"{db['NAME']}_backup_test"
    server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    server |= {"password": db["PASSWORD"]} if db["PASSWORD"] else {}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{name}"
    try:
        _check(_run(tmp_path, url))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
