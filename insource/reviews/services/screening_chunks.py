"""Screen the register chunk by chunk, in worker processes (pure: plain rows in, plain rows out).

A chunk is a run of contracts in id order with their supplier links and the screening rows
already stored for them on the date; `ChunkScreener.screen` turns it into the rows to insert,
the rows to rewrite (facts changed) and counts, without touching the database, so the one
writer (the service) keeps the whole run in one transaction. `Workers` screens chunks in
forked processes (ADR 0052), handing results back in chunk order, so the rows written are
the same, in the same order, whatever the number of workers.

Per contract, the work is what does not repeat: the facts of a *family* (the contract's facts
but its value and end date, `Screener.family`) are built, serialised and read by the engine once
per distinct (authority, nature, framework flag, CPV codes, counterparty, value known); each
contract then costs a band look-up, the class memo and its facts hash (`Screener.screen_in`).
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby

import orjson

from insource.reviews.facts import contract_facts, counterparty_of
from insource.reviews.services.screener import Result, Screener

CONTRACT_COLUMNS = (
    "id",
    "reviewing_authority_id",
    "nature",
    "is_framework",
    "cpv_codes",
    "main_cpv",
    "value_inc_vat",
    "is_value_inc_vat_estimate",
    "end_on",
)


@dataclass
class Chunk:
    """Contracts (rows in `CONTRACT_COLUMNS` order, by id; the end date as ISO text, the value
    as the driver gives it or as exact text), their (contract id, supplier id) links by
    contract, and their stored screenings on the date (contract id, policy version, facts
    hash, row id)."""

    contracts: list[tuple]
    links: list[tuple[int, int]]
    existing: list[tuple[int, str, str, int]]


@dataclass
class ChunkDone:
    """A screened chunk. Rows are (contract id, authority id, policy version, trace hash,
    policy adopted, value is an estimate, facts hash); `changed` pairs a stored row's id with
    its new row; `results` holds each result the first time this process produced it (by trace
    hash); `counts` is how many contracts got each (trace hash, policy adopted)."""

    new: list[tuple] = field(default_factory=list)
    changed: list[tuple[int, tuple]] = field(default_factory=list)
    results: dict[str, Result] = field(default_factory=dict)
    counts: dict[tuple[str, bool], int] = field(default_factory=dict)
    unchanged: int = 0
    evaluated: int = 0


def plain_contract(row: tuple) -> dict:
    """A contract row as screening's facts read it, the same on both databases."""
    values = dict(zip(CONTRACT_COLUMNS, row, strict=True))
    codes = values["cpv_codes"]
    values["cpv_codes"] = orjson.loads(codes) if isinstance(codes, str | bytes) else codes
    if isinstance(values["value_inc_vat"], str):
        values["value_inc_vat"] = Decimal(values["value_inc_vat"])
    end = values["end_on"]
    values["end_on"] = date.fromisoformat(end) if isinstance(end, str) else end
    values["is_framework"] = bool(values["is_framework"])
    values["is_value_inc_vat_estimate"] = bool(values["is_value_inc_vat_estimate"])
    return values


class ChunkScreener:
    """Screens chunks on one date: remembers families, classes and the results it has sent."""

    def __init__(
        self,
        screener: Screener,
        authorities: Mapping[int, dict],
        plan: Mapping[int, tuple[str, str, bool]],
        kinds: Mapping[int, str],
    ):
        self.screener, self.authorities, self.plan, self.kinds = screener, authorities, plan, kinds
        self.families: dict[tuple, object] = {}
        self.sent: set[str] = set()

    def screen(self, chunk: Chunk) -> ChunkDone:
        done, before = ChunkDone(), self.screener.num_evaluated
        parties = self._parties(chunk.links)
        existing = {(c, v): (h, i) for c, v, h, i in chunk.existing}
        screen_in, families, plan = self.screener.screen_in, self.families, self.plan
        counts, sent, results = done.counts, self.sent, done.results
        for row in chunk.contracts:
            cid, aid, nature, framework, codes, main, value, estimate, ends = row
            party = parties.get(cid)
            if value is not None:
                value = f"{Decimal(value) if value.__class__ is str else value:.2f}"
            if codes.__class__ is list:
                codes = tuple(codes)
            key = (aid, nature, framework, main, codes, party, value is None)
            family = families.get(key)
            if family is None:
                family = families[key] = self.screener.family(self._facts(row, party))
            whole = lambda r=row, p=party: self._facts(r, p)  # noqa: E731 - only on a class miss
            result, facts_sha = screen_in(family, value, ends, whole)
            preset, version, adopted = plan[aid]
            trace_sha = result.trace_sha256
            counts[trace_sha, adopted] = counts.get((trace_sha, adopted), 0) + 1
            if trace_sha not in sent:
                sent.add(trace_sha)
                results[trace_sha] = result
            known = existing.get((cid, version))
            if known is not None and known[0] == facts_sha:
                done.unchanged += 1
                continue
            out = (cid, aid, version, trace_sha, adopted, bool(estimate), facts_sha)
            if known is None:
                done.new.append(out)
            else:
                done.changed.append((known[1], out))
        done.evaluated = self.screener.num_evaluated - before
        return done

    def _facts(self, row: tuple, party: str | None) -> dict:
        contract = plain_contract(row)
        authority = self.authorities[contract["reviewing_authority_id"]]
        preset = self.plan[contract["reviewing_authority_id"]][0]
        return contract_facts(
            contract, authority, on=self.screener.on, preset=preset, counterparty=party
        )

    def _parties(self, links: list[tuple[int, int]]) -> dict[int, str]:
        """Contract id -> counterparty type, when every supplier's type is known: only the
        contracts with at least one supplier of known type are looked at closely."""
        kinds, found = self.kinds, {}
        maybe = {c for c, s in links if s in kinds}
        if not maybe:
            return found
        theirs = [link for link in links if link[0] in maybe]
        for contract_id, group in groupby(theirs, key=lambda r: r[0]):
            party = counterparty_of(kinds.get(supplier_id) for _, supplier_id in group)
            if party is not None:
                found[contract_id] = party
        return found


_WORKER: ChunkScreener | None = None


def _screen_in_worker(chunk: Chunk) -> ChunkDone:
    return _WORKER.screen(chunk)


class Workers:
    """Screens chunks in `count` forked processes, or in this one when `count` is 1, and yields
    the results in chunk order. Chunks are drawn from the iterable in this process (it may read
    the database) while the workers screen the ones before; a few are kept in flight. The
    first chunk is screened here, before the workers start."""

    def __init__(self, screener: ChunkScreener, count: int):
        self.screener, self.count = screener, max(1, count)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkDone]:
        chunks = iter(chunks)
        if self.count == 1:
            yield from map(self.screener.screen, chunks)
            return
        # The first chunk is screened here: the workers are forked knowing its families and
        # classes (most of the register's), so they do not each run the engine for them again.
        first = next(chunks, None)
        if first is None:
            return
        yield self.screener.screen(first)
        global _WORKER  # noqa: PLW0603 - handed to the forked workers, which inherit it
        _WORKER = self.screener
        gc.freeze()  # the workers' collector leaves inherited objects (and their pages) alone
        try:
            pool = multiprocessing.get_context("fork").Pool(self.count, _default_signals)
            with pool:
                pending = deque()
                for chunk in chunks:
                    pending.append(pool.apply_async(_screen_in_worker, (chunk,)))
                    if len(pending) > self.count:
                        yield pending.popleft().get()
                while pending:
                    yield pending.popleft().get()
        finally:
            _WORKER = None
            gc.unfreeze()


def _default_signals() -> None:
    """A forked worker stops when told: the pool ends its workers with SIGTERM, and a handler
    the parent had (the task worker's graceful stop, when screening runs as a job) would
    otherwise be inherited, keep the worker waiting on the pool's queue and the pool's exit
    waiting on the worker for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
