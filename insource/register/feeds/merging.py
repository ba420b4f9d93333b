"""Merging each ocid's stored Find a Tender releases into contracts and planned procurements
(ADR 0030): award, contract details, pipeline, planned procurement and tender notices, merged
with ocdsmerge as the file importer does and handed to `RegisterWriter`."""

from __future__ import annotations

from insource.register.feeds.notices import (
    NOT_A_CONTRACT,
    PROCUREMENT_TERMINATION,
    TERMINATION,
    published_contracts,
)
from insource.register.importers.fields import RecordErrors
from insource.register.importers.ocds import _records_for, _sort_date
from insource.register.importers.records import ContractRecord, ImportIssue, PlannedRecord
from insource.register.models import Contract, FeedRelease


def write_merged(result, source, ocids, writer) -> dict[str, list]:
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
            terminated |= {(row.ocid, str(c.get("awardID"))) for c in published_contracts(row.body)}
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


def keep_kpis(kpis: dict[str, list]) -> None:
    for contract in Contract.objects.filter(source_key__in=list(kpis)):
        published = kpis[contract.source_key]
        if contract.published_kpis != published:
            contract.published_kpis = published
            contract.save(update_fields=["published_kpis"])
