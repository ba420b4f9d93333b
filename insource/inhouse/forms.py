"""Officers' forms for in-house services and KPIs. They parse only: the services check and
refuse (insource.inhouse.checks), and the form keeps what was typed."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.inhouse.models import Kpi, KpiRating
from insource.inhouse.services import KpiInput, RatingInput, YearInput

DATE_HINT = _("For example, 2027-04-01")
MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class EntryForm(forms.Form):
    """A form whose fields the service checks: Django only parses (a number, a date), every
    other refusal comes from insource.inhouse.checks, all at once, through the view."""

    def value(self, name: str, default=None):
        """The parsed value of a field, or `default` when it is empty or did not parse."""
        cleaned = getattr(self, "cleaned_data", {})
        value = cleaned.get(name)
        return default if value in (None, "") and default is not None else value


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class GoLiveForm(EntryForm):
    started_on = forms.DateField(
        label=_("Date the service went live in house"), help_text=DATE_HINT
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class KpiForm(EntryForm):
    kind = forms.ChoiceField(
        label=_("What kind of measure is it?"), choices=Kpi.Kind.choices, required=False
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    description = forms.CharField(
        label=_("What it measures (optional)"),
        help_text=_("For a social outcome: the change for residents it shows, not an activity"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    unit = forms.CharField(
        label=_("Unit"),
        help_text=_("For example: %, days, collections missed per 100,000"),
        max_length=60,
        required=False,
    )
    target = forms.DecimalField(label=_("Target"), max_digits=16, decimal_places=4, required=False)
    direction = forms.ChoiceField(
        label=_("Which is better?"), choices=Kpi.Direction.choices, required=False
    )
    period = forms.ChoiceField(
        label=_("How often is it measured?"), choices=Kpi.Period.choices, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "direction", "period"):
            self.fields[name].widget = forms.RadioSelect(choices=self.fields[name].choices)
        self.helper = _helper()
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            "name",
            "description",
            "unit",
            "target",
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
            Field.radios("period", legend_size=Size.SMALL, inline=True),
        )

    def entry(self) -> KpiInput:
        v = self.value
        return KpiInput(
            name=v("name", ""),
            unit=v("unit", ""),
            target=v("target"),
            direction=v("direction", ""),
            period=v("period", ""),
            kind=v("kind", ""),
            description=v("description", ""),
        )


RATING_CHOICES = [("", _("The rating the figures give (recommended)"))] + list(
    KpiRating.Rating.choices
)


class RatingForm(EntryForm):
    period_start = forms.DateField(
        label=_("First day of the period"), help_text=DATE_HINT, required=False
    )
    value = forms.DecimalField(
        label=_("Measured value"), max_digits=16, decimal_places=4, required=False
    )
    rating = forms.ChoiceField(
        label=_("Rating"),
        choices=RATING_CHOICES,
        required=False,
        help_text=_("Choose another rating only if the figures mislead; give the reason"),
    )
    reason = forms.CharField(
        label=_("Reason for another rating"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        help_text=_("Where the figure comes from: a system report, a survey, an inspection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def entry(self) -> RatingInput:
        v = self.value
        return RatingInput(
            period_start=v("period_start"),
            value=v("value"),
            evidence=v("evidence", ""),
            rating=v("rating", ""),
            reason=v("reason", ""),
        )


def _optional(field_class, label, hint="", **kwargs):
    return field_class(label=label, help_text=hint, required=False, **kwargs)


class YearForm(EntryForm):
    number = forms.IntegerField(
        label=_("Service year"), help_text=_("1 is the year from go-live"), required=False
    )
    outturn_gbp = forms.DecimalField(
        label=_("Cost outturn for the year, in pounds"),
        help_text=_("The service's net cost in the council's accounts for the year"),
        required=False,
        **MONEY,
    )
    headcount = _optional(forms.IntegerField, _("Headcount at the year's end"), min_value=0)
    fte = _optional(
        forms.DecimalField, _("Full-time equivalent"), max_digits=8, decimal_places=2, min_value=0
    )
    lowest_hourly_pay_gbp = _optional(
        forms.DecimalField,
        _("Lowest hourly rate paid, in pounds"),
        max_digits=8,
        decimal_places=2,
        min_value=0,
    )
    num_below_fair_wage = _optional(
        forms.IntegerField, _("Number paid below the fair wage"), min_value=0
    )
    pay_uplift_pct = _optional(
        forms.DecimalField,
        _("Median pay change for transferred staff, in percent"),
        _("Against their pay with the contractor"),
        max_digits=6,
        decimal_places=2,
    )
    num_living_locally = _optional(
        forms.IntegerField,
        _("Number living in the authority's area"),
        _("Counted from home postcode districts against the authority's local area"),
        min_value=0,
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        help_text=_("The outturn report and the payroll extract the figures come from"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def entry(self) -> YearInput:
        return YearInput(**{k: self.value(k, "" if k == "evidence" else None) for k in self.fields})
