"""Adding a contract the feeds never published: everything the policy needs, in one form."""

from __future__ import annotations

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.register.forms.fields import NATURES, YES_NO, RealDateField
from insource.register.services.contracts import ContractEntry, contract_entry_errors

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
