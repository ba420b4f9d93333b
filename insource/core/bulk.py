"""Fast multi-row inserts for bulk jobs (imports): one executemany (COPY on PostgreSQL), no
per-object overhead.

Only for plain inserts of values the caller has already validated: no `save()`, no signals.
Works on SQLite and PostgreSQL through Django's connection (and its transaction).
"""

from __future__ import annotations

import orjson
from django.db import connection, models


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
    """INSERT rows (tuples in `fields` order; foreign keys by their `_id` attname)."""
    if not rows:
        return
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    columns = [by_attname[f] for f in fields]
    adapters = [_adapter(f) for f in columns]
    quote = connection.ops.quote_name
    # Table and column names come from the model; every value is a query parameter.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in columns)})"  # noqa: S608
        f" VALUES ({', '.join(['%s'] * len(columns))})"
    )
    # Column by column: each adapter mapped over its column, the rows zipped back together.
    columns_of = list(zip(*rows, strict=True))
    for i, adapt in enumerate(adapters):
        if adapt is not None:
            columns_of[i] = map(adapt, columns_of[i])
    params = zip(*columns_of, strict=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, meta.db_table, [f.column for f in columns], params)
        else:
            cursor.executemany(sql, list(params))


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    """PostgreSQL's COPY: the rows stream to the server in one statement (several times faster
    than one INSERT each, even pipelined), inside the caller's transaction."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
