"""The service that screens the register: `contracts_screen`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime

import orjson
from django.db import connection, transaction

from insource.authorities.models import Authority
from insource.core import bulk
from insource.core.audit import Actor, audit_record
from insource.policy.presets import get_preset
from insource.register.models import Contract, Supplier
from insource.reviews.models import Screening
from insource.reviews.selectors import screening_bulk
from insource.reviews.services import writes
from insource.reviews.services.screener import Result, Screener, version_label
from insource.reviews.services.screening_chunks import ChunkDone, ChunkScreener, Workers

DEFAULT_PRESET = "labour-2019-local"
CHUNK = 20_000  # contracts a chunk: what a worker screens at a time, and a write batch


@dataclass
class ScreeningSummary:
    """What one screening run did: counts, and the outcomes of every contract screened."""

    screened_on: date
    authority: str | None
    screened: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    adopted: int = 0
    classes: int = 0
    traces_created: int = 0
    by_outcome: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    policy_versions: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if not isinstance(v, Counter)}
        data["screened_on"] = self.screened_on.isoformat()
        data["by_outcome"] = dict(sorted(self.by_outcome.items()))
        data["by_status"] = dict(sorted(self.by_status.items()))
        return data


def contracts_screen(
    *,
    on: date,
    by: Actor,
    at: datetime,
    authority: Authority | None = None,
    contract: Contract | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> ScreeningSummary:
    """Screen every contract in the register (or one authority's) on `on`, provisionally.

    Each contract gets the gateway outcome of the policy preset of its reviewing authority (the
    default preset when it has none), stored as a provisional `Screening` with its trace (once
    per distinct trace). Idempotent: a contract already screened on `on` under the same policy
    version is left unchanged, or rewritten if its facts changed. Every contract is screened,
    adopters or not; the row records whether the authority had adopted the policy on `on`.
    With `contract`, only that contract (of its reviewing authority) is screened: an officer
    corrected what screening reads. With `workers` above 1, forked worker processes screen
    chunks of the register while this process reads the next and writes the rows (ADR 0052):
    the rows stored are the same.
    """
    if contract is not None:
        authority = contract.reviewing_authority
    own_transaction = not connection.in_atomic_block
    with _sqlite_bulk_writes(), transaction.atomic():
        run = _Run(on, authority, contract)
        workers = 1 if contract is not None else workers
        run.screen_all(progress or (lambda done: None), workers, own_transaction)
        audit_record(
            by=by,
            at=at,
            action="reviews.screen",
            object_type="reviews.Screening",
            authority=authority,
            after=run.summary.as_json() | ({"contract": contract.pk} if contract else {}),
        )
    return run.summary


@contextmanager
def _sqlite_bulk_writes():
    """On SQLite, outside any transaction, for the run: inserts skip the foreign-key look-ups
    (a third of an insert's cost) and the page cache holds the indexes being filled (256 MB
    rather than 64). Safe: every row points at a contract, authority and trace read or written
    in the run's own transaction, which holds SQLite's only write lock, so none can go missing.
    Elsewhere (PostgreSQL, or inside a caller's transaction, where SQLite cannot switch them
    off) the checks stay."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with bulk.sqlite_page_cache(262144), connection.constraint_checks_disabled():
        yield


def _presets(authorities: dict[int, dict]) -> dict[str, object]:
    names = {a["policy_preset"] or DEFAULT_PRESET for a in authorities.values()}
    return {name: get_preset(name) for name in sorted(names | {DEFAULT_PRESET})}


class _Run:
    """One screening run: the bulk reads, the screening of chunks (here or in workers), and
    the writes, all in this process's transaction."""

    def __init__(self, on: date, authority: Authority | None, contract: Contract | None = None):
        self.on, self.authority = on, authority
        self.authorities = screening_bulk.authorities_by_id(authority)
        self.presets = _presets(self.authorities)
        self.versions = {name: version_label(p) for name, p in self.presets.items()}
        self.contracts = Contract.objects.in_register()
        if authority is not None:
            self.contracts = self.contracts.filter(reviewing_authority=authority)
        if contract is not None:
            self.contracts = self.contracts.filter(pk=contract.pk)
        self.one = contract is not None
        self.summary = ScreeningSummary(on, authority.code if authority else None)
        self.summary.policy_versions = sorted(set(self.versions.values()))
        self.trace_ids = screening_bulk.trace_ids()
        self.results: dict[str, Result] = {}
        self.parts: dict[str, tuple] = {}  # trace hash -> outcome, status, flags, provisional
        self.on_value = writes.adapt_date(on)

    def screen_all(
        self, progress: Callable[[int], None], workers: int, own_transaction: bool = False
    ) -> None:
        """Screen the contracts and write the results. A whole-register run in a transaction
        of its own that is the table's first load (`is_first_load`) builds the table's
        indexes after its rows (ADR 0056): a caller's transaction may hold checks still
        pending on the tables involved, which PostgreSQL will not alter under them."""
        theirs = Supplier.objects.filter(contracts__in=self.contracts).distinct()
        kinds = screening_bulk.supplier_kinds(theirs if self.one else None)
        screener = Screener(self.on, self.presets)
        screener = ChunkScreener(screener, self.authorities, self._plan(), kinds)
        whole = self.authority is None and not self.one
        first = whole and own_transaction and screening_bulk.is_first_load(self.contracts, self.on)
        chunks = screening_bulk.chunks(
            self.contracts,
            on=self.on,
            authority=self.authority,
            size=CHUNK,
            whole=whole,
            stored=not first,
        )
        with bulk.indexes_built_after(Screening) if first else nullcontext():
            for done in Workers(screener, workers).map(chunks):
                self.write(done)
                progress(self.summary.screened)
        progress(self.summary.screened)

    def _plan(self) -> dict[int, tuple[str, str, bool]]:
        """Authority id -> (preset name, policy version, adopted the policy on the date)."""
        plan = {}
        for pk, authority in self.authorities.items():
            preset = authority["policy_preset"] or DEFAULT_PRESET
            plan[pk] = (preset, self.versions[preset], _adopted(authority, self.on))
        return plan

    def write(self, done: ChunkDone) -> None:
        """Count a screened chunk and store its new traces, new rows and changed rows."""
        self.results.update(done.results)
        summary = self.summary
        for (trace_sha, adopted), n in done.counts.items():
            result = self.results[trace_sha]
            summary.screened += n
            summary.by_outcome[result.outcome or result.status] += n
            summary.by_status[result.status] += n
            summary.adopted += n if adopted else 0
        summary.unchanged += done.unchanged
        summary.classes += done.evaluated
        wanted = {r[3] for r in done.new} | {r[3] for _, r in done.changed}
        pending = {h: self.results[h].trace for h in wanted if h not in self.trace_ids}
        summary.traces_created += writes.save_traces(pending, self.trace_ids)
        self._remember(wanted)
        writes.insert_screenings(self._rows(done.new))
        changed = self._rows([row for _, row in done.changed])
        writes.rewrite_screenings(list(zip([pk for pk, _ in done.changed], changed, strict=True)))
        summary.created += len(done.new)
        summary.updated += len(done.changed)

    def _remember(self, trace_hashes: set[str]) -> None:
        """What a stored row takes from its result: outcome, status, flags, provisional."""
        for trace_sha in trace_hashes - self.parts.keys():
            result = self.results[trace_sha]
            flags = orjson.dumps(list(result.flags)).decode()
            self.parts[trace_sha] = (result.outcome, result.status, flags, True)

    def _rows(self, rows: list[tuple]) -> list[tuple]:
        """Screened rows (as `ChunkDone` has them) as stored rows (`writes.ROW_FIELDS`), their
        results' part remembered once per trace."""
        parts, on, ids = self.parts, self.on_value, self.trace_ids
        return [
            (contract, authority, on, version, *parts[sha], adopted, estimate, facts, ids[sha])
            for contract, authority, version, sha, adopted, estimate, facts in rows
        ]


def _adopted(authority: dict, on: date) -> bool:
    adopted_on = authority["policy_adopted_on"]
    return adopted_on is not None and adopted_on <= on
