"""Writing contract and planned records into the register, in batches.

New contracts are bulk-created; a changed contract is updated in place with an event listing
what changed; an unchanged one is left alone (same content hash). Fields an officer corrected
keep the officer's value; the imported value is kept in `source_values`.
"""

from __future__ import annotations

import operator
from contextlib import ExitStack
from datetime import date, datetime

from insource.authorities.services.buyers import BuyerResolver, ResolvedBuyer
from insource.core import page_cache
from insource.core.bulk import indexes_built_after, insert_rows
from insource.register.importers.derive import OFFICER_FLAGS, derive, flag_codes
from insource.register.importers.records import (
    ContractRecord,
    ImportIssue,
    PlannedRecord,
    described,
)
from insource.register.models import Contract, ContractEvent, ImportRun
from insource.register.services.hashing import content_hash, plain
from insource.register.services.planned import PlannedWriter
from insource.register.services.suppliers import SupplierResolver, supplier_key
from insource.register.text_search import index_built_after

BATCH = 1000
AUTHORITY_FIELDS = ("buyer_id", "reviewing_authority_id")
TRACKED = (
    "ocid",
    "award_id",
    "buyer_id",
    "reviewing_authority_id",
    "buyer_name",
    "title",
    "description",
    "cpv_codes",
    "main_cpv",
    "nature",
    "nature_source",
    "value_amount",
    "value_currency",
    "value_vat_basis",
    "value_inc_vat",
    "is_value_inc_vat_estimate",
    "awarded_on",
    "start_on",
    "end_on",
    "max_end_on",
    "status",
    "is_framework",
    "is_terminated",
    "supplier_names",
    "quality_flags",
    "flag_codes",
    "needs_officer",
)

_tracked = operator.itemgetter(*TRACKED)

EVENT_FIELDS = [
    "contract_id",
    "kind",
    "at",
    "import_run_id",
    "release_id",
    "released_at",
    "changes",
    "by",
    "reason",
]


class OwnBuyer:
    """Every record's buyer and reviewer is one authority: a register an authority uploads of
    its own contracts (whatever names the file gives)."""

    def __init__(self, authority):
        self.resolved = ResolvedBuyer(authority.pk, authority.pk, False, None)

    def resolve(self, name: str, awarded_on: date | None) -> ResolvedBuyer:
        return self.resolved

    def finish(self) -> None:
        pass


class RegisterWriter:
    """Applies records for one import run; counts created, updated and unchanged, and, when
    asked (`outcomes=True`), keeps what happened to each record (`outcomes`: where, reference,
    title, outcome)."""

    def __init__(
        self, *, run: ImportRun, at: datetime, by: str, vat_rate, on: date, buyer=None,
        outcomes: bool = False,
    ):  # fmt: skip
        self.run, self.at, self.by, self.vat_rate = run, at, by, vat_rate
        self.buyers = OwnBuyer(buyer) if buyer is not None else BuyerResolver(on=on)
        self.keep_outcomes = outcomes
        self.outcomes: list[tuple[str, str, str, str]] = []
        self.suppliers = SupplierResolver()
        self.planned = PlannedWriter(run=run)
        self.warnings: list[ImportIssue] = []
        self.counts = {"created": 0, "updated": 0, "unchanged": 0, "planned": 0}
        self._pending: dict[str, ContractRecord] = {}
        # The authorities whose contracts this run created, changed or took away: their public
        # pages are built again once the import commits (ADR 0046).
        self.touched: set[int] = set()
        # A large first load builds the contracts' indexes once, at the end (`_first_load`).
        self._indexes_later: ExitStack | None = None

    def add(self, record: ContractRecord | PlannedRecord) -> None:
        if isinstance(record, PlannedRecord):
            self.planned.add(record, self.buyers.resolve(record.buyer_name, record.start_on))
            return
        if record.source_key in self._pending:
            self._warn_twice(record)
        self._pending[record.source_key] = record
        if len(self._pending) >= BATCH:
            self.flush()

    def _warn_twice(self, record: ContractRecord) -> None:
        message = f"{record.source_key} appears twice in the file: the later one is kept"
        self.warnings.append(ImportIssue("warning", record.where, "", message))

    def finish(self) -> None:
        self.flush()
        if self._indexes_later is not None:
            self._indexes_later.close()  # the indexes and the text search, built from every row
        self.planned.flush()
        self.counts["planned"] = self.planned.num_written
        self.buyers.finish()
        self.touched |= self.planned.touched
        if self.touched:
            page_cache.changed(authorities=self.touched)

    def flush(self) -> None:
        if not self._pending:
            return
        if self._indexes_later is None:
            self._indexes_later = self._first_load()
        batch, self._pending = list(self._pending.values()), {}
        suppliers = self.suppliers.ids_for([s for r in batch for s in r.suppliers])
        rows = {r.source_key: self._row(r, suppliers) for r in batch}
        existing = {
            c.source_key: c
            for c in Contract.objects.filter(source_key__in=list(rows)).only(
                "id",
                "source_key",
                "content_hash",
                "overrides",
                "source_values",
                "provenance",
                "last_import",
                *TRACKED,
            )
        }
        for key in existing.keys() & rows.keys():
            if existing[key].last_import_id == self.run.pk:  # written earlier in this import
                self._warn_twice(rows[key]["record"])
        self._create([r for k, r in rows.items() if k not in existing])
        self._update([(existing[k], r) for k, r in rows.items() if k in existing])

    def _first_load(self) -> ExitStack:
        """At the first batch: for an import of at least a batch into an empty register, the
        contracts' indexes (but the unique `source_key`, which the writer looks rows up by) and
        the text search are dropped and built again from every row at `finish` (ADR 0059), in
        the import's transaction; building an index at once costs less than keeping it up to
        date row by row. Any other import keeps them as they are."""
        later = ExitStack()
        if len(self._pending) >= BATCH and not Contract.objects.exists():
            later.enter_context(indexes_built_after(Contract, keep_unique=True))
            later.enter_context(index_built_after())
        return later

    def _row(self, record: ContractRecord, supplier_ids: dict[str, int]) -> dict:
        derived = derive(record, vat_rate=self.vat_rate)
        self.warnings.extend(derived.warnings)
        buyer = self.buyers.resolve(record.buyer_name, record.awarded_on or record.start_on)
        flags = derived.quality_flags
        if buyer.needs_confirmation:
            flags.append(
                {
                    "code": "BUYER_NEEDS_CONFIRMATION",
                    "message": f"buyer '{record.buyer_name}' matched with low confidence",
                }
            )
        if buyer.successor_split:
            flags.append(
                {
                    "code": "REVIEWER_TO_CHOOSE",
                    "message": "the buyer was split between successor councils: choose which"
                    " one reviews this contract",
                }
            )
        values = {
            **described(record),
            "ocid": record.ocid,
            "award_id": record.award_id[:200],
            "buyer_id": buyer.buyer_id,
            "reviewing_authority_id": buyer.reviewer_id,
            "nature": derived.nature,
            "nature_source": derived.nature_source,
            "value_vat_basis": record.value_vat_basis,
            "value_inc_vat": derived.value_inc_vat,
            "is_value_inc_vat_estimate": derived.is_value_inc_vat_estimate,
            "awarded_on": record.awarded_on,
            "max_end_on": record.max_end_on or record.end_on,
            "status": record.status[:40],
            "is_framework": derived.is_framework,
            "is_terminated": record.is_terminated,
            "supplier_names": "; ".join(s.name for s in record.suppliers),
            "quality_flags": flags,
            "flag_codes": flag_codes(flags),
            "needs_officer": any(f["code"] in OFFICER_FLAGS for f in flags),
        }
        keys = sorted({supplier_ids[supplier_key(s)] for s in record.suppliers if s.name})
        return {
            "record": record,
            "values": values,
            "supplier_ids": keys,
            "hash": content_hash([values, keys]),
        }

    def _origin(self, record: ContractRecord, field: str) -> dict:
        release = record.field_origins.get(field.removesuffix("_id"), record.release_id)
        return {"import": self.run.pk, "release": release, "source": self.run.format}

    def _create(self, rows: list[dict]) -> None:
        if not rows:
            return
        fields = [
            "source_key",
            "content_hash",
            "last_import_id",
            "provenance",
            "source_values",
            "overrides",
            *TRACKED,
        ]
        insert_rows(
            Contract,
            fields,
            [
                (
                    r["record"].source_key,
                    r["hash"],
                    self.run.pk,
                    self._provenance(r),
                    {},
                    {},
                    *_tracked(r["values"]),
                )
                for r in rows
            ],
        )
        self.touched.update(r["values"][f] for r in rows for f in AUTHORITY_FIELDS)
        keys = [r["record"].source_key for r in rows]
        ids = dict(Contract.objects.filter(source_key__in=keys).values_list("source_key", "pk"))
        insert_rows(
            Contract.suppliers.through,
            ["contract_id", "supplier_id"],
            [(ids[r["record"].source_key], s) for r in rows for s in r["supplier_ids"]],
        )
        insert_rows(
            ContractEvent,
            EVENT_FIELDS,
            [
                self._event_row(ids[r["record"].source_key], r["record"], "imported", {})
                for r in rows
            ],
        )
        self.counts["created"] += len(rows)
        self._note([r["record"] for r in rows], "created")

    def _note(self, records: list[ContractRecord], outcome: str) -> None:
        if self.keep_outcomes:
            self.outcomes.extend((r.where, r.award_id, r.title, outcome) for r in records)

    def _provenance(self, row: dict) -> dict:
        """`*` for what every field came from; a field of its own when a later release set it."""
        record = row["record"]
        provenance = {"*": self._origin(record, "*")}
        for field, release in record.field_origins.items():
            if release != record.release_id:
                provenance[field] = {**provenance["*"], "release": release}
        return provenance

    def _update(self, pairs: list[tuple[Contract, dict]]) -> None:
        changed, events = [], []
        for contract, row in pairs:
            if contract.content_hash == row["hash"]:
                self.counts["unchanged"] += 1
                self._note([row["record"]], "unchanged")
                continue
            self._note([row["record"]], "updated")
            self.touched.update(getattr(contract, f) for f in AUTHORITY_FIELDS)
            changes = self._apply(contract, row)
            self.touched.update(getattr(contract, f) for f in AUTHORITY_FIELDS)
            changed.append(contract)
            events.append(self._event_row(contract.pk, row["record"], "updated", changes))
            self._set_suppliers(contract, row["supplier_ids"])
        if changed:
            fields = [*TRACKED, "content_hash", "last_import", "provenance", "source_values"]
            Contract.objects.bulk_update(changed, fields, batch_size=500)
            insert_rows(ContractEvent, EVENT_FIELDS, events)
        self.counts["updated"] += len(changed)

    def _apply(self, contract: Contract, row: dict) -> dict:
        changes = {}
        for field, new in row["values"].items():
            old = getattr(contract, field)
            if field in contract.overrides:
                contract.source_values[field] = plain(new)
                continue
            if old != new:
                changes[field] = [plain(old), plain(new)]
                setattr(contract, field, new)
                contract.provenance[field] = self._origin(row["record"], field)
        contract.content_hash = row["hash"]
        contract.last_import = self.run
        return changes

    def _set_suppliers(self, contract: Contract, supplier_ids: list[int]) -> None:
        current = sorted(contract.suppliers.values_list("pk", flat=True))
        if current != supplier_ids:
            contract.suppliers.set(supplier_ids)

    def _event_row(self, contract_id: int, record: ContractRecord, kind: str, changes: dict):
        return (
            contract_id,
            kind,
            self.at,
            self.run.pk,
            record.release_id[:300],
            record.released_at[:40],
            changes,
            self.by,
            "",
        )
