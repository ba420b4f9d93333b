"""Forms of the transition pages: GOV.UK errors, what was typed kept. They parse only; the
services validate and save."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.transition.models import ConsultationEntry, Milestone

DATE_ERRORS = {"required": _("Enter the date"), "invalid": _("Enter a real date, like 2027-03-31")}


class DateInput(forms.DateInput):
    """A browser date picker: its value must be ISO (YYYY-MM-DD) whatever the locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class GdsForm(forms.Form):
    """A form rendered inside the page's own <form> (crispy-forms-gds, no form tag), with the
    GOV.UK error summary."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class MilestoneForm(GdsForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Milestone.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a status")},
    )
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput, error_messages=DATE_ERRORS)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A document, link or reference that shows it is done"),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("No one named: the role's members"))] + [
            (u.pk, u.get_full_name() or u.get_username()) for u in owners
        ]


class TransferForm(GdsForm):
    transfer_on = forms.DateField(
        label=_("New transfer date"), widget=DateInput, error_messages=DATE_ERRORS
    )
    reason = forms.CharField(
        label=_("Why the date moves"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the transfer date moves")},
    )


class MilestoneAddForm(GdsForm):
    title = forms.CharField(
        label=_("What has to be done"),
        max_length=200,
        error_messages={"required": _("Enter what has to be done")},
    )
    due_on = forms.DateField(label=_("Due date"), widget=DateInput, error_messages=DATE_ERRORS)


class LiabilityForm(GdsForm):
    file = forms.FileField(
        label=_("Employee liability information"),
        help_text=_("CSV or XLSX with the columns in docs/bringing-home.md; no names"),
        error_messages={"required": _("Select the file")},
    )


MONEY_ERRORS = {
    "required": _("Enter an amount"),
    "invalid": _("Enter an amount, like 12.60"),
    "min_value": _("Enter an amount of £0 or more"),
    "max_decimal_places": _("Enter an amount in pounds and pence, like 12.60"),
}
MONEY_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})


class GradeForm(GdsForm):
    name = forms.CharField(
        label=_("Grade"), max_length=100, error_messages={"required": _("Enter the grade's name")}
    )
    roles = forms.CharField(
        label=_("Transferring roles on this grade"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One role a line, as the liability file names it"),
        error_messages={"required": _("Enter at least one role")},
    )
    hourly_min = forms.DecimalField(
        label=_("Lowest hourly pay (£)"),
        min_value=0,
        decimal_places=2,
        error_messages=MONEY_ERRORS,
        widget=MONEY_INPUT,
    )
    hourly_max = forms.DecimalField(
        label=_("Highest hourly pay (£)"),
        min_value=0,
        decimal_places=2,
        error_messages=MONEY_ERRORS,
        widget=MONEY_INPUT,
    )


class ConsultationForm(GdsForm):
    kind = forms.ChoiceField(
        label=_("What are you recording?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you are recording")},
    )
    occurred_on = forms.DateField(label=_("Date"), widget=DateInput, error_messages=DATE_ERRORS)
    text = forms.CharField(
        label=_("What was said or decided"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what was said or decided")},
    )
    responds_to = forms.TypedChoiceField(
        label=_("In response to"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, kinds=(), issues=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ConsultationEntry.Kind.choices)
        self.fields["kind"].choices = [(k, labels[k]) for k in kinds]
        self.fields["responds_to"].choices = [("", _("Not a response"))] + [
            (i.pk, f"{i.occurred_on:%-d %b %Y}: {i.text[:60]}") for i in issues
        ]
