"""Officer writes to contracts: corrections that win over later imports."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.register.models import Contract, ContractEvent
from insource.register.services.hashing import plain

CORRECTABLE = {
    "title",
    "description",
    "nature",
    "value_amount",
    "value_vat_basis",
    "value_inc_vat",
    "start_on",
    "end_on",
    "max_end_on",
    "status",
    "is_framework",
    "is_terminated",
    "main_cpv",
}


@transaction.atomic
def contract_correct(
    *, contract: Contract, field: str, value, reason: str, by: Actor, at: datetime
) -> Contract:
    """Set a field to an officer's value; later imports keep it and show "differs from source"."""
    if field not in CORRECTABLE:
        raise ValidationError({field: _("This field cannot be corrected by hand")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Enter the reason for the correction")})
    model_field = Contract._meta.get_field(field)
    try:
        # Typed and checked as the model would (a date, money within its digits, a nature).
        value = model_field.clean(value, contract)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    old = getattr(contract, field)
    contract.source_values.setdefault(field, plain(old))
    contract.overrides[field] = {
        "value": plain(value),
        "by": by.label,
        "at": at.isoformat(),
        "reason": reason,
    }
    setattr(contract, field, value)
    contract.save()
    ContractEvent.objects.create(
        contract=contract,
        kind=ContractEvent.Kind.CORRECTED,
        at=at,
        changes={field: [plain(old), plain(value)]},
        by=by.label,
        reason=reason,
    )
    audit_record(
        by=by,
        at=at,
        action="register.contract_correct",
        obj=contract,
        authority=contract.reviewing_authority,
        before={field: plain(old)},
        after={field: plain(value)},
        reason=reason,
    )
    return contract


@transaction.atomic
def contract_retire(
    *, contract: Contract, duplicate_of: Contract, reason: str, by: Actor, at: datetime
) -> Contract:
    """Retire `contract` as a duplicate of `duplicate_of` (the same reviewing authority's): it
    leaves the lists, the pipeline, screening and the open data, keeps its page and history,
    and later imports of its source never bring it back."""
    reason = (reason or "").strip()
    errors = {}
    if duplicate_of.pk == contract.pk:
        errors["duplicate_of"] = _("Choose another contract: a contract cannot duplicate itself")
    elif duplicate_of.reviewing_authority_id != contract.reviewing_authority_id:
        errors["duplicate_of"] = _("Choose a contract of the same authority")
    elif duplicate_of.duplicate_of_id is not None:
        errors["duplicate_of"] = _("That contract is itself retired: choose the one it duplicates")
    retired = (
        Contract.objects.select_for_update()
        .filter(pk=contract.pk)
        .values_list("duplicate_of_id", flat=True)
        .get()
    )
    if retired is not None:
        errors["duplicate_of"] = _("This contract is already retired as a duplicate")
    if not reason:
        errors["reason"] = _("Enter the reason for retiring the contract")
    if errors:
        raise ValidationError(errors)
    contract.duplicate_of = duplicate_of
    contract.save(update_fields=["duplicate_of"])
    ContractEvent.objects.create(
        contract=contract,
        kind=ContractEvent.Kind.RETIRED,
        at=at,
        changes={"duplicate_of": [None, duplicate_of.pk]},
        by=by.label,
        reason=reason,
    )
    audit_record(
        by=by,
        at=at,
        action="register.contract_retire",
        obj=contract,
        authority=contract.reviewing_authority,
        before={"duplicate_of": None},
        after={"duplicate_of": duplicate_of.pk, "duplicate_of_ocid": duplicate_of.ocid},
        reason=reason,
    )
    return contract
