"""Mapping a compiled OCDS release to register records: one contract per award or contract.

Tender- and planning-only processes become planned procurements. Field rules:
title contract > award > tender; value contract > award (UK `amountGross` means incl. VAT);
period contract > award > tender; CPV from tender, items and additional classifications.
"""

from __future__ import annotations

from insource.register.importers.checks import (
    clean_text,
    parse_cpv,
)
from insource.register.importers.fields import FieldReader, RecordErrors
from insource.register.importers.records import (
    ContractRecord,
    PlannedRecord,
    SupplierRecord,
)

SME_SCALES = {"sme", "micro", "small", "medium"}


def map_release(
    release: dict, where: str, *, nul_free: bool = False
) -> list[ContractRecord] | PlannedRecord | None:
    """Contracts for each award (or contracts[] item), else a planned procurement.

    `nul_free`: the release is known to hold no NUL character anywhere (it was read back from
    the spill, which refuses any release holding one: `encode_release`), so no record made from
    it can, and the records' NUL check is skipped."""
    awards = [a for a in release.get("awards") or [] if isinstance(a, dict)]
    if not awards:
        return _planned(release, where, nul_free)
    contracts = [c for c in release.get("contracts") or [] if isinstance(c, dict)]
    parties = {p.get("id"): p for p in release.get("parties") or [] if isinstance(p, dict)}
    records, issues = [], []
    for award in awards:
        linked = [c for c in contracts if c.get("awardID") == award.get("id")] or [None]
        for contract in linked:
            try:
                records.append(_contract(release, award, contract, parties, where, nul_free))
            except RecordErrors as exc:
                issues.extend(exc.issues)
    if issues:
        raise RecordErrors(issues)
    return records


def _contract(release, award, contract, parties, where, nul_free) -> ContractRecord:
    contract = contract or {}
    tender = release.get("tender") or {}
    ocid = release["ocid"]
    award_id = str(award.get("id") or "")
    key = f"ocds:{ocid}:{award_id}" + (f":{contract['id']}" if contract.get("id") else "")
    here = f"{where}, award {award_id or '?'}"
    reader = FieldReader(here)
    value = contract.get("value") or award.get("value") or {}
    period = contract.get("period") or award.get("contractPeriod") or tender.get("contractPeriod")
    period = period or {}
    gross = reader.money("value.amountGross", value.get("amountGross"))
    amount = gross if gross is not None else reader.money("value.amount", value.get("amount"))
    record = ContractRecord(
        source_key=key,
        where=here,
        buyer_name=_buyer_name(release, parties),
        ocid=ocid,
        award_id=award_id,
        title=clean_text(contract.get("title") or award.get("title") or tender.get("title")),
        description=clean_text(award.get("description") or tender.get("description")),
        cpv_codes=_cpv_codes(tender, award, contract),
        main_category=str(tender.get("mainProcurementCategory") or ""),
        value_amount=amount,
        value_currency=reader.currency("value.currency", value.get("currency"), amount=amount),
        value_vat_basis="inc" if gross is not None else "unknown",
        awarded_on=reader.date("award.date", award.get("date")),
        start_on=reader.date("contractPeriod.startDate", period.get("startDate")),
        end_on=reader.date("contractPeriod.endDate", period.get("endDate")),
        max_end_on=reader.date("contractPeriod.maxExtentDate", period.get("maxExtentDate")),
        status=_status(release, award, contract, period),
        is_terminated=_ended_early(release, contract, period),
        has_framework_hint=_framework_hint(tender),
        suppliers=[_supplier(s, parties) for s in award.get("suppliers") or []],
        release_id=str(release.get("id") or ""),
        released_at=str(release.get("date") or ""),
    )
    reader.check_period(record, "contractPeriod.endDate")
    if not nul_free:
        reader.check_text(record)
    reader.raise_if_any()
    return record


def _ended_early(release: dict, contract: dict, period: dict) -> bool:
    """OCDS `terminated` means "came to a close" as well as "ended early": it is an early end
    when the release is tagged `contractTermination` or the contract has no known last day."""
    if contract.get("status") != "terminated":
        return False
    tags = release.get("tag") if isinstance(release.get("tag"), list) else []
    return "contractTermination" in tags or not (
        period.get("endDate") or period.get("maxExtentDate")
    )


def _status(release: dict, award: dict, contract: dict, period: dict) -> str:
    """The contract's status; for one that came to its close, the award's (what the register
    keeps: its end date already says the contract is over)."""
    status = str(contract.get("status") or award.get("status") or "")
    if status == "terminated" and not _ended_early(release, contract, period):
        return str(award.get("status") or status)
    return status


def _planned(release: dict, where: str, nul_free: bool) -> PlannedRecord | None:
    tender = release.get("tender") or {}
    planning = release.get("planning") or {}
    if not tender and not planning:
        return None
    reader = FieldReader(where)
    value = tender.get("value") or {}
    amount = reader.money("tender.value.amount", value.get("amount"))
    period = tender.get("contractPeriod") or {}
    record = PlannedRecord(
        ocid=release["ocid"],
        where=where,
        buyer_name=_buyer_name(release, {p.get("id"): p for p in release.get("parties") or []}),
        stage="tender" if tender.get("title") or tender.get("tenderPeriod") else "planning",
        title=clean_text(tender.get("title") or release.get("title")),
        description=clean_text(tender.get("description")),
        cpv_codes=_cpv_codes(tender, {}, {}),
        value_amount=amount,
        value_currency=reader.currency("value.currency", value.get("currency"), amount=amount),
        tender_ends_on=reader.date(
            "tender.tenderPeriod.endDate", (tender.get("tenderPeriod") or {}).get("endDate")
        ),
        start_on=reader.date("tender.contractPeriod.startDate", period.get("startDate")),
        end_on=reader.date("tender.contractPeriod.endDate", period.get("endDate")),
    )
    if not nul_free:
        reader.check_text(record)
    reader.raise_if_any()
    return record


def _buyer_name(release: dict, parties: dict) -> str:
    buyer = release.get("buyer") or {}
    name = buyer.get("name") or (parties.get(buyer.get("id")) or {}).get("name")
    if not name:
        roles = [p for p in parties.values() if "buyer" in (p.get("roles") or [])]
        name = roles[0].get("name") if roles else ""
    return clean_text(name)


def _cpv_codes(tender: dict, award: dict, contract: dict) -> list[str]:
    found = [tender.get("classification")] + list(tender.get("additionalClassifications") or [])
    for holder in (tender, award, contract):
        for item in holder.get("items") or []:
            found.append(item.get("classification"))
            found.extend(item.get("additionalClassifications") or [])
    codes: list[str] = []
    for c in found:
        if isinstance(c, dict) and str(c.get("scheme", "CPV")).upper().startswith("CPV"):
            code = parse_cpv(c.get("id"))
            if code and code not in codes:
                codes.append(code)
    return codes


def _framework_hint(tender: dict) -> bool:
    techniques = tender.get("techniques") or {}
    details = str(tender.get("procurementMethodDetails") or "").lower()
    return bool(techniques.get("hasFrameworkAgreement")) or "framework" in details


def _supplier(ref: dict, parties: dict) -> SupplierRecord:
    party = parties.get(ref.get("id")) or {}
    identifier = party.get("identifier") or {}
    details = party.get("details") or {}
    address = party.get("address") or {}
    scale = str(details.get("scale") or "").lower()
    return SupplierRecord(
        name=clean_text(ref.get("name") or party.get("name")),
        scheme=str(identifier.get("scheme") or "").strip(),
        identifier=str(identifier.get("id") or "").strip(),
        is_sme=(scale in SME_SCALES) if scale else None,
        is_vcse=details.get("vcse") if isinstance(details.get("vcse"), bool) else None,
        street_address=clean_text(address.get("streetAddress")),
        locality=clean_text(address.get("locality")),
        postcode=clean_text(address.get("postalCode")).upper(),
    )
