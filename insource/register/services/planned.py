"""Writing planned procurements (tender- and planning-only processes) in batches."""

from __future__ import annotations

from insource.core.bulk import insert_rows
from insource.register.importers.records import PlannedRecord, described
from insource.register.models import ImportRun, PlannedProcurement
from insource.register.services.hashing import content_hash

BATCH = 1000
FIELDS = [
    "buyer_id",
    "buyer_name",
    "title",
    "description",
    "cpv_codes",
    "main_cpv",
    "stage",
    "value_amount",
    "value_currency",
    "tender_ends_on",
    "start_on",
    "end_on",
]


class PlannedWriter:
    """Creates new planned procurements, updates changed ones, leaves unchanged ones alone."""

    def __init__(self, *, run: ImportRun):
        self.run = run
        self.num_written = 0
        self.touched: set[int] = set()  # the buyers of what was written (ADR 0046)
        self._pending: dict[str, dict] = {}

    def add(self, record: PlannedRecord, buyer) -> None:
        values = {
            **described(record),
            "buyer_id": buyer.reviewer_id,
            "stage": record.stage,
            "tender_ends_on": record.tender_ends_on,
        }
        values["content_hash"] = content_hash(values)
        self._pending[record.ocid] = values
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, {}
        existing = {p.ocid: p for p in PlannedProcurement.objects.filter(ocid__in=list(batch))}
        new = [(ocid, v) for ocid, v in batch.items() if ocid not in existing]
        insert_rows(
            PlannedProcurement,
            ["ocid", "content_hash", "last_import_id", *FIELDS],
            [(ocid, v["content_hash"], self.run.pk, *(v[f] for f in FIELDS)) for ocid, v in new],
        )
        changed = [
            self._apply(existing[o], v)
            for o, v in batch.items()
            if o in existing and existing[o].content_hash != v["content_hash"]
        ]
        PlannedProcurement.objects.bulk_update(changed, [*FIELDS, "content_hash", "last_import"])
        self.num_written += len(new) + len(changed)
        self.touched.update(v["buyer_id"] for _, v in new)
        self.touched.update(p.buyer_id for p in changed)

    def _apply(self, planned: PlannedProcurement, values: dict) -> PlannedProcurement:
        for field, value in values.items():
            setattr(planned, field, value)
        planned.last_import = self.run
        return planned
