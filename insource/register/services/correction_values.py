"""What one correction sets: the model fields behind each "Change" link, typed and checked.

A correction names what the officer changes on the contract page (`GROUPS`' keys); some set
several model fields at once, so that screening and later imports never see half a change:

- `value_amount`: the published amount and its VAT basis, and the value including VAT derived
  from them exactly as an import derives it (`gross_up` at the standard rate on the day);
- `value_inc_vat`: the value including VAT, which the officer states (so not an estimate);
- `cpv_codes`: the CPV codes, main code first (`main_cpv` is the first);
- `status`: the status word, and with it whether and when the contract was terminated.

Every problem is reported at once, by correction, in GOV.UK words.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from insource.register.cpv import cpv_description
from insource.register.importers.derive import gross_up
from insource.register.models import Contract, VatBasis
from insource.register.services.vat import vat_rate_on

GROUPS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "description": ("description",),
    "nature": ("nature",),
    "cpv_codes": ("cpv_codes", "main_cpv"),
    "value_amount": (
        "value_amount",
        "value_vat_basis",
        "value_inc_vat",
        "is_value_inc_vat_estimate",
    ),
    "value_inc_vat": ("value_inc_vat", "is_value_inc_vat_estimate"),
    "awarded_on": ("awarded_on",),
    "start_on": ("start_on",),
    "end_on": ("end_on",),
    "max_end_on": ("max_end_on",),
    "status": ("status", "is_terminated", "terminated_on"),
    "is_framework": ("is_framework",),
}
CORRECTABLE = frozenset(GROUPS)
STATUSES = ("active", "pending", "terminated", "cancelled")
CPV_CODE = re.compile(r"(\d{8})(-\d)?")
MAX_MONEY = Decimal("1000000000000")


def correction_values(contract: Contract, name: str, value, *, on: date) -> dict:
    """The model fields correction `name` sets, typed; a ValidationError keyed by field name
    (the correction's own name, or `terminated_on` / `value_vat_basis` for their parts)."""
    if name not in GROUPS:
        raise ValidationError({name: _("This field cannot be corrected by hand")})
    if name == "value_amount":
        return _value(value, on)
    if name == "value_inc_vat":
        return {"value_inc_vat": _money(value, name), "is_value_inc_vat_estimate": False}
    if name == "cpv_codes":
        codes = cpv_codes_of(value)
        return {"cpv_codes": codes, "main_cpv": codes[0]}
    if name == "status":
        return _status(value, on)
    return {name: _typed(contract, name, value)}


def _typed(contract: Contract, name: str, value):
    """A single field typed and checked as the model would, and dates against each other."""
    try:
        value = Contract._meta.get_field(name).clean(value, contract)
    except ValidationError as error:
        raise ValidationError({name: error.messages}) from None
    if name == "end_on" and value and contract.start_on and value < contract.start_on:
        message = _("The end date must be the same as or after the start date")
        raise ValidationError({name: message})
    if name == "max_end_on" and value and contract.end_on and value < contract.end_on:
        message = _("The latest end date with extensions must be the same as or after the end date")
        raise ValidationError({name: message})
    return value


def _money(value, name: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except ArithmeticError:
        raise ValidationError({name: _("Enter an amount in pounds, like 125000")}) from None
    if not amount.is_finite():
        raise ValidationError({name: _("Enter an amount in pounds, like 125000")})
    if amount < 0:
        raise ValidationError({name: _("The amount must be £0 or more")})
    if amount >= MAX_MONEY:
        raise ValidationError({name: _("Enter an amount under £1 trillion")})
    return amount.quantize(Decimal("0.01"))


def _value(value: dict, on: date) -> dict:
    """The published amount and its VAT basis; the value incl. VAT as an import derives it."""
    errors = {}
    try:
        amount = _money(value.get("amount"), "value_amount")
    except ValidationError as error:
        errors.update(error.message_dict)
    basis = value.get("vat_basis") or ""
    if basis not in VatBasis.values:
        errors["value_vat_basis"] = [_("Select whether the amount includes VAT")]
    if errors:
        raise ValidationError(errors)
    inc_vat, estimate = gross_up(amount, basis, vat_rate_on(on))
    return {
        "value_amount": amount,
        "value_vat_basis": basis,
        "value_inc_vat": inc_vat,
        "is_value_inc_vat_estimate": estimate,
    }


def cpv_codes_of(value) -> list[str]:
    """CPV codes from a list or from text (commas, semicolons or spaces between them), main
    first, 8 digits each (a check digit such as -2 is dropped), every one in CPV 2008."""
    parts = value if isinstance(value, list | tuple) else re.split(r"[\s,;]+", str(value or ""))
    codes, unknown = [], []
    for part in (str(p).strip() for p in parts):
        if not part:
            continue
        match = CPV_CODE.fullmatch(part)
        if match is None or not cpv_description(match.group(1)):
            unknown.append(part)
        elif match.group(1) not in codes:
            codes.append(match.group(1))
    if unknown:
        message = _("%(codes)s: enter CPV codes of 8 digits from CPV 2008, like 90511000")
        raise ValidationError({"cpv_codes": message % {"codes": ", ".join(unknown)}})
    if not codes:
        raise ValidationError({"cpv_codes": _("Enter at least one CPV code, like 90511000")})
    return codes


def _status(value: dict, on: date) -> dict:
    """The status; a terminated contract needs the date it ended (today or before)."""
    status = value.get("status") or ""
    if status not in STATUSES:
        raise ValidationError({"status": _("Select the contract's status")})
    ended = value.get("terminated_on")
    if status != "terminated":
        return {"status": status, "is_terminated": False, "terminated_on": None}
    if ended is None:
        raise ValidationError({"terminated_on": _("Enter the date the contract was terminated")})
    if ended > on:
        message = _("The date the contract was terminated must be today or in the past")
        raise ValidationError({"terminated_on": message})
    return {"status": status, "is_terminated": True, "terminated_on": ended}
