"""Applying one Find a Tender page to the register, all or nothing (ADR 0030).

The Procurement Act notice type (the UK extension's `noticeType` on the document whose id is the
release id) decides what a release does:

- UK6 contract award, UK7 contract details and releases without a notice type (older regime)
  that carry awards: the ocid's stored releases are merged (ocdsmerge, as the file importer
  does) and written by `RegisterWriter`: the contract is created or completed (UK7 adds the
  contract's id to the award's key), its published KPIs kept on it.
- UK1 pipeline, UK2 market engagement, UK3 planned procurement and UK4 tender: merged the same
  way; a process without awards is a planned procurement.
- UK10 contract change: end dates, value and suppliers of the contract the register holds change,
  with a `ContractEvent` listing old and new; an officer's correction wins.
- UK11 contract termination: the contract is terminated (date and reason as published) and
  `contract_terminated` is sent: the reviews app opens a review at once for adopters.
- UK12 procurement termination: the planned procurement is closed.
- UK5, UK9, UK13 and anything else: stored and counted, nothing else.

A release already stored (from an earlier page or pull) is skipped and counted; any error in
the page raises `PageRejected` inside the transaction, so a bad page changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import orjson
from django.db import transaction

from insource.core.audit import Actor
from insource.register.importers.checks import FieldError, parse_date, parse_money
from insource.register.importers.fields import RecordErrors
from insource.register.importers.ocds import _records_for, _sort_date, schema_warnings
from insource.register.importers.ocds_map import _supplier
from insource.register.importers.ocds_read import check_release, encode_release, release_where
from insource.register.importers.records import ContractRecord, ImportIssue, PlannedRecord
from insource.register.models import (
    Contract,
    ContractEvent,
    FeedPull,
    FeedRelease,
    FeedSource,
    ImportRun,
    PlannedProcurement,
)
from insource.register.services.hashing import plain
from insource.register.services.suppliers import SupplierResolver, supplier_key
from insource.register.services.vat import vat_rate_on
from insource.register.services.writer import RegisterWriter
from insource.register.signals import contract_terminated

SOURCE = "find-a-tender"
MERGED_TYPES = {"UK1", "UK2", "UK3", "UK4", "UK6", "UK7", ""}
CHANGE, TERMINATION, PROCUREMENT_TERMINATION = "UK10", "UK11", "UK12"
NOT_A_CONTRACT = {"cancelled", "unsuccessful"}
COUNTS = (
    "created",
    "updated",
    "unchanged",
    "planned",
    "closed",
    "duplicates_skipped",
    "terminated",
    "reviews_opened",
)


class PageRejected(Exception):
    """Raised inside the page's transaction: nothing of the page is written."""


@dataclass
class PageResult:
    releases: int = 0
    counts: Counter = field(default_factory=Counter)
    notice_types: Counter = field(default_factory=Counter)
    warnings: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)


def notice_type(release: dict) -> str:
    """The UK extension's noticeType of the release's own document ('' when there is none)."""
    holders = [release.get("tender"), release.get("planning")]
    holders += list(release.get("awards") or []) + list(release.get("contracts") or [])
    for holder in holders:
        for doc in (holder or {}).get("documents") or [] if isinstance(holder, dict) else []:
            if isinstance(doc, dict) and doc.get("id") == release.get("id"):
                return str(doc.get("noticeType") or "")[:10]
    return ""


def feed_page_apply(
    *,
    source: FeedSource,
    pull: FeedPull,
    label: str,
    package: dict,
    validate: bool,
    by: Actor,
    at: datetime,
    on: date,
) -> PageResult:
    """Apply one release package all or nothing; the result says what it did or why not."""
    result = PageResult()
    try:
        with transaction.atomic():
            _apply(result, source, pull, label, package, validate, by=by, at=at, on=on)
    except PageRejected:
        result.counts = Counter()
    return result


def _apply(result, source, pull, label, package, validate, *, by, at, on) -> None:
    releases = package.get("releases")
    if not isinstance(releases, list):
        result.errors.append(ImportIssue("error", label, "releases", _NO_RELEASES))
        raise PageRejected
    result.releases = len(releases)
    fresh = _fresh_releases(result, source, label, releases, validate)
    if result.errors:
        raise PageRejected
    run = ImportRun.objects.create(
        started_at=at,
        source=label[:500],
        source_sha256=hashlib.sha256(orjson.dumps(package)).hexdigest(),
        format=SOURCE,
        status=ImportRun.Status.SUCCEEDED,
        by=by.label,
    )
    FeedRelease.objects.bulk_create(
        [
            FeedRelease(
                source=source,
                ocid=r["ocid"],
                release_id=str(r["id"])[:300],
                notice_type=kind,
                released_at=str(r["date"])[:40],
                body=r,
                pull=pull,
            )
            for r, kind in fresh
        ]
    )
    writer = RegisterWriter(run=run, at=at, by=by.label, vat_rate=vat_rate_on(on), on=on)
    merged = sorted({r["ocid"] for r, kind in fresh if kind in MERGED_TYPES})
    kpis = _write_merged(result, source, merged, writer)
    if result.errors:
        raise PageRejected
    writer.finish()
    result.warnings.extend(writer.warnings)
    for name in ("created", "updated", "unchanged", "planned"):
        result.counts[name] += writer.counts[name]
    _keep_kpis(kpis)
    for release, kind in sorted(fresh, key=lambda pair: str(pair[0]["date"])):
        where = f"{label}: release {release['id']} ({release['ocid']})"
        if kind == CHANGE:
            _change(result, release, where, run, by=by, at=at)
        elif kind == TERMINATION:
            _terminate(result, release, where, run, by=by, at=at, on=on)
        elif kind == PROCUREMENT_TERMINATION:
            _close_planned(result, release, where, by=by, at=at)
    if result.errors:
        raise PageRejected
    run.num_created, run.num_updated = result.counts["created"], result.counts["updated"]
    run.num_unchanged, run.num_planned = result.counts["unchanged"], result.counts["planned"]
    run.warnings = [w.as_dict() for w in result.warnings[:1000]]
    run.finished_at = at
    run.save()


_NO_RELEASES = "is not a release package: it has no `releases` array"


def _fresh_releases(result, source, label, releases, validate) -> list[tuple[dict, str]]:
    """The page's releases not seen before, with their notice types; errors for bad ones."""
    keys = {(r.get("ocid"), str(r.get("id"))) for r in releases if isinstance(r, dict)}
    stored = set(
        FeedRelease.objects.filter(
            source=source, ocid__in={ocid for ocid, _ in keys if isinstance(ocid, str)}
        ).values_list("ocid", "release_id")
    )
    fresh, seen = [], set()
    for index, release in enumerate(releases):
        where = f"{label}: {release_where(release, index)}"
        problems = check_release(release, where)
        if not problems:
            body, problems = encode_release(release, where)
            problems += _date_problems(release, where)
        if problems:
            result.errors.extend(problems)
            continue
        release = orjson.loads(body)  # as the file importer stores it (a huge number is null)
        key = (release["ocid"], str(release["id"])[:300])
        if key in stored or key in seen:
            result.counts["duplicates_skipped"] += 1
            continue
        seen.add(key)
        kind = notice_type(release)
        result.notice_types[kind or "none"] += 1
        if validate:
            result.warnings.extend(schema_warnings(release, where))
        fresh.append((release, kind))
    return fresh


def _date_problems(release: dict, where: str) -> list[ImportIssue]:
    try:
        datetime.fromisoformat(str(release["date"]).replace("Z", "+00:00"))
    except ValueError:
        message = f"'{release['date']}' is not a date-time: releases merge by date"
        return [ImportIssue("error", where, "date", message)]
    return []


def _write_merged(result, source, ocids, writer) -> dict[str, list]:
    """Merge each ocid's stored releases and hand the records to the writer; the KPIs
    published on each contract (by its source key)."""
    kpis: dict[str, list] = {}
    stored: dict[str, list[dict]] = {}
    rows = FeedRelease.objects.filter(source=source, ocid__in=ocids).exclude(
        notice_type=PROCUREMENT_TERMINATION  # its cancelled awards are no contracts
    )
    terminated: set[tuple[str, str]] = set()  # (ocid, award id) a UK11 terminated
    for row in rows.order_by("ocid", "released_at", "id"):
        stored.setdefault(row.ocid, []).append(row.body)
        if row.notice_type == TERMINATION:
            terminated |= {
                (row.ocid, str(c.get("awardID"))) for c in _published_contracts(row.body)
            }
    held = set(Contract.objects.filter(ocid__in=ocids).values_list("source_key", flat=True))
    for ocid in ocids:
        releases = sorted(stored.get(ocid, []), key=lambda r: _sort_date(r["date"]))
        for record in _merged_records(ocid, releases, result.warnings):
            if isinstance(record, RecordErrors):
                result.errors.extend(record.issues)
            elif isinstance(record, PlannedRecord):
                if not any(key.startswith(f"ocds:{ocid}:") for key in held):
                    writer.add(record)
            elif _is_contract(record, held):
                _complete(record, held)
                if (ocid, record.award_id) in terminated:  # merged, the tag says "compiled"
                    record.is_terminated, record.status = True, "terminated"
                writer.add(record)
        for release in releases:
            for contract in release.get("contracts") or []:
                if isinstance(contract, dict) and contract.get("agreedMetrics"):
                    key = f"ocds:{ocid}:{contract.get('awardID')}:{contract.get('id')}"
                    kpis[key] = contract["agreedMetrics"]
    return kpis


def _merged_records(ocid: str, releases: list[dict], warnings: list[ImportIssue]) -> list:
    """The records of the ocid's merged releases; when the publisher's releases of one ocid
    cannot be merged (a field an object in one, an array in the next: seen in the real feed),
    the latest release on its own, with a warning, so one inconsistency never stops the feed."""
    records = list(_records_for(ocid, releases, warnings))
    merge_errors = [
        issue
        for r in records
        if isinstance(r, RecordErrors)
        for issue in r.issues
        if issue.field == "merge"
    ]
    if not merge_errors or len(releases) < 2:
        return records
    latest = releases[-1]
    warnings.append(
        ImportIssue(
            "warning",
            merge_errors[0].where,
            "merge",
            f"{merge_errors[0].message.split(': a field')[0]}: release {latest['id']} is"
            " read on its own",
        )
    )
    return list(_records_for(ocid, [latest], warnings))


def _is_contract(record: ContractRecord, held: set[str]) -> bool:
    """A cancelled or unsuccessful award (a procurement termination) is no contract."""
    return record.source_key in held or record.status not in NOT_A_CONTRACT


def _complete(record: ContractRecord, held: set[str]) -> None:
    """A contract details notice (UK7) completes the contract its award notice (UK6) created:
    the award's key gains the contract's id, so it stays one contract."""
    award_key = f"ocds:{record.ocid}:{record.award_id}"
    if record.source_key != award_key and record.source_key not in held and award_key in held:
        Contract.objects.filter(source_key=award_key).update(source_key=record.source_key)
        held.discard(award_key)
        held.add(record.source_key)


def _keep_kpis(kpis: dict[str, list]) -> None:
    for contract in Contract.objects.filter(source_key__in=list(kpis)):
        published = kpis[contract.source_key]
        if contract.published_kpis != published:
            contract.published_kpis = published
            contract.save(update_fields=["published_kpis"])


def _targets(release: dict, published: dict, where: str, result) -> list[Contract]:
    """The register's contracts a change or termination notice is about: same ocid and award."""
    contracts = list(Contract.objects.in_register().filter(ocid=release["ocid"]).order_by("id"))
    award = str(published.get("awardID") or "")
    same_award = [c for c in contracts if c.award_id == award]
    found = same_award or (contracts if len(contracts) == 1 else [])
    if not found:
        result.warnings.append(
            ImportIssue(
                "warning",
                where,
                "contracts",
                "the register holds no contract for this notice (its award notice was published"
                " before the feed was first pulled): pull from an earlier date to apply it",
            )
        )
    return found


def _published_contracts(release: dict) -> list[dict]:
    return [c for c in release.get("contracts") or [] if isinstance(c, dict)]


def _change(result, release, where, run, *, by, at) -> None:
    """UK10: end dates, value and suppliers change, with history. The change is read from the
    contract's period and value, then its amendments and proposed amendments (the UK
    extension's `proposedAmendments`: the change as it will be signed), latest last."""
    awards = {str(a.get("id")): a for a in release.get("awards") or [] if isinstance(a, dict)}
    parties = {p.get("id"): p for p in release.get("parties") or [] if isinstance(p, dict)}
    for published in _published_contracts(release):
        amendments = [
            a
            for key in ("amendments", "proposedAmendments")
            for a in published.get(key) or []
            if isinstance(a, dict)
        ]
        amendments.sort(key=lambda a: str(a.get("date") or ""))
        try:
            new = _changed_values(published, amendments, parties)
        except FieldError as exc:
            result.errors.append(ImportIssue("error", where, "contracts", str(exc)))
            continue
        award = awards.get(str(published.get("awardID"))) or {}
        if award.get("suppliers"):
            new["suppliers"] = _suppliers(award["suppliers"], parties)
        reason = "; ".join(str(a["rationale"]) for a in amendments if a.get("rationale"))
        for contract in _targets(release, published, where, result):
            changes = _set(contract, dict(new))
            if changes:
                contract.last_import = run
                contract.save()
                _event(contract, release, run, changes, reason, by=by, at=at)
                result.counts["updated"] += 1


def _suppliers(refs, parties) -> list:
    return [_supplier(s, parties) for s in refs or [] if isinstance(s, dict)]


def _changed_values(published: dict, amendments: list[dict], parties: dict) -> dict:
    new: dict = {}
    for holder in [published, *amendments]:
        period = holder.get("period") or {}
        for name, key in (("end_on", "endDate"), ("max_end_on", "maxExtentDate")):
            if period.get(key):
                new[name] = parse_date(period[key])
        value = holder.get("value") or {}
        gross, amount = value.get("amountGross"), value.get("amount")
        if gross is not None or amount is not None:
            new["value_amount"] = parse_money(gross if gross is not None else amount)
            new["value_vat_basis"] = "inc" if gross is not None else "unknown"
            if gross is not None:
                new["value_inc_vat"] = new["value_amount"]
                new["is_value_inc_vat_estimate"] = False
            if value.get("currency"):
                new["value_currency"] = str(value["currency"])[:3]
        if holder.get("suppliersAdded"):
            new.setdefault("suppliers_added", []).extend(
                _suppliers(holder["suppliersAdded"], parties)
            )
        if holder.get("suppliersRemoved"):
            new.setdefault("suppliers_removed", []).extend(
                _suppliers(holder["suppliersRemoved"], parties)
            )
    if "end_on" in new and "max_end_on" not in new:
        new["max_end_on"] = new["end_on"]
    return new


def _set(contract: Contract, new: dict) -> dict:
    """Apply published values; an officer's correction wins (the source value is kept)."""
    changes = {}
    suppliers = new.pop("suppliers", None)
    added, removed = new.pop("suppliers_added", []), new.pop("suppliers_removed", [])
    for name, value in new.items():
        if name in contract.overrides:
            contract.source_values[name] = plain(value)
            continue
        old = getattr(contract, name)
        if old != value:
            changes[name] = [plain(old), plain(value)]
            setattr(contract, name, value)
    if suppliers is None and not (added or removed):
        return changes
    resolver = SupplierResolver()
    current = list(contract.suppliers.order_by("pk"))
    if suppliers is not None:
        ids = resolver.ids_for(suppliers)
        wanted = [ids[supplier_key(s)] for s in suppliers if s.name]
    else:
        gone = set(resolver.ids_for(removed).values())
        wanted = [s.pk for s in current if s.pk not in gone]
        wanted += list(resolver.ids_for(added).values())
    wanted = sorted(set(wanted))
    if [s.pk for s in current] != wanted:
        contract.suppliers.set(wanted)
        names = "; ".join(contract.suppliers.order_by("name").values_list("name", flat=True))
        changes["supplier_names"] = [contract.supplier_names, names]
        contract.supplier_names = names
    return changes


def _event(contract, release, run, changes, reason, *, by, at) -> None:
    ContractEvent.objects.create(
        contract=contract,
        kind=ContractEvent.Kind.UPDATED,
        at=at,
        import_run=run,
        release_id=str(release["id"])[:300],
        released_at=str(release["date"])[:40],
        changes=changes,
        by=by.label,
        reason=reason,
    )


def _terminate(result, release, where, run, *, by, at, on) -> None:
    """UK11: terminated as published; the reviews app opens a review for adopters."""
    for published in _published_contracts(release):
        implementation = published.get("implementation") or {}
        ended = implementation.get("endDate") or release["date"]
        try:
            ended_on = parse_date(ended)
        except FieldError as exc:
            result.errors.append(ImportIssue("error", where, "implementation.endDate", str(exc)))
            continue
        reasons = [
            str(c.get("description") or c.get("id"))
            for c in published.get("terminationRationaleClassifications") or []
            if isinstance(c, dict)
        ]
        if published.get("statusDetails"):
            reasons.append(str(published["statusDetails"]))
        reason = "; ".join(reasons)
        for contract in _targets(release, published, where, result):
            if contract.is_terminated and contract.terminated_on == ended_on:
                continue
            changes = {
                "is_terminated": [contract.is_terminated, True],
                "terminated_on": [plain(contract.terminated_on), plain(ended_on)],
            }
            contract.is_terminated, contract.status = True, "terminated"
            contract.terminated_on, contract.termination_reason = ended_on, reason
            contract.last_import = run
            contract.save()
            _event(contract, release, run, changes, reason, by=by, at=at)
            result.counts["terminated"] += 1
            answers = contract_terminated.send(
                sender=Contract, contract=contract, on=on, by=by, at=at
            )
            result.counts["reviews_opened"] += sum(1 for _, opened in answers if opened)


def _close_planned(result, release, where, *, by, at) -> None:
    """UK12: the planned procurement is closed (date and reason as published); a contract
    its award notice created for an award now cancelled is marked cancelled, with history."""
    awards = [a for a in release.get("awards") or [] if isinstance(a, dict)]
    when = next((a.get("finalStatusDate") for a in awards if a.get("finalStatusDate")), None)
    reason = "; ".join(str(a["statusDetails"]) for a in awards if a.get("statusDetails"))
    try:
        closed_on = parse_date(when or release["date"])
    except FieldError as exc:
        result.errors.append(ImportIssue("error", where, "awards.finalStatusDate", str(exc)))
        return
    closed = PlannedProcurement.objects.filter(ocid=release["ocid"], closed_on__isnull=True)
    num = closed.update(closed_on=closed_on, closed_reason=reason, stage="closed")
    result.counts["closed"] += num
    cancelled = {str(a.get("id")) for a in awards if a.get("status") in NOT_A_CONTRACT}
    for contract in Contract.objects.filter(ocid=release["ocid"], award_id__in=cancelled):
        if contract.status != "cancelled":
            changes = {"status": [contract.status, "cancelled"]}
            contract.status = "cancelled"
            contract.save(update_fields=["status"])
            _event(contract, release, None, changes, reason, by=by, at=at)
            result.counts["closed"] += 1
