"""Bulk writes for screening: new traces (once per hash), new rows, rows whose facts changed."""

from __future__ import annotations

import orjson
from django.db import connection

from insource.core.bulk import insert_adapted
from insource.reviews.models import Screening, ScreeningTrace

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
    and flags as the database takes them)."""
    insert_adapted(Screening, ROW_FIELDS, rows)


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
