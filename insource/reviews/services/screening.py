"""The service that screens the register: `contracts_screen`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction

from insource.authorities.models import Authority
from insource.core.audit import Actor, audit_record
from insource.policy.presets import get_preset
from insource.register.models import Contract
from insource.reviews.facts import contract_facts
from insource.reviews.selectors import screening_bulk
from insource.reviews.services import writes
from insource.reviews.services.screener import Screener, version_label

DEFAULT_PRESET = "labour-2019-local"
FLUSH = 20_000


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
) -> ScreeningSummary:
    """Screen every contract in the register (or one authority's) on `on`, provisionally.

    Each contract gets the gateway outcome of the policy preset of its reviewing authority (the
    default preset when it has none), stored as a provisional `Screening` with its trace (once
    per distinct trace). Idempotent: a contract already screened on `on` under the same policy
    version is left unchanged, or rewritten if its facts changed. Every contract is screened,
    adopters or not; the row records whether the authority had adopted the policy on `on`.
    With `contract`, only that contract (of its reviewing authority) is screened: an officer
    corrected what screening reads.
    """
    if contract is not None:
        authority = contract.reviewing_authority
    with transaction.atomic():
        run = _Run(on, authority, contract)
        run.screen_all(progress or (lambda done: None))
        audit_record(
            by=by,
            at=at,
            action="reviews.screen",
            object_type="reviews.Screening",
            authority=authority,
            after=run.summary.as_json() | ({"contract": contract.pk} if contract else {}),
        )
    return run.summary


def _presets(authorities: dict[int, dict]) -> dict[str, object]:
    names = {a["policy_preset"] or DEFAULT_PRESET for a in authorities.values()}
    return {name: get_preset(name) for name in sorted(names | {DEFAULT_PRESET})}


class _Run:
    """One screening run: the bulk reads, the screening loop and the batched writes."""

    def __init__(self, on: date, authority: Authority | None, contract: Contract | None = None):
        self.on = on
        self.authorities = screening_bulk.authorities_by_id(authority)
        self.presets = _presets(self.authorities)
        self.versions = {name: version_label(p) for name, p in self.presets.items()}
        self.screener = Screener(on, self.presets)
        self.contracts = Contract.objects.in_register()
        if authority is not None:
            self.contracts = self.contracts.filter(reviewing_authority=authority)
        if contract is not None:
            self.contracts = self.contracts.filter(pk=contract.pk)
        self.one = contract is not None
        self.summary = ScreeningSummary(on, authority.code if authority else None)
        self.summary.policy_versions = sorted(set(self.versions.values()))
        self.existing = screening_bulk.existing(on, authority)
        self.trace_ids, self.pending_traces = screening_bulk.trace_ids(), {}
        self.rows, self.updates = [], []

    def screen_all(self, progress: Callable[[int], None]) -> None:
        parties = screening_bulk.counterparties(self.contracts, only_theirs=self.one)
        for contract in screening_bulk.contract_rows(self.contracts):
            self.screen_one(contract, parties.get(contract["id"]))
            if len(self.rows) + len(self.updates) >= FLUSH:
                self.flush()
                progress(self.summary.screened)
        self.flush()
        progress(self.summary.screened)
        self.summary.classes = self.screener.num_evaluated

    def screen_one(self, contract: dict, counterparty: str | None) -> None:
        authority = self.authorities[contract["reviewing_authority_id"]]
        preset = authority["policy_preset"] or DEFAULT_PRESET
        facts = contract_facts(
            contract, authority, on=self.on, preset=preset, counterparty=counterparty
        )
        result, facts_sha = self.screener.screen(facts)
        self._count(authority, result)
        known = self.existing.get((contract["id"], self.versions[preset]))
        if known is not None and known[0] == facts_sha:
            self.summary.unchanged += 1
            return
        if result.trace_sha256 not in self.trace_ids:
            self.pending_traces[result.trace_sha256] = result.trace
        row = self._row(contract, authority, preset, result, facts_sha)
        if known is None:
            self.rows.append(row)
        else:
            self.updates.append((known[1], row))

    def _count(self, authority: dict, result) -> None:
        self.summary.screened += 1
        self.summary.by_outcome[result.outcome or result.status] += 1
        self.summary.by_status[result.status] += 1
        self.summary.adopted += _adopted(authority, self.on)

    def _row(self, contract, authority, preset, result, facts_sha) -> tuple:
        return (
            contract["id"],
            authority["id"],
            self.on,
            self.versions[preset],
            result.outcome,
            result.status,
            list(result.flags),
            True,
            _adopted(authority, self.on),
            contract["is_value_inc_vat_estimate"],
            facts_sha,
            result.trace_sha256,
        )

    def flush(self) -> None:
        self.summary.traces_created += writes.save_traces(self.pending_traces, self.trace_ids)
        self.summary.created += len(self.rows)
        self.summary.updated += len(self.updates)
        writes.save_rows(self.rows, self.trace_ids)
        if self.updates:
            writes.update_rows(self.updates, self.trace_ids)


def _adopted(authority: dict, on: date) -> bool:
    adopted_on = authority["policy_adopted_on"]
    return adopted_on is not None and adopted_on <= on
