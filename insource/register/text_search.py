"""The register's text search — "title or supplier contains" — through each database's own
index (ADR 0050).

What matches is what always matched: every word typed appears, in any case, somewhere in the
contract's title or its suppliers' names (a substring, not a stemmed word). Only how it is found
changes:

- PostgreSQL: `pg_trgm` trigram GIN indexes on `title || ' ' || supplier_names` (the search)
  and on `supplier_names` (the supplier filter) answer `ILIKE '%word%'` from the index;
- SQLite: an external-content FTS5 table with the `trigram` tokenizer, `register_contract_text`,
  kept in step with `register_contract` by triggers, answers each word of three characters or
  more as a substring `MATCH`; shorter words fall back to `LIKE` (a trigram index cannot hold
  them);
- any other database: `icontains`, as before.

The indexes, the FTS5 table and its triggers are made by migration `register.0009` for the
database in use; `fts_ready()` tells whether the FTS5 table is there (a database migrated by
an older release is searched with `LIKE` until it is migrated).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

FTS_TABLE = "register_contract_text"
TRIGRAM = 3  # the shortest word a trigram index can find
TEXT_EXPR = '("register_contract"."title" || \' \' || "register_contract"."supplier_names")'
SUPPLIER_EXPR = '"register_contract"."supplier_names"'

# --- the schema, for the migration --------------------------------------------------------

POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS contract_text_trgm ON register_contract "
    "USING gin ((title || ' ' || supplier_names) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS contract_suppliers_trgm ON register_contract "
    "USING gin (supplier_names gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS contract_text_trgm",
    "DROP INDEX IF EXISTS contract_suppliers_trgm",
]
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS register_contract_text USING fts5(title, supplier_names, "
    "content='register_contract', content_rowid='id', tokenize='trigram')",
    """CREATE TRIGGER IF NOT EXISTS register_contract_text_insert
        AFTER INSERT ON register_contract BEGIN
        INSERT INTO register_contract_text(rowid, title, supplier_names)
        VALUES (new.id, new.title, new.supplier_names);
    END""",
    """CREATE TRIGGER IF NOT EXISTS register_contract_text_delete
        AFTER DELETE ON register_contract BEGIN
        INSERT INTO register_contract_text(register_contract_text, rowid, title, supplier_names)
        VALUES ('delete', old.id, old.title, old.supplier_names);
    END""",
    """CREATE TRIGGER IF NOT EXISTS register_contract_text_update
        AFTER UPDATE OF id, title, supplier_names ON register_contract BEGIN
        INSERT INTO register_contract_text(register_contract_text, rowid, title, supplier_names)
        VALUES ('delete', old.id, old.title, old.supplier_names);
        INSERT INTO register_contract_text(rowid, title, supplier_names)
        VALUES (new.id, new.title, new.supplier_names);
    END""",
    "INSERT INTO register_contract_text(register_contract_text) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS register_contract_text_insert",
    "DROP TRIGGER IF EXISTS register_contract_text_delete",
    "DROP TRIGGER IF EXISTS register_contract_text_update",
    "DROP TABLE IF EXISTS register_contract_text",
]


SQLITE_DELETE_TRIGGER = SQLITE_CREATE[2]


def empty_index(cursor) -> bool:
    """Before deleting every contract on SQLite: empty the FTS5 index in one statement and drop
    its delete trigger (firing once a row, it makes the delete ~15× slower); returns whether
    `restore_delete_trigger` must follow the delete. For tests' `empty_register`."""
    if connection.vendor != "sqlite" or not fts_ready():
        return False
    cursor.execute("DROP TRIGGER register_contract_text_delete")
    cursor.execute(
        "INSERT INTO register_contract_text(register_contract_text) VALUES ('delete-all')"
    )
    return True


def restore_delete_trigger(cursor) -> None:
    cursor.execute(SQLITE_DELETE_TRIGGER)


@contextmanager
def index_built_after() -> Iterator[None]:
    """For a bulk load into an empty register on SQLite: the FTS5 table's triggers are dropped
    for the load, then made again and the index built from every row at once (`rebuild`, one
    pass, in the caller's transaction), not one row at a time. Anything that fails in between
    rolls back with the transaction, the drop included. Elsewhere, nothing to do: PostgreSQL's
    trigram indexes are ordinary indexes (`bulk.indexes_built_after`)."""
    if connection.vendor != "sqlite" or not fts_ready():
        yield
        return
    with connection.cursor() as cursor:
        for sql in SQLITE_DROP[:3]:
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        for sql in SQLITE_CREATE[1:]:  # the triggers, then the rebuild
            cursor.execute(sql)


def create_schema(schema_editor) -> None:
    """The search's index for the database being migrated (nothing for other vendors, nor for
    a SQLite built without FTS5 or older than 3.34, which has no trigram tokenizer: searched
    with `LIKE`, as `fts_ready()` then says)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite" and not sqlite_has_fts5_trigram(schema_editor.connection):
        return
    for sql in _statements(vendor, create=True):
        schema_editor.execute(sql, params=None)


def sqlite_has_fts5_trigram(conn) -> bool:
    import sqlite3

    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    with conn.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(row[0] == "ENABLE_FTS5" for row in cursor.fetchall())


def drop_schema(schema_editor) -> None:
    for sql in _statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(sql, params=None)


def _statements(vendor: str, *, create: bool) -> list[str]:
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    return []


# --- the queries --------------------------------------------------------------------------


def fts_ready() -> bool:
    """Whether the SQLite FTS5 table is there (made by migration register.0009)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
        )
        return cursor.fetchone() is not None


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(text: str) -> str:
    """`text` as an FTS5 string (a phrase: with the trigram tokenizer, a substring)."""
    return '"' + text.replace('"', '""') + '"'


def _fts_ids(match: str) -> RawSQL:
    # Constant SQL; what was typed is a parameter.
    sql = "SELECT rowid FROM register_contract_text WHERE register_contract_text MATCH %s"
    return RawSQL(sql, [match])  # noqa: S611


def words_filter(queryset: QuerySet, text: str) -> QuerySet:
    """Contracts whose title or suppliers' names contain every word of `text`, in any case."""
    words = text.split()
    if not words:
        return queryset
    vendor = connection.vendor
    if vendor == "postgresql":
        for word in words:
            queryset = queryset.filter(_ilike(TEXT_EXPR, word))
        return queryset
    if vendor == "sqlite" and fts_ready():
        long_words = [w for w in words if len(w) >= TRIGRAM]
        if long_words:
            match = " AND ".join(_fts_phrase(w) for w in long_words)
            queryset = queryset.filter(id__in=_fts_ids(match))
        words = [w for w in words if len(w) < TRIGRAM]
    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(supplier_names__icontains=word))
    return queryset


def supplier_filter(queryset: QuerySet, text: str) -> QuerySet:
    """Contracts whose suppliers' names contain `text` (as typed, spaces and all), in any case."""
    if not text:
        return queryset
    vendor = connection.vendor
    if vendor == "postgresql":
        return queryset.filter(_ilike(SUPPLIER_EXPR, text))
    if vendor == "sqlite" and len(text) >= TRIGRAM and fts_ready():
        return queryset.filter(id__in=_fts_ids("supplier_names : " + _fts_phrase(text)))
    return queryset.filter(supplier_names__icontains=text)


def _ilike(expression: str, text: str) -> RawSQL:
    # `expression` is one of this module's constants; what was typed is a parameter.
    pattern = [_like_pattern(text)]
    return RawSQL(f"{expression} ILIKE %s", pattern, output_field=BooleanField())  # noqa: S611
