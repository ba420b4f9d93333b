"""Filters for the public API: the register's own FilterSet, minus what is officers' only.

`PublicContractFilter` is the register page's `ContractFilter` (text, CPV prefix, supplier,
value range, end-date range, sort) with the authority given by its code, no data-quality
flag filter (an officer's work queue), and no cross-field checks: a minimum above the maximum
simply matches nothing. `PARAMETERS` states each parameter's exact shape for the OpenAPI.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from drf_spectacular.utils import OpenApiParameter

from insource.register.filters import MAX_MONEY, ContractFilter
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

    def filter_authority(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _by_code("reviewing_authority")(queryset, name, value)


class PublicDecisionFilter(django_filters.FilterSet):
    authority = django_filters.CharFilter(
        label="Authority code (e.g. HRY)", method="filter_authority", max_length=120
    )
    contract = django_filters.NumberFilter(field_name="contract_id", min_value=1, max_value=2**62)
    outcome = django_filters.CharFilter(max_length=60)

    class Meta:
        model = Decision
        fields: list[str] = []

    def filter_authority(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _by_code("authority")(queryset, name, value)


def _text(name: str, description: str, **schema) -> OpenApiParameter:
    return OpenApiParameter(name, {"type": "string", **schema}, description=description)


CONTRACT_PARAMETERS = [
    _text("q", "Words that the title or a supplier's name contains (all of them).", maxLength=200),
    _text("authority", "The reviewing authority's code, e.g. HRY.", maxLength=120),
    _text("cpv", "The start of a CPV code, e.g. 905.", pattern="^[0-9]{1,8}$"),
    _text("supplier", "Text a supplier's name contains."),
    OpenApiParameter(
        "value_min",
        {"type": "number", "minimum": 0, "maximum": MAX_MONEY},
        description="Lowest value including VAT, in pounds.",
    ),
    OpenApiParameter(
        "value_max",
        {"type": "number", "minimum": 0, "maximum": MAX_MONEY},
        description="Highest value including VAT, in pounds.",
    ),
    _text("end_after", "Ends on or after this date (YYYY-MM-DD).", format="date"),
    _text("end_before", "Ends on or before this date (YYYY-MM-DD).", format="date"),
    _text(
        "sort",
        "Order: end date soonest (end) or latest (-end) first, value highest first, title.",
        enum=["end", "-end", "-value", "title"],
    ),
]
DECISION_PARAMETERS = [
    _text("authority", "The deciding authority's code, e.g. HRY.", maxLength=120),
    OpenApiParameter(
        "contract", {"type": "integer", "minimum": 1, "maximum": 2**62}, description="Contract id."
    ),
    _text("outcome", "Outcome code, e.g. INSOURCE_STATUTORY_PRESUMPTION.", maxLength=60),
]
