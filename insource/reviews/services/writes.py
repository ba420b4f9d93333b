"""Bulk writes for screening: new traces (once per hash), new rows, rows whose facts changed."""

from __future__ import annotations

import sqlite3
from itertools import chain

import orjson
from django.db import connection

from insource.reviews.models import Screening, ScreeningTrace

MANY = 500  # rows in one SQLite INSERT statement (at most the driver's parameter limit allows)
ROW_FIELDS = [
    "contract_id",
    "authority_id",
    "screened_on",
    "policy_version",
    "outcome",
    "status",
    "flags",
    "is_provisional",
    "is_policy_adopted",
    "is_value_estimate",
    "facts_sha256",
    "trace_id",
]


def save_traces(pending: dict[str, bytes], ids: dict[str, int]) -> int:
    """Store the traces not stored yet; fill `ids` with their row ids. Returns how many."""
    new = [ScreeningTrace(sha256=h, trace=orjson.loads(t)) for h, t in pending.items()]
    ScreeningTrace.objects.bulk_create(new, batch_size=500)
    ids.update({t.sha256: t.pk for t in new})
    pending.clear()
    return len(new)


def insert_screenings(rows: list[tuple]) -> None:
    """Insert screening rows (tuples in `ROW_FIELDS` order, values already adapted: the date
    and flags as the database takes them): COPY on PostgreSQL; on SQLite, statements of many
    rows each (a statement per row costs 40% more: each runs the VM and the AUTOINCREMENT
    bookkeeping once)."""
    if not rows:
        return
    table = connection.ops.quote_name(Screening._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(_column(f)) for f in ROW_FIELDS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        head = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 - names from the model
        _sqlite_insert(cursor.cursor, head, rows)


def _sqlite_insert(raw, head: str, rows: list[tuple]) -> None:
    """Multi-row INSERTs through the driver's own cursor (`?` parameters)."""
    width = len(ROW_FIELDS)
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(MANY, limit // width))
    one = "(" + ", ".join(["?"] * width) + ")"
    full = len(rows) - len(rows) % per
    if full:
        sql = head + ", ".join([one] * per)
        for start in range(0, full, per):
            raw.execute(sql, list(chain.from_iterable(rows[start : start + per])))
    if full < len(rows):
        raw.executemany(head + one, rows[full:])


def rewrite_screenings(updates: list[tuple[int, tuple]]) -> None:
    """Rewrite stored rows (row id, new row as for `insert_screenings`) whose facts changed."""
    if not updates:
        return
    table = connection.ops.quote_name(Screening._meta.db_table)
    fields = ROW_FIELDS[4:]
    sets = ", ".join(f"{connection.ops.quote_name(_column(f))} = %s" for f in fields)
    params = [(*row[4:], pk) for pk, row in updates]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {sets} WHERE id = %s", params)  # noqa: S608


def adapt_date(on) -> object:
    """A date as the database driver takes it in these writes."""
    return connection.ops.adapt_datefield_value(on)


def _column(name: str) -> str:
    return Screening._meta.get_field(name.removesuffix("_id")).column
