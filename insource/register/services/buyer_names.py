"""Confirming a published buyer name: the officer says which authority it is and the
register's contracts bought under that name move to it."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from insource.authorities.models import Authority, BuyerName
from insource.authorities.selectors import authority_reviewing_on
from insource.core import page_cache
from insource.core.audit import Actor, audit_record
from insource.register.importers.derive import OFFICER_FLAGS, flag_codes
from insource.register.models import Contract
from insource.register.selectors.buyer_names import buyer_name_holders


@transaction.atomic
def buyer_name_confirm(
    *, buyer_name: BuyerName, authority: Authority, on: date, by: Actor, at: datetime
) -> int:
    """An officer confirms which authority a published buyer name is; its contracts follow.

    The caller checks `buyer_name_may_confirm` first. The audit event names the authorities
    the contracts leave (`held_by`), the one they join and how many moved. Later imports keep
    the confirmation. Returns how many contracts were re-pointed.
    """
    before = {
        "authority": buyer_name.authority_id,
        "candidate": buyer_name.candidate_id,
        "held_by": [a.key for a in buyer_name_holders(buyer_name)],
    }
    buyer_name.authority, buyer_name.needs_confirmation = authority, False
    buyer_name.confirmed_by, buyer_name.confirmed_at = by.label, at
    buyer_name.save()
    reviewer = authority_reviewing_on(authority, on) or authority
    contracts = list(Contract.objects.filter(buyer_name=buyer_name.name))
    left = {c.buyer_id for c in contracts} | {c.reviewing_authority_id for c in contracts}
    page_cache.changed(authorities=left | {authority.pk, reviewer.pk})
    for contract in contracts:
        contract.buyer, contract.reviewing_authority = authority, reviewer
        contract.quality_flags = [
            f for f in contract.quality_flags if f["code"] != "BUYER_NEEDS_CONFIRMATION"
        ]
        contract.needs_officer = any(f["code"] in OFFICER_FLAGS for f in contract.quality_flags)
        contract.flag_codes = flag_codes(contract.quality_flags)
    fields = ["buyer", "reviewing_authority", "quality_flags", "flag_codes", "needs_officer"]
    Contract.objects.bulk_update(contracts, fields)
    audit_record(
        by=by,
        at=at,
        action="authorities.buyer_name_confirm",
        obj=buyer_name,
        authority=authority,
        before=before,
        after={"authority": authority.pk, "to": authority.key, "contracts": len(contracts)},
    )
    return len(contracts)
