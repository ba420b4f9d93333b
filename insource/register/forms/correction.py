"""Correcting a contract, undoing a correction, retiring a contract as a duplicate of another
and returning it to the register."""

from __future__ import annotations

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from insource.register.forms.fields import NATURES, YES_NO, RealDateField
from insource.register.models import Contract, VatBasis
from insource.register.services.correction_values import correction_values

MONEY_ERRORS = {"required": _("Enter the amount")}
STATUS_CHOICES = (
    ("active", _("Active: the contract is in force")),
    ("pending", _("Pending: awarded, not yet started")),
    ("terminated", _("Terminated: ended early")),
    ("cancelled", _("Cancelled: it never went ahead")),
)
VAT_CHOICES = (
    (VatBasis.INC.value, _("Yes, it includes VAT")),
    (VatBasis.EXC.value, _("No, it excludes VAT")),
    (VatBasis.UNKNOWN.value, _("The source does not say")),
)
# Where the service's errors go on the form (the correction's own name is the value).
ERROR_TARGETS = {"reason": "reason", "value_vat_basis": "vat_basis", "terminated_on": "ended_on"}


def _radios(label, choices, required_message) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def _value_field(name: str, label) -> forms.Field:
    """The form field a correction of `name` takes (money and CPV codes are typed and checked
    by the service, so the page and the service say the same)."""
    if name in ("awarded_on", "start_on", "end_on", "max_end_on"):
        return RealDateField(label=label, help_text=_("For example, 31 3 2027"))
    if name == "is_framework":
        return _radios(label, YES_NO, _("Select yes or no"))
    if name == "nature":
        return _radios(label, NATURES, _("Select what the contract buys"))
    if name == "status":
        return _radios(label, STATUS_CHOICES, _("Select the contract's status"))
    if name in ("value_inc_vat", "value_amount"):
        help_text = _("In pounds, for example 125000")
        return forms.CharField(
            label=label, help_text=help_text, max_length=40, error_messages=MONEY_ERRORS
        )
    if name == "cpv_codes":
        return forms.CharField(
            label=label,
            help_text=_("8 digits each, the main code first, separated by commas"),
            max_length=1000,
            error_messages={"required": _("Enter at least one CPV code, like 90511000")},
        )
    if name == "description":
        return forms.CharField(
            label=label, required=False, widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
        )
    return forms.CharField(
        label=label,
        max_length=1000,
        error_messages={
            "required": _("Enter the new value"),
            "max_length": _("Enter %(limit_value)d characters or fewer"),
        },
    )


def _extra_fields(name: str) -> dict[str, forms.Field]:
    """The other questions of a correction: the VAT basis of an amount, a termination's date."""
    if name == "value_amount":
        label = _("Does the amount include VAT?")
        return {
            "vat_basis": _radios(label, VAT_CHOICES, _("Select whether the amount includes VAT"))
        }
    if name == "status":
        ended = RealDateField(
            label=_("If it was terminated, when?"),
            help_text=_("Only for a terminated contract. For example, 31 3 2026"),
            required=False,
        )
        return {"ended_on": ended}
    return {}


def _layout_of(form: forms.Form, name: str) -> Layout:
    value = form.fields["value"]
    if isinstance(value.widget, forms.RadioSelect):
        fields = [Field.radios("value", legend_size=Size.MEDIUM)]
    elif isinstance(value, DateInputField):
        fields = [Field("value", context={"legend_size": Size.for_legend(Size.MEDIUM)})]
    else:
        fields = [Field("value", label_size=Size.MEDIUM)]
    if "vat_basis" in form.fields:
        fields.append(Field.radios("vat_basis", legend_size=Size.MEDIUM))
    if "ended_on" in form.fields:
        fields.append(Field("ended_on", context={"legend_size": Size.for_legend(Size.MEDIUM)}))
    return Layout(*fields, Field("reason", label_size=Size.MEDIUM))


def _reason_field(label, help_text, required_message) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": required_message,
            "max_length": _("Enter a reason of 2,000 characters or fewer"),
        },
    )


class CorrectionForm(forms.Form):
    """One correction's new value (and its other questions) and the reason for it."""

    def __init__(self, *args, field: str, label, contract: Contract, on: date, **kwargs):
        self.field_name, self.contract, self.on = field, contract, on
        kwargs.setdefault("initial", initial_values(contract, field))
        super().__init__(*args, **kwargs)
        self.fields["value"] = _value_field(field, label)
        self.fields.update(_extra_fields(field))
        self.fields["reason"] = _reason_field(
            _("Why are you correcting it?"),
            _("For example, the notice gave the wrong end date: see the signed contract"),
            _("Enter the reason for the correction"),
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = _layout_of(self, field)

    def clean(self):
        """The service's own checks of the value (`correction_values`), shown with the form's
        other errors, all at once."""
        cleaned = super().clean()
        if "value" not in self.errors:
            try:
                correction_values(self.contract, self.field_name, self.new_value(), on=self.on)
            except ValidationError as error:
                self.add_service_errors(error, skip_answered=True)
        return cleaned

    def new_value(self):
        """The value the service takes for this correction."""
        value = self.cleaned_data.get("value")
        if self.field_name == "is_framework":
            return value == "yes"
        if self.field_name == "value_amount":
            return {"amount": value, "vat_basis": self.cleaned_data.get("vat_basis")}
        if self.field_name == "status":
            return {"status": value, "terminated_on": self.cleaned_data.get("ended_on")}
        return value

    def add_service_errors(self, error: ValidationError, skip_answered: bool = False) -> None:
        """The service's errors on the questions they are about (`skip_answered`: not where
        the form already found one)."""
        for name, messages in error.message_dict.items():
            target = ERROR_TARGETS.get(name, "value" if name != "field" else None)
            if target is not None and target not in self.fields:
                target = "value"
            if skip_answered and target in self.errors:
                continue
            for message in messages:
                self.add_error(target, message)


def initial_values(contract: Contract, field: str) -> dict:
    """The contract's values as the form shows them (booleans as yes or no, codes as text)."""
    value = getattr(contract, field)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    elif field == "cpv_codes":
        value = ", ".join(value or ())
    initial = {"value": value}
    if field == "value_amount":
        initial["vat_basis"] = contract.value_vat_basis
    if field == "status":
        initial["ended_on"] = contract.terminated_on
    return initial


class ReasonForm(forms.Form):
    """Only a reason: undoing a correction, returning a contract to the register."""

    def __init__(self, *args, label, help_text, required_message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field(label, help_text, required_message)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field("reason", label_size=Size.MEDIUM))

    def add_service_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            for message in messages:
                self.add_error("reason" if name == "reason" else None, message)


class RetireForm(forms.Form):
    """Which contract this one duplicates, and why."""

    duplicate_of = forms.CharField(
        label=_("Which contract does it duplicate?"),
        help_text=_(
            "Its number in the register (in the address of its page) or its open contracting ID"
        ),
        max_length=200,
        error_messages={"required": _("Enter the contract it duplicates")},
    )
    reason = forms.CharField(
        label=_("Why is it a duplicate?"),
        help_text=_(
            "For example, the same award published by both Contracts Finder and the council"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": _("Enter the reason for retiring the contract"),
            "max_length": _("Enter a reason of 2,000 characters or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field("duplicate_of", label_size=Size.MEDIUM), Field("reason", label_size=Size.MEDIUM)
        )

    def add_service_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
