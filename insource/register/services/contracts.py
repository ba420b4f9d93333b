"""Officer writes to contracts: corrections that win over later imports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.register.models import Contract, ContractEvent

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


def _plain(value):
    return str(value) if isinstance(value, Decimal | date) else value


@transaction.atomic
def contract_correct(
    *, contract: Contract, field: str, value, reason: str, by: Actor, at: datetime
) -> Contract:
    """Set a field to an officer's value; later imports keep it and show "differs from source"."""
    if field not in CORRECTABLE:
        raise ValidationError({field: f"{field} cannot be corrected by hand"})
    if not reason.strip():
        raise ValidationError({"reason": "Enter the reason for the correction"})
    model_field = Contract._meta.get_field(field)
    value = model_field.to_python(value)
    old = getattr(contract, field)
    contract.source_values.setdefault(field, _plain(old))
    contract.overrides[field] = {
        "value": _plain(value),
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
        changes={field: [_plain(old), _plain(value)]},
        by=by.label,
        reason=reason,
    )
    audit_record(
        by=by,
        at=at,
        action="register.contract_correct",
        obj=contract,
        authority=contract.reviewing_authority,
        before={field: _plain(old)},
        after={field: _plain(value)},
        reason=reason,
    )
    return contract
