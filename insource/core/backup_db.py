"""The database half of a backup: a consistent copy with its row counts, and putting it back.

SQLite: the online backup API (`sqlite3.Connection.backup`), page by page while the site
runs; the counts are read from the copy. PostgreSQL: `pg_dump --format=custom` run on a
snapshot exported from a REPEATABLE READ transaction in which the counts are read, so both
describe the same moment; `pg_restore --clean --single-transaction` puts it back all or
nothing (ADR 0015).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import nullcontext
from pathlib import Path

from django.db import connection, transaction

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def engine() -> str:
    """'sqlite' or 'postgresql'; other databases are refused."""
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def dump(target: Path) -> dict[str, int]:
    """Write the database to `target`; return the row count of every table at that moment."""
    if engine() == "sqlite":
        return _sqlite_dump(target)
    return _pg_dump(target)


def load(source: Path) -> None:
    """Replace every table's contents with the dump at `source` (all or nothing)."""
    if engine() == "sqlite":
        _sqlite_load(source)
    else:
        _pg_load(source)


def row_counts(cursor=None) -> dict[str, int]:
    """Rows in every table of the live database (or of `cursor`'s)."""
    with nullcontext(cursor) if cursor is not None else connection.cursor() as cur:
        tables = connection.introspection.table_names(cur)
        quote = connection.ops.quote_name
        counts = {}
        for table in sorted(tables):
            cur.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - introspected names
            counts[table] = cur.fetchone()[0]
        return counts


def _sqlite_dump(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        tables = [r[0] for r in copy.execute(_SQLITE_TABLES)]
        count = 'SELECT COUNT(*) FROM "{}"'  # table names read from sqlite_master
        return {t: copy.execute(count.format(t)).fetchone()[0] for t in tables}
    finally:
        copy.close()


def _sqlite_load(source: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("Restore cannot run inside a transaction.")
    archived = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()


_SQLITE_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
)


def _pg_dump(target: Path) -> dict[str, int]:
    _require("pg_dump")
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur.execute("SELECT pg_export_snapshot()")
        snapshot = cur.fetchone()[0]
        counts = row_counts(cur)
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
    return counts


def _pg_load(source: Path) -> None:
    _require("pg_restore")
    connection.close()  # pg_restore --clean drops tables this connection may hold locks on
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={_pg_settings()['NAME']}",
            str(source),
        ]
    )


def _run(args: list[str]) -> None:
    done = subprocess.run(args, env=_pg_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{args[0]} failed: {done.stderr.strip()[:2000]}")


def _pg_settings() -> dict:
    return connection.settings_dict


def _pg_env() -> dict[str, str]:
    db = _pg_settings()
    env = dict(os.environ)
    pairs = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db.get("NAME"),
    }
    env.update({k: str(v) for k, v in pairs.items() if v})
    return env


def _require(program: str) -> None:
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed: install the PostgreSQL client tools "
            "(Debian: apt-get install postgresql-client) of the server's major version."
        )
