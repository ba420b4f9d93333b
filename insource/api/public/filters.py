"""Filters for the public API: the register's own FilterSet, minus what is officers' only.

`PublicContractFilter` is the register page's `ContractFilter` (text, CPV prefix, supplier,
value range, end-date range, sort) with the authority given by its code, no data-quality
flag filter (an officer's work queue), and no cross-field checks: a minimum above the maximum
simply matches nothing. `*_PARAMETERS` state each parameter's exact shape: the OpenAPI document
and the check that refuses anything outside it (`insource.api.parameters`) both read them.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from insource.api.parameters import Param
from insource.policy.outcomes import OUTCOMES
from insource.register.filters import MAX_MONEY, SORTS, ContractFilter
from insource.reviews.models import Decision


def _by_code(prefix: str):
    def filter_authority(queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(
            Q(**{f"{prefix}__code__iexact": value}) | Q(**{f"{prefix}__key": value})
        )

    return filter_authority


class PublicContractFilter(ContractFilter):
    authority = django_filters.CharFilter(
        label="Authority code (e.g. HRY), for the authority that reviews the contract",
        method="filter_authority",
        max_length=120,
    )
    flag = None

    class Meta(ContractFilter.Meta):
        form = forms.Form

    supplier = django_filters.CharFilter(method="filter_supplier", max_length=200)

    def filter_authority(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _by_code("reviewing_authority")(queryset, name, value)


class PublicDecisionFilter(django_filters.FilterSet):
    authority = django_filters.CharFilter(
        label="Authority code (e.g. HRY)", method="filter_authority", max_length=120
    )
    contract = django_filters.NumberFilter(field_name="contract_id", min_value=1, max_value=2**62)
    outcome = django_filters.ChoiceFilter(choices=[(code, code) for code in OUTCOMES])

    class Meta:
        model = Decision
        fields: list[str] = []

    def filter_authority(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _by_code("authority")(queryset, name, value)


CONTRACT_PARAMETERS = (
    Param("q", "Words that the title or a supplier's name contains (all of them).", max_length=200),
    Param("authority", "The reviewing authority's code, e.g. HRY.", max_length=120),
    Param("cpv", "The start of a CPV code, e.g. 905.", pattern="^[0-9]{1,8}$"),
    Param("supplier", "Text a supplier's name contains.", max_length=200),
    Param(
        "value_min",
        "Lowest value including VAT, in pounds.",
        type="number",
        minimum=0,
        maximum=MAX_MONEY,
    ),
    Param(
        "value_max",
        "Highest value including VAT, in pounds.",
        type="number",
        minimum=0,
        maximum=MAX_MONEY,
    ),
    Param("end_after", "Ends on or after this date (YYYY-MM-DD).", format="date"),
    Param("end_before", "Ends on or before this date (YYYY-MM-DD).", format="date"),
    Param(
        "sort",
        "Order: end date soonest (end) or latest (-end) first, value highest first, title.",
        enum=tuple(SORTS),
    ),
)
DECISION_PARAMETERS = (
    Param("authority", "The deciding authority's code, e.g. HRY.", max_length=120),
    Param("contract", "Contract id.", type="integer", minimum=1, maximum=2**62),
    Param("outcome", "Outcome code, e.g. INSOURCE_STATUTORY_PRESUMPTION.", enum=tuple(OUTCOMES)),
)
