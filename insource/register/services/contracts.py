"""Officer writes to contracts: adding one no feed published (corrections, undoing them and
retiring a duplicate are in `corrections.py`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insource.authorities.models import Authority
from insource.core.audit import Actor, audit_record
from insource.register.cpv import cpv_description
from insource.register.importers.derive import OFFICER_FLAGS, derive, flag_codes
from insource.register.importers.records import ContractRecord, SupplierRecord, described
from insource.register.models import Contract, ContractEvent, VatBasis
from insource.register.services.hashing import content_hash, plain
from insource.register.services.suppliers import SupplierResolver
from insource.register.services.vat import vat_rate_on


@dataclass(frozen=True)
class ContractEntry:
    """A contract the feeds never published, as an officer enters it."""

    title: str
    supplier_name: str
    supplier_scheme: str  # "GB-COH" (Companies House), "GB-CHC" (charity), or ""
    supplier_identifier: str
    value_amount: Decimal | None
    value_includes_vat: bool
    start_on: date | None
    end_on: date | None
    main_cpv: str
    nature: str  # services, goods or works
    is_framework: bool
    document_url: str = ""


HAND_NATURES = ("services", "goods", "works")


def contract_entry_errors(entry: ContractEntry) -> dict[str, str]:
    """What is wrong with an entry, by field (the form and the service ask the same)."""
    errors = {}
    if not entry.title.strip():
        errors["title"] = _("Enter the contract's title")
    if not entry.supplier_name.strip():
        errors["supplier_name"] = _("Enter the supplier's name")
    if entry.supplier_identifier and not entry.supplier_scheme:
        errors["supplier_scheme"] = _("Select the register the supplier's number is from")
    if entry.value_amount is None:
        errors["value_amount"] = _("Enter the contract's value")
    elif entry.value_amount < 0:
        errors["value_amount"] = _("The value must be £0 or more")
    if entry.start_on is None:
        errors["start_on"] = _("Enter the start date")
    if entry.end_on is None:
        errors["end_on"] = _("Enter the end date")
    elif entry.start_on is not None and entry.end_on < entry.start_on:
        errors["end_on"] = _("The end date must be the same as or after the start date")
    if not cpv_description(entry.main_cpv):
        errors["main_cpv"] = _("Enter a CPV code of 8 digits from CPV 2008, like 90511000")
    if entry.nature not in HAND_NATURES:
        errors["nature"] = _("Select whether the contract buys services, goods or works")
    return errors


@transaction.atomic
def contract_add(
    *, authority: Authority, entry: ContractEntry, by: Actor, at: datetime, on: date
) -> Contract:
    """Add a contract by hand for `authority` (buyer and reviewer): an ocid under the
    deployment's prefix, the value incl. VAT, flags and history as an import would give, so
    the pipeline and screening treat it like an imported one."""
    errors = contract_entry_errors(entry)
    if errors:
        raise ValidationError(errors)
    basis = VatBasis.INC if entry.value_includes_vat else VatBasis.EXC
    supplier = SupplierRecord(
        name=entry.supplier_name.strip(),
        scheme=entry.supplier_scheme if entry.supplier_identifier else "",
        identifier=entry.supplier_identifier.strip().upper(),
    )
    record = ContractRecord(
        source_key=f"hand:{uuid.uuid4().hex}",
        where="entered by hand",
        buyer_name=authority.name,
        title=entry.title.strip(),
        cpv_codes=[entry.main_cpv],
        stated_nature=entry.nature,
        value_amount=entry.value_amount,
        value_currency="GBP",
        value_vat_basis=basis,
        start_on=entry.start_on,
        end_on=entry.end_on,
        status="active",
        has_framework_hint=entry.is_framework,
        suppliers=[supplier],
    )
    derived = derive(record, vat_rate=vat_rate_on(on))
    flags = derived.quality_flags
    origin = {"source": "hand", "release": "", "by": by.label, "at": at.isoformat()}
    if entry.document_url:
        origin["document"] = entry.document_url
    contract = Contract.objects.create(
        **described(record),
        source_key=record.source_key,
        award_id="",
        buyer=authority,
        reviewing_authority=authority,
        nature=entry.nature,
        nature_source="officer",
        value_vat_basis=basis,
        value_inc_vat=derived.value_inc_vat,
        is_value_inc_vat_estimate=derived.is_value_inc_vat_estimate,
        max_end_on=entry.end_on,
        status="active",
        is_framework=entry.is_framework,
        supplier_names=supplier.name,
        quality_flags=flags,
        flag_codes=flag_codes(flags),
        needs_officer=any(f["code"] in OFFICER_FLAGS for f in flags),
        provenance={"*": origin},
        content_hash=content_hash([record.source_key]),
    )
    contract.ocid = f"{settings.INSOURCE_OCID_PREFIX}-hand-{contract.pk}"
    contract.save(update_fields=["ocid"])
    contract.suppliers.set(SupplierResolver().ids_for([supplier]).values())
    values = {
        "title": contract.title,
        "supplier": supplier.name,
        "value_amount": plain(contract.value_amount),
        "value_vat_basis": basis,
        "start_on": plain(contract.start_on),
        "end_on": plain(contract.end_on),
        "main_cpv": contract.main_cpv,
        "nature": contract.nature,
        "is_framework": contract.is_framework,
        "document_url": entry.document_url,
    }
    ContractEvent.objects.create(
        contract=contract,
        kind=ContractEvent.Kind.ADDED,
        at=at,
        changes={k: [None, v] for k, v in values.items() if k != "supplier"},
        by=by.label,
    )
    audit_record(
        by=by,
        at=at,
        action="register.contract_add",
        obj=contract,
        authority=authority,
        after={"ocid": contract.ocid, **values},
    )
    return contract
