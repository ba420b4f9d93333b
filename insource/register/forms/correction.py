"""Correcting one field of a contract, and retiring a contract as a duplicate of another."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from insource.register.forms.fields import NATURES, YES_NO, RealDateField
from insource.register.models import Contract


def _value_field(name: str, label) -> forms.Field:
    """The form field a correction of `name` takes."""
    if name in ("start_on", "end_on", "max_end_on"):
        return RealDateField(label=label, help_text=_("For example, 31 3 2027"))
    if name in ("is_framework", "is_terminated"):
        return forms.ChoiceField(
            label=label,
            choices=YES_NO,
            widget=forms.RadioSelect,
            error_messages={"required": _("Select yes or no")},
        )
    if name == "nature":
        return forms.ChoiceField(
            label=label,
            choices=NATURES,
            widget=forms.RadioSelect,
            error_messages={"required": _("Select what the contract buys")},
        )
    if name in ("value_inc_vat", "value_amount"):
        return forms.DecimalField(
            label=label,
            help_text=_("In pounds, for example 125000"),
            max_digits=14,
            decimal_places=2,
            min_value=0,
            error_messages={
                "required": _("Enter the value"),
                "invalid": _("Enter the value as a number, like 125000"),
                "min_value": _("The value must be £0 or more"),
                "max_digits": _("Enter a value under £1 trillion"),
                "max_whole_digits": _("Enter a value under £1 trillion"),
                "max_decimal_places": _("Enter the value to the nearest penny"),
            },
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


class CorrectionForm(forms.Form):
    """One field's new value and the reason for the correction."""

    reason = forms.CharField(
        label=_("Why are you correcting it?"),
        help_text=_("For example, the notice gave the wrong end date: see the signed contract"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": _("Enter the reason for the correction"),
            "max_length": _("Enter a reason of 2,000 characters or fewer"),
        },
    )

    def __init__(self, *args, field: str, label, contract: Contract, **kwargs):
        self.field_name = field
        kwargs.setdefault("initial", {"value": initial_value(contract, field)})
        super().__init__(*args, **kwargs)
        self.fields = {"value": _value_field(field, label), "reason": self.fields["reason"]}
        self.helper = FormHelper()
        self.helper.form_tag = False
        value = self.fields["value"]
        if isinstance(value.widget, forms.RadioSelect):
            layout_value = Field.radios("value", legend_size=Size.MEDIUM)
        elif isinstance(value, DateInputField):
            layout_value = Field("value", context={"legend_size": Size.for_legend(Size.MEDIUM)})
        else:
            layout_value = Field("value", label_size=Size.MEDIUM)
        self.helper.layout = Layout(layout_value, Field("reason", label_size=Size.MEDIUM))

    def new_value(self):
        """The value as the contract holds it."""
        value = self.cleaned_data["value"]
        if self.field_name in ("is_framework", "is_terminated"):
            return value == "yes"
        return value

    def add_service_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            target = "reason" if name == "reason" else "value"
            for message in messages:
                self.add_error(target, message)


def initial_value(contract: Contract, field: str):
    """The contract's value as the form shows it (booleans as the radios' yes or no)."""
    value = getattr(contract, field)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


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
