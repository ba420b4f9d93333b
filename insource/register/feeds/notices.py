"""What a Find a Tender notice does to a contract the register already holds (ADR 0030).

- UK10 contract change: end dates, value and suppliers change, with a `ContractEvent` listing
  old and new; an officer's correction wins (the published value is kept as the source's).
- UK11 contract termination: the contract is terminated (date and reason as published) and
  `contract_terminated` is sent: the reviews app opens a review at once for adopters.
- UK12 procurement termination: the planned procurement is closed, and a contract created for
  an award now cancelled is marked cancelled.

Each function adds to the page's result; `find_a_tender.feed_page_apply` runs them inside the
page's transaction.
"""

from __future__ import annotations

from insource.register.importers.checks import FieldError, parse_date, parse_money
from insource.register.importers.ocds_map import _supplier
from insource.register.importers.records import ImportIssue
from insource.register.models import Contract, ContractEvent, PlannedProcurement
from insource.register.services.hashing import plain
from insource.register.services.suppliers import SupplierResolver, supplier_key
from insource.register.signals import contract_terminated

CHANGE, TERMINATION, PROCUREMENT_TERMINATION = "UK10", "UK11", "UK12"
NOT_A_CONTRACT = {"cancelled", "unsuccessful"}


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


def published_contracts(release: dict) -> list[dict]:
    return [c for c in release.get("contracts") or [] if isinstance(c, dict)]


def change(result, release, where, run, *, by, at) -> None:
    """UK10: end dates, value and suppliers change, with history. The change is read from the
    contract's period and value, then its amendments and proposed amendments (the UK
    extension's `proposedAmendments`: the change as it will be signed), latest last."""
    awards = {str(a.get("id")): a for a in release.get("awards") or [] if isinstance(a, dict)}
    parties = {p.get("id"): p for p in release.get("parties") or [] if isinstance(p, dict)}
    for published in published_contracts(release):
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


def terminate(result, release, where, run, *, by, at, on) -> None:
    """UK11: terminated as published; the reviews app opens a review for adopters."""
    for published in published_contracts(release):
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
            if "is_terminated" in contract.overrides:  # an officer's status wins
                published_end = {"status": "terminated", "is_terminated": True}
                _set(contract, {**published_end, "terminated_on": ended_on})
                contract.save()
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


def close_planned(result, release, where, *, by, at) -> None:
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
