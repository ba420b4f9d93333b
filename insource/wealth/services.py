"""Writes for community wealth: setting an authority's local area, and recording a contract's
local jobs and measured LM3 shares. Each is atomic and audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.wealth.districts import local_area_parse
from insource.wealth.models import ContractWealth, LocalAreaVersion
from insource.wealth.selectors import local_area_current


def local_area_set(
    *, authority, text: str, reason: str, by: Actor, at: datetime, is_seeded_by_hand=False
) -> LocalAreaVersion:
    """A new version of the authority's local area from an officer's list of districts and
    areas. Refused (ValidationError naming each bad entry) when an entry is not a postcode
    district or area, when the list is empty or when no reason is given."""
    parsed = local_area_parse(text)
    errors = {}
    if parsed.errors:
        errors["entries"] = list(parsed.errors)
    elif not parsed.entries:
        errors["entries"] = [_("Enter at least one postcode district or area, such as ST16 or ST")]
    if not (reason or "").strip():
        errors["reason"] = [_("Enter the reason for the change")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = local_area_current(authority)
        version = LocalAreaVersion.objects.create(
            authority=authority,
            entries=list(parsed.entries),
            reason=reason.strip(),
            is_seeded_by_hand=is_seeded_by_hand,
            by=by.label,
            at=at,
        )
        audit_record(
            by=by,
            at=at,
            action="wealth.local_area_set",
            obj=version,
            authority=authority,
            before={"entries": list(before.entries) if before else []},
            after={"entries": version.entries, "is_seeded_by_hand": is_seeded_by_hand},
            reason=version.reason,
        )
    return version


@dataclass(frozen=True)
class WealthFigures:
    """An officer's figures for one contract; None leaves a figure unknown."""

    num_jobs: int | None = None
    num_local_jobs: int | None = None
    supplier_local_share: Decimal | None = None
    respend_local_share: Decimal | None = None
    source_note: str = ""


def _check(figures: WealthFigures) -> dict:
    errors: dict[str, list[str]] = {}
    jobs, local = figures.num_jobs, figures.num_local_jobs
    if jobs is not None and local is not None and local > jobs:
        errors["num_local_jobs"] = [_("Local jobs must be no more than the jobs on the contract")]
    for name in ("supplier_local_share", "respend_local_share"):
        value = getattr(figures, name)
        if value is not None and not Decimal(0) <= value <= Decimal(1):
            errors[name] = [_("Enter a percentage from 0 to 100")]
    measured = figures.supplier_local_share is not None or figures.respend_local_share is not None
    if measured and not figures.source_note.strip():
        errors["source_note"] = [_("Say where the measured shares come from (the survey)")]
    return errors


def contract_wealth_record(
    *, authority, contract, figures: WealthFigures, by: Actor, at: datetime
) -> ContractWealth:
    """Record (or replace) the contract's local jobs and measured LM3 shares."""
    if contract.reviewing_authority_id != authority.pk:
        raise ValidationError(_("This contract is not one of the authority's"))
    errors = _check(figures)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        found = ContractWealth.objects.select_for_update().filter(contract=contract).first()
        before = found.as_dict() if found else None
        record = found or ContractWealth(contract=contract)
        for name in ("num_jobs", "num_local_jobs", "supplier_local_share", "respend_local_share"):
            setattr(record, name, getattr(figures, name))
        record.source_note = figures.source_note.strip()
        record.updated_by, record.updated_at = by.label, at
        record.save()
        audit_record(
            by=by,
            at=at,
            action="wealth.contract_record",
            obj=record,
            authority=authority,
            before=before,
            after=record.as_dict(),
            reason=record.source_note,
        )
    return record
