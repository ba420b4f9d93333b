"""Forms of the officer's register pages. Forms only parse what was typed: the services decide."""

from __future__ import annotations

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from insource.register.models import Contract, Nature
from insource.register.services.contracts import ContractEntry, contract_entry_errors

YES_NO = (("yes", _("Yes")), ("no", _("No")))
NATURES = [(n.value, n.label) for n in Nature if n.value]


class RealDateField(DateInputField):
    """A GOV.UK date input whose every malformed date reads "Enter a real date"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = _("Enter the date")

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            if getattr(error, "code", None) == "required":
                raise
            raise ValidationError(_("Enter a real date"), code="invalid") from None


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


SCHEMES = (
    ("GB-COH", _("Companies House number")),
    ("GB-CHC", _("Charity Commission number")),
    ("", _("The supplier has no number, or I do not know it")),
)


class ContractAddForm(forms.Form):
    """Every field the policy needs of a contract the feeds never published."""

    title = forms.CharField(
        label=_("Title of the contract"),
        max_length=1000,
        error_messages={"required": _("Enter the contract's title")},
    )
    supplier_name = forms.CharField(
        label=_("Supplier's name"),
        max_length=500,
        error_messages={"required": _("Enter the supplier's name")},
    )
    supplier_scheme = forms.ChoiceField(
        label=_("Supplier's identifier"),
        choices=SCHEMES,
        widget=forms.RadioSelect,
        required=False,
    )
    supplier_identifier = forms.CharField(
        label=_("Supplier's number (optional)"),
        help_text=_("For example, 01234567"),
        max_length=40,
        required=False,
    )
    value_amount = forms.DecimalField(
        label=_("Total value of the contract"),
        help_text=_("In pounds, for example 125000"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        error_messages={
            "required": _("Enter the contract's value"),
            "invalid": _("Enter the value as a number, like 125000"),
            "min_value": _("The value must be £0 or more"),
            "max_digits": _("Enter a value under £1 trillion"),
            "max_whole_digits": _("Enter a value under £1 trillion"),
            "max_decimal_places": _("Enter the value to the nearest penny"),
        },
    )
    value_includes_vat = forms.ChoiceField(
        label=_("Does the value include VAT?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the value includes VAT")},
    )
    start_on = RealDateField(label=_("Start date"), help_text=_("For example, 1 4 2025"))
    end_on = RealDateField(label=_("End date"), help_text=_("For example, 31 3 2028"))
    main_cpv = forms.CharField(
        label=_("CPV code"),
        help_text=_("The 8-digit code of what is bought, for example 90511000"),
        max_length=10,
        error_messages={"required": _("Enter a CPV code of 8 digits from CPV 2008, like 90511000")},
    )
    nature = forms.ChoiceField(
        label=_("What does the contract buy?"),
        choices=[c for c in NATURES if c[0] in ("services", "goods", "works")],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the contract buys services, goods or works")},
    )
    is_framework = forms.ChoiceField(
        label=_("Is it a framework agreement or a call-off from one?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes or no")},
    )
    document_url = forms.URLField(
        label=_("Link to the contract or its notice (optional)"),
        required=False,
        assume_scheme="https",
        max_length=1000,
        error_messages={"invalid": _("Enter a web address, like https://www.example.gov.uk/")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        items = []
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.RadioSelect):
                items.append(Field.radios(name, legend_size=Size.SMALL, small=True))
            elif isinstance(field, DateInputField):
                items.append(Field(name, context={"legend_size": Size.for_legend(Size.SMALL)}))
            else:
                items.append(Field(name, label_size=Size.SMALL))
        self.helper.layout = Layout(*items)

    def clean(self):
        data = super().clean()
        if not self.errors:
            for name, message in contract_entry_errors(self.entry()).items():
                self.add_error(name, message)
        return data

    def entry(self):
        d = self.cleaned_data
        return ContractEntry(
            title=d["title"],
            supplier_name=d["supplier_name"],
            supplier_scheme=d.get("supplier_scheme") or "",
            supplier_identifier=d.get("supplier_identifier") or "",
            value_amount=d["value_amount"],
            value_includes_vat=d["value_includes_vat"] == "yes",
            start_on=d["start_on"],
            end_on=d["end_on"],
            main_cpv=d["main_cpv"].strip(),
            nature=d["nature"],
            is_framework=d["is_framework"] == "yes",
            document_url=d.get("document_url") or "",
        )

    def as_session(self) -> dict:
        """What was answered, as the session keeps it between the form and the check page."""
        return {
            name: value.isoformat() if isinstance(value, date) else str(value)
            for name, value in self.cleaned_data.items()
            if value is not None
        }

    @classmethod
    def from_session(cls, answers: dict) -> ContractAddForm:
        """A bound form of the session's answers (the date inputs as day, month and year)."""
        data = {}
        for name, value in answers.items():
            if name in ("start_on", "end_on") and value:
                year, month, day = value.split("-")
                data |= {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}
            else:
                data[name] = value
        return cls(data)
