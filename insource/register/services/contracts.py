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
