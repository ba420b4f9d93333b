"""Bulk writes for screening: new traces (once per hash), new rows, rows whose facts changed."""

from __future__ import annotations

import orjson

from insource.core.bulk import insert_rows
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
UPDATE_FIELDS = [f.removesuffix("_id") for f in ROW_FIELDS[4:]]


def save_traces(pending: dict[str, bytes], ids: dict[str, int]) -> int:
    """Store the traces not stored yet; fill `ids` with their row ids. Returns how many."""
    new = [ScreeningTrace(sha256=h, trace=orjson.loads(t)) for h, t in pending.items()]
    ScreeningTrace.objects.bulk_create(new, batch_size=500)
    ids.update({t.sha256: t.pk for t in new})
    pending.clear()
    return len(new)


def save_rows(rows: list[tuple], trace_ids: dict[str, int]) -> None:
    """Insert new screening rows; the last column holds the trace hash, swapped for its id."""
    insert_rows(Screening, ROW_FIELDS, [(*r[:-1], trace_ids[r[-1]]) for r in rows])
    rows.clear()


def update_rows(updates: list[tuple[int, tuple]], trace_ids: dict[str, int]) -> None:
    """Rewrite the rows of contracts whose facts changed since they were screened that day."""
    objs = []
    for pk, row in updates:
        values = dict(zip(ROW_FIELDS, (*row[:-1], trace_ids[row[-1]]), strict=True))
        obj = Screening(pk=pk, **values)
        objs.append(obj)
    Screening.objects.bulk_update(objs, UPDATE_FIELDS, batch_size=500)
    updates.clear()
