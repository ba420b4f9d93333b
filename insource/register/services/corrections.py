"""Officers' corrections of a contract, undoing them, retiring a duplicate and returning it
(docs/register-editing.md, ADR 0033).

A corrected field keeps the officer's value in the model field (what every page, export and
screening reads), the officer's entry in `overrides[field]` (value, by, at, reason and the
correction it belongs to) and the imported value in `source_values[field]`, which later imports
keep up to date. Undoing a correction puts the source value back and forgets both entries.
Every write makes a `ContractEvent` and an audit event, and tells the apps above through
`contract_corrected` (and `contract_terminated` when a contract becomes terminated, as a
published termination notice does), inside the transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.register.models import Contract, ContractEvent
from insource.register.services.correction_values import correction_values
from insource.register.services.hashing import plain
from insource.register.signals import contract_corrected, contract_terminated


def _reason_errors(reason: str, message: str) -> dict:
    return {} if (reason or "").strip() else {"reason": [message]}


def correction_of(contract: Contract, field: str) -> str | None:
    """The correction that set `field` (None when the field is not corrected)."""
    override = contract.overrides.get(field)
    if override is None:
        return None
    return (override.get("group") if isinstance(override, dict) else None) or field


@transaction.atomic
def contract_correct(
    *,
    contract: Contract,
    field: str,
    value,
    reason: str,
    by: Actor,
    at: datetime,
    on: date | None = None,
) -> Contract:
    """Correct `field` (a key of `GROUPS`) to an officer's value; later imports keep it and
    the page shows "differs from source". Every error at once, by field."""
    on = on or timezone.localdate(at)
    errors = _reason_errors(reason, _("Enter the reason for the correction"))
    try:
        values = correction_values(contract, field, value, on=on)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    reason = reason.strip()
    was_terminated = contract.is_terminated
    changes = {}
    for name, new in values.items():
        old = getattr(contract, name)
        if name not in contract.overrides:
            contract.source_values[name] = plain(old)
        contract.overrides[name] = {
            "value": plain(new),
            "by": by.label,
            "at": at.isoformat(),
            "reason": reason,
            "group": field,
        }
        setattr(contract, name, new)
        changes[name] = [plain(old), plain(new)]
    contract.save()
    shown = {k: v for k, v in changes.items() if v[0] != v[1]} or changes
    _record(contract, ContractEvent.Kind.CORRECTED, shown, reason, by=by, at=at)
    audit_record(
        by=by,
        at=at,
        action="register.contract_correct",
        obj=contract,
        authority=contract.reviewing_authority,
        before={k: v[0] for k, v in shown.items()},
        after={k: v[1] for k, v in shown.items()},
        reason=reason,
    )
    _tell(contract, tuple(values), was_terminated, on=on, by=by, at=at)
    return contract


@transaction.atomic
def contract_correction_undo(
    *, contract: Contract, field: str, reason: str, by: Actor, at: datetime, on: date | None = None
) -> Contract:
    """Undo the correction that set `field`: every field it set goes back to the value the
    source publishes now, and later imports update them again."""
    on = on or timezone.localdate(at)
    group = correction_of(contract, field)
    errors = _reason_errors(reason, _("Enter the reason for undoing the correction"))
    if group is None:
        errors["field"] = [_("This value is not corrected: there is nothing to undo")]
    if errors:
        raise ValidationError(errors)
    reason = reason.strip()
    was_terminated = contract.is_terminated
    names = [n for n in contract.overrides if n == field or correction_of(contract, n) == group]
    changes = {}
    for name in names:
        old = getattr(contract, name)
        source = contract.source_values.pop(name, plain(old))
        new = Contract._meta.get_field(name).to_python(source)
        del contract.overrides[name]
        setattr(contract, name, new)
        changes[name] = [plain(old), plain(new)]
    contract.save()
    _record(contract, ContractEvent.Kind.UNDONE, changes, reason, by=by, at=at)
    audit_record(
        by=by,
        at=at,
        action="register.contract_correction_undo",
        obj=contract,
        authority=contract.reviewing_authority,
        before={k: v[0] for k, v in changes.items()},
        after={k: v[1] for k, v in changes.items()},
        reason=reason,
    )
    _tell(contract, tuple(names), was_terminated, on=on, by=by, at=at)
    return contract


def _record(contract, kind, changes: dict, reason: str, *, by: Actor, at: datetime) -> None:
    ContractEvent.objects.create(
        contract=contract, kind=kind, at=at, changes=changes, by=by.label, reason=reason
    )


def _tell(contract, fields: tuple, was_terminated: bool, *, on, by, at) -> None:
    """The apps above re-screen and reschedule; a contract now terminated is treated as a
    published termination is (the reviews app opens its review at once for adopters)."""
    contract_corrected.send(sender=Contract, contract=contract, fields=fields, on=on, by=by, at=at)
    if contract.is_terminated and not was_terminated:
        contract_terminated.send(sender=Contract, contract=contract, on=on, by=by, at=at)


def _locked_duplicate_of(contract: Contract):
    return (
        Contract.objects.select_for_update()
        .filter(pk=contract.pk)
        .values_list("duplicate_of_id", flat=True)
        .get()
    )


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
    if _locked_duplicate_of(contract) is not None:
        errors["duplicate_of"] = _("This contract is already retired as a duplicate")
    if not reason:
        errors["reason"] = _("Enter the reason for retiring the contract")
    if errors:
        raise ValidationError(errors)
    contract.duplicate_of = duplicate_of
    contract.save(update_fields=["duplicate_of"])
    changes = {"duplicate_of": [None, duplicate_of.pk]}
    _record(contract, ContractEvent.Kind.RETIRED, changes, reason, by=by, at=at)
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


@transaction.atomic
def contract_unretire(
    *, contract: Contract, reason: str, by: Actor, at: datetime, on: date | None = None
) -> Contract:
    """Return a contract retired as a duplicate to the register (it was not one after all):
    it is in the lists, the pipeline, screening and the open data again."""
    on = on or timezone.localdate(at)
    errors = _reason_errors(reason, _("Enter the reason for returning the contract"))
    original = _locked_duplicate_of(contract)
    if original is None:
        errors["duplicate_of"] = [_("This contract is not retired")]
    if errors:
        raise ValidationError(errors)
    reason = reason.strip()
    contract.duplicate_of = None
    contract.save(update_fields=["duplicate_of"])
    changes = {"duplicate_of": [original, None]}
    _record(contract, ContractEvent.Kind.UNRETIRED, changes, reason, by=by, at=at)
    audit_record(
        by=by,
        at=at,
        action="register.contract_unretire",
        obj=contract,
        authority=contract.reviewing_authority,
        before={"duplicate_of": original},
        after={"duplicate_of": None},
        reason=reason,
    )
    fields = ("duplicate_of",)
    contract_corrected.send(sender=Contract, contract=contract, fields=fields, on=on, by=by, at=at)
    return contract
