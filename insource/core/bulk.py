"""Fast multi-row inserts for bulk jobs (imports, screening): COPY on PostgreSQL, statements of
many rows each on SQLite, no per-object overhead.

Only for plain inserts of values the caller has already validated: no `save()`, no signals.
Works on SQLite and PostgreSQL through Django's connection (and its transaction).
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain

import orjson
from django.db import connection, models

MANY = 500  # rows in one SQLite INSERT statement, at most (and within the parameter limit)


@contextmanager
def start_up_heap_frozen() -> Iterator[None]:
    """Python's cycle collector leaves alone what was alive before the bulk job (Django's
    settings, models, URL patterns, compiled schemas...) while the job runs: every full
    collection walked all of it again (a tenth of an import's CPU). What the job itself makes is
    still collected; everything is thawed after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def sqlite_page_cache(kib: int) -> Iterator[None]:
    """On SQLite, the connection's page cache set to `kib` KiB while a bulk job runs, then put
    back as it was (screening raises it for the indexes it fills; an import lowers it, its
    memory being two processes'); elsewhere nothing."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _json_text(value) -> str | None:
    """JSON as text: what Django stores for a JSONField, encoded by orjson (faster)."""
    return None if value is None else orjson.dumps(value).decode()


def _adapter(field: models.Field):
    """The backend's own adaptation for the field types that need one, else None (native)."""
    ops = connection.ops
    if isinstance(field, models.JSONField) and field.encoder is None:
        return _json_text
    if isinstance(field, models.JSONField):
        return lambda v: ops.adapt_json_value(v, field.encoder)
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    return None


def insert_rows(model: type[models.Model], fields: list[str], rows: list[tuple]) -> None:
    """INSERT rows (tuples in `fields` order; foreign keys by their `_id` attname), each value
    adapted as the backend adapts the field's type."""
    if not rows:
        return
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    adapters = [_adapter(by_attname[f]) for f in fields]
    # Column by column: each adapter mapped over its column, the rows zipped back together.
    columns_of = list(zip(*rows, strict=True))
    for i, adapt in enumerate(adapters):
        if adapt is not None:
            columns_of[i] = map(adapt, columns_of[i])
    insert_adapted(model, fields, list(zip(*columns_of, strict=True)))


def insert_adapted(model: type[models.Model], fields: list[str], rows: list[tuple]) -> None:
    """INSERT rows whose values are already as the database driver takes them (dates adapted,
    JSON as text): COPY on PostgreSQL; on SQLite, statements of many rows each (a statement
    per row costs about 40% more: each runs the VM and the AUTOINCREMENT bookkeeping once)."""
    if not rows:
        return
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    columns = [by_attname[f].column for f in fields]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, meta.db_table, columns, rows)
        else:
            # A plain sqlite3 cursor: Django's own rewrites `%s` to `?` with a regular
            # expression over every statement, a scan of each 500-row INSERT's text (about
            # 2 s of CPU a million rows).
            raw = connection.connection.cursor()
            try:
                _many_rows(raw, meta.db_table, columns, rows)
            finally:
                raw.close()


def _many_rows(raw, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Multi-row INSERTs through a plain sqlite3 cursor (`?` parameters)."""
    quote = connection.ops.quote_name
    # Table and column names come from the model; every value is a query parameter.
    head = f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES "  # noqa: S608
    width = len(columns)
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


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    """PostgreSQL's COPY: the rows stream to the server in one statement (several times faster
    than one INSERT each, even pipelined), inside the caller's transaction."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


@contextmanager
def indexes_built_after(model: type[models.Model], *, keep_unique: bool = False) -> Iterator[None]:
    """For a bulk load into a table that is empty or nearly so: the table's secondary indexes
    are dropped for the load and built again afterwards from their own stored definitions, in
    the caller's transaction (ADR 0056). Building an index from all its rows at once (sorted)
    is several times cheaper than keeping it up to date row by row.

    On PostgreSQL the unique and foreign-key constraints go too (a deferred foreign key queues
    a check for every row, run at commit) and are added back, which checks every row once, in
    one query each; the session's `maintenance_work_mem` is raised for the builds. On SQLite
    the indexes created with `CREATE INDEX` go; a unique constraint written into the table's
    own definition cannot be dropped and stays. The primary key stays on both.

    Nothing is lost: a row that breaks a unique or foreign-key constraint fails the rebuild,
    and the caller's transaction with it. On PostgreSQL the table is locked against readers
    until the transaction ends, and neither it nor the tables its foreign keys refer to may
    have foreign-key checks still pending in the transaction (PostgreSQL will not alter a table
    that has): use it early in a transaction of its own.

    `keep_unique`: the unique constraints (and their indexes) stay, for a load that looks rows
    up by them as it goes (an import finds what it already wrote by `source_key`)."""
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        drops, builds = _postgres_indexes(table, keep_unique=keep_unique)
    else:
        drops, builds = _sqlite_indexes(table)
    with connection.cursor() as cursor:
        for sql in drops:
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in builds:
            cursor.execute(sql)


def _postgres_indexes(table: str, *, keep_unique: bool) -> tuple[list[str], list[str]]:
    """The statements that drop the table's unique and foreign-key constraints and its other
    indexes but the primary key, and those that make them again as they were (indexes and
    unique constraints first, then the foreign keys)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = ANY(%s) "
            "ORDER BY contype DESC, conname",
            [quote(table), ["f"] if keep_unique else ["u", "f"]],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
            "AND k.conrelid = i.indrelid) ORDER BY c.relname",
            [quote(table)],
        )
        indexes = cursor.fetchall()
    alter = f"ALTER TABLE {quote(table)}"
    drops = [f"{alter} DROP CONSTRAINT {quote(name)}" for name, _, _ in constraints]
    drops += [f"DROP INDEX {quote(name)}" for name, _ in indexes]
    builds = [sql for _, sql in indexes]
    builds += [f"{alter} ADD CONSTRAINT {quote(name)} {sql}" for name, sql, _ in constraints]
    return drops, builds


def _sqlite_indexes(table: str) -> tuple[list[str], list[str]]:
    """The statements that drop the table's `CREATE INDEX` indexes, and those that make them
    again as they were."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
            "AND sql IS NOT NULL ORDER BY name",
            [table],
        )
        indexes = cursor.fetchall()
    quote = connection.ops.quote_name
    return [f"DROP INDEX {quote(name)}" for name, _ in indexes], [sql for _, sql in indexes]
