"""Filters for the register: one FilterSet shared by pages, API and CLI, and the pipeline form.

Invalid values never raise: they become GOV.UK-style form errors, and only the valid filters
are applied.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Div, Field, Fieldset, Layout, Size
from django import forms
from django.core.validators import RegexValidator
from django.db.models import F, Q, QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from insource.authorities.models import Authority
from insource.register import text_search
from insource.register.forms.authority import AuthorityField
from insource.register.importers.derive import FLAG_LABELS
from insource.register.models import Contract
from insource.register.selectors.pipeline import DEFAULT_PIPELINE_MONTHS, PIPELINE_MONTHS

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d %m %Y", "%Y-%m-%d", "%d/%m/%y"]
DATE_HINT = _("For example, 31/3/2027")
DATE_ERROR = _("Enter a real date, like 31/3/2027")
MONEY_ERROR = _("Enter an amount in pounds, like 250000")
MONEY_ERRORS = {"invalid": MONEY_ERROR, "min_value": MONEY_ERROR, "max_value": MONEY_ERROR}
CPV_ERROR = _("Enter the start of a CPV code, using digits only, like 905")
MAX_MONEY = 10**12
SORTS = {
    "end": (F("end_on").asc(nulls_last=True), "id"),
    "-end": (F("end_on").desc(nulls_last=True), "-id"),
    "-value": (F("value_inc_vat").desc(nulls_last=True), "id"),
    "title": ("title", "id"),
}


class AuthorityFilter(django_filters.Filter):
    """The reviewing authority, typed by name or code (ADR 0038: an autocomplete over a text
    box, not a 1,400-option select)."""

    field_class = AuthorityField

    def filter(self, qs: QuerySet, value) -> QuerySet:
        return qs if value is None else qs.filter(reviewing_authority=value)


class ContractFilterForm(forms.Form):
    """The register's filter form: GOV.UK layout, and checks across fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("q"),
            Field.text("authority"),
            Field.text("cpv", field_width=10),
            Field.text("supplier"),
            Fieldset(
                Field.text("value_min", field_width=10),
                Field.text("value_max", field_width=10),
                legend=_("Value including VAT (£)"),
                legend_size=Size.SMALL,
            ),
            Fieldset(
                Field.text("end_after", field_width=10),
                Field.text("end_before", field_width=10),
                legend=_("End date"),
                legend_size=Size.SMALL,
            ),
            Field.select("flag"),
            Field.select("sort"),
        )

    def clean(self):
        data = super().clean()
        self._check_range(
            data, "value_min", "value_max", _("Maximum value must be at least the minimum value")
        )
        self._check_range(
            data, "end_after", "end_before", _("'Ends before' must be on or after 'ends after'")
        )
        return data

    def _check_range(self, data, low, high, message):
        if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
            self.add_error(high, message)


def _money_filter(label, lookup: str) -> django_filters.NumberFilter:
    """A bound of the value-incl.-VAT range, in pounds."""
    return django_filters.NumberFilter(
        label=label,
        field_name="value_inc_vat",
        lookup_expr=lookup,
        min_value=0,
        max_value=MAX_MONEY,
        error_messages=MONEY_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


def _date_filter(label, lookup: str) -> django_filters.DateFilter:
    """A bound of the end-date range, typed as UK people write dates."""
    return django_filters.DateFilter(
        label=label,
        field_name="end_on",
        lookup_expr=lookup,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


class ContractFilter(django_filters.FilterSet):
    """Filter the register by authority, service (CPV prefix), supplier, value, end date, text."""

    q = django_filters.CharFilter(
        label=_("Title or supplier contains"), method="filter_text", max_length=200
    )
    authority = AuthorityFilter(label=_("Authority"))
    cpv = django_filters.CharFilter(
        label=_("Service (CPV code starts with)"),
        method="filter_cpv",
        help_text=_("For example, 905 for refuse and waste, or 555 for catering"),
        validators=[RegexValidator(r"^\d{1,8}$", message=CPV_ERROR)],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    supplier = django_filters.CharFilter(
        label=_("Supplier name contains"), method="filter_supplier", max_length=200
    )
    value_min = _money_filter(_("From"), "gte")
    value_max = _money_filter(_("To"), "lte")
    end_after = _date_filter(_("Ends on or after"), "gte")
    end_before = _date_filter(_("Ends on or before"), "lte")
    flag = django_filters.ChoiceFilter(
        label=_("Needs an officer"),
        method="filter_flag",
        empty_label=_("Any"),
        choices=list(FLAG_LABELS.items()),
        error_messages={"invalid_choice": _("Select a data-quality check from the list")},
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        empty_label=None,
        choices=[
            ("end", _("End date, soonest first")),
            ("-end", _("End date, latest first")),
            ("-value", _("Value, highest first")),
            ("title", _("Title, A to Z")),
        ],
        error_messages={"invalid_choice": _("Select how to sort the contracts")},
    )

    class Meta:
        model = Contract
        fields: list[str] = []
        form = ContractFilterForm

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search.words_filter(queryset, value)

    def filter_supplier(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search.supplier_filter(queryset, value.strip())

    def filter_cpv(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # cpv_codes is a JSON list of strings: a code starting with the prefix appears as `"905...`.
        return queryset.filter(Q(main_cpv__startswith=value) | Q(cpv_codes__icontains=f'"{value}'))

    def filter_flag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(flag_codes__contains=f" {value} ")

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*SORTS[value])


def _months_label(n: int) -> str:
    return ngettext("%(n)s month", "%(n)s months", n) % {"n": n}


months_label = lazy(_months_label, str)


class PipelineForm(forms.Form):
    """The pipeline's window (months ahead) and optional authority."""

    within = forms.TypedChoiceField(
        label=_("Ending in the next"),
        choices=[(n, months_label(n)) for n in PIPELINE_MONTHS],
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Select 6, 12, 18, 24 or 36 months")},
    )
    authority = AuthorityField(label=_("Authority"))

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("within"):
            data = data.copy()
            data["within"] = str(DEFAULT_PIPELINE_MONTHS)
        super().__init__(data, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Div(Field.select("within"), css_class="govuk-grid-column-one-quarter-from-desktop"),
            Div(Field.text("authority"), css_class="govuk-grid-column-one-half-from-desktop"),
        )

    def params(self) -> PipelineParams:
        """The valid choices, with the defaults standing in for anything missing or invalid."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return PipelineParams(
            within_months=data.get("within") or DEFAULT_PIPELINE_MONTHS,
            authority=data.get("authority"),
        )


@dataclass(frozen=True)
class PipelineParams:
    within_months: int
    authority: Authority | None
