"""/api/public/v1/services/<key>/ (the national view of a service: the same figures as its
public page and CSV) and /api/public/v1/outcome-kpis/ (every KPI rating recorded, the open
data of social outcomes; the same rows as `/public/outcome-kpis.csv`). ADR 0044; explicit
fields, counts and figures only, no person's data."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from insource.api.parameters import PAGE_PARAMETERS, Param, openapi
from insource.api.public.brought_home import BroughtHomeSerializer
from insource.api.public.views import PublicMixin, conditional_json
from insource.authorities.selectors import authority_by_public_slug
from insource.national.catalogue import service_get
from insource.national.presenters import open_data as open_rows
from insource.national.presenters import view as presenters
from insource.national.selectors import open_data
from insource.national.selectors import view as selectors

MONEY = {"allow_null": True, "help_text": "Pounds, as a decimal string"}


class ServiceNameSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The CPV division (2 digits) or group (3 digits)")
    cpv = serializers.CharField(help_text="The division's or group's 8-digit CPV code")
    name = serializers.CharField()
    category = serializers.CharField(allow_null=True, help_text="The product's own category")
    unit = serializers.CharField(allow_null=True, help_text='e.g. "per household"')
    unit_count = serializers.CharField(allow_null=True, help_text="What a cost is divided by")
    unit_source = serializers.CharField(allow_null=True)
    unit_source_url = serializers.URLField(allow_null=True)


class ReviewCountsSerializer(serializers.Serializer):
    coming_up = serializers.IntegerField(
        help_text="Contracts reaching their decision point within lead_months (reviews due)"
    )
    lead_months = serializers.IntegerField()
    open = serializers.IntegerField(help_text="Unsigned reviews")
    late = serializers.IntegerField(help_text="Open, decision point passed")
    due_soon = serializers.IntegerField(help_text="Open, decision point within warn_months")
    warn_months = serializers.IntegerField()


class OutcomesSerializer(serializers.Serializer):
    in_house = serializers.IntegerField(source="in-house")
    outsourced = serializers.IntegerField()
    not_covered = serializers.IntegerField(source="not-covered")
    other = serializers.IntegerField()


class WhySerializer(serializers.Serializer):
    outcome = serializers.CharField(help_text="The engine's outcome code")
    words = serializers.CharField()
    count = serializers.IntegerField()


class UnitCostSerializer(serializers.Serializer):
    authority = serializers.CharField()
    source = serializers.ChoiceField(choices=["outturn", "appraisal", "contract"])
    year = serializers.IntegerField(allow_null=True, help_text="Service year (1 = from go-live)")
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="A year")
    count = serializers.DecimalField(max_digits=14, decimal_places=0)
    basis = serializers.CharField(help_text="How the count was reached")
    citation = serializers.CharField()
    citation_url = serializers.URLField()
    is_estimate = serializers.BooleanField()
    per_unit = serializers.DecimalField(max_digits=14, decimal_places=2)
    is_illustrative = serializers.BooleanField()


class SpreadSerializer(serializers.Serializer):
    low = serializers.DecimalField(max_digits=14, decimal_places=2)
    median = serializers.DecimalField(max_digits=14, decimal_places=2)
    high = serializers.DecimalField(max_digits=14, decimal_places=2)
    n = serializers.IntegerField()


class AuthorityFiguresSerializer(serializers.Serializer):
    authority_code = serializers.CharField()
    authority_name = serializers.CharField()
    nation = serializers.CharField(allow_blank=True)
    num_contracts = serializers.IntegerField()
    contracts_coming_up = serializers.IntegerField()
    reviews_open = serializers.IntegerField()
    reviews_late = serializers.IntegerField()
    reviews_due_soon = serializers.IntegerField()
    decisions_in_house = serializers.IntegerField()
    decisions_outsourced = serializers.IntegerField()
    decisions_not_covered = serializers.IntegerField()
    decisions_other = serializers.IntegerField()
    departures = serializers.IntegerField()
    brought_home = serializers.IntegerField()
    cost_per_unit_gbp = serializers.CharField(**MONEY)


class NationalViewSerializer(serializers.Serializer):
    service = ServiceNameSerializer()
    on = serializers.DateField(help_text="The date the figures are as of")
    num_adopters = serializers.IntegerField()
    reviews = ReviewCountsSerializer()
    outcomes = OutcomesSerializer()
    outsourced_why = WhySerializer(many=True)
    departures = serializers.IntegerField()
    brought_home = BroughtHomeSerializer(many=True)
    unit_costs = UnitCostSerializer(many=True)
    spread = SpreadSerializer(allow_null=True)
    authorities = AuthorityFiguresSerializer(many=True)


class OutcomeKpiSerializer(serializers.Serializer):
    authority_code = serializers.CharField()
    authority_name = serializers.CharField()
    service = serializers.CharField()
    main_cpv = serializers.CharField(allow_blank=True)
    service_group = serializers.CharField(allow_blank=True)
    contract_id = serializers.IntegerField(allow_null=True)
    inhouse_service_id = serializers.IntegerField(allow_null=True)
    kpi_id = serializers.IntegerField()
    kpi_name = serializers.CharField()
    kpi_kind = serializers.ChoiceField(choices=["performance", "social_outcome"])
    unit = serializers.CharField()
    target = serializers.CharField()
    direction = serializers.ChoiceField(choices=["higher", "lower"])
    period = serializers.ChoiceField(choices=["month", "quarter", "year"])
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    value = serializers.CharField()
    rating = serializers.CharField(help_text="Procurement Act 2023 s.52 scale, or other")
    rating_words = serializers.CharField()
    delivered_by = serializers.ChoiceField(choices=["contractor", "inhouse"])
    is_illustrative = serializers.BooleanField()


@extend_schema(tags=["services"])
@extend_schema_view(retrieve=extend_schema(responses=NationalViewSerializer))
class ServiceViewSet(PublicMixin, viewsets.GenericViewSet):
    """One service (a CPV division or group) across every authority using Insource: reviews
    open and due, outcomes by kind, services brought home and unit costs (`/public/services/`)."""

    serializer_class = NationalViewSerializer
    lookup_value_regex = "[0-9]{2,3}"
    filter_backends: list = []

    def retrieve(self, request, pk=None):
        service = service_get(pk)
        if service is None:
            raise Http404("Not found.")
        view = selectors.national_view(service, on=timezone.localdate())
        return conditional_json(request, NationalViewSerializer(presenters.view_data(view)).data)


OUTCOME_KPI_PARAMETERS = (
    Param("authority", "Only this authority's (its code, e.g. STS).", max_length=120),
    Param(
        "service",
        "Only this service: a CPV division (2 digits) or group (3 digits), e.g. 905.",
        pattern="^[0-9]{2,3}$",
    ),
    Param("kind", "Only this kind of KPI.", enum=("performance", "social_outcome")),
    Param(
        "place",
        "Only the public bodies of this saved place (its slug, as in /public/places/<slug>/).",
        max_length=80,
    ),
)


@extend_schema(tags=["outcome KPIs"])
@extend_schema_view(
    list=extend_schema(
        parameters=openapi(OUTCOME_KPI_PARAMETERS), responses=OutcomeKpiSerializer(many=True)
    )
)
class OutcomeKpiViewSet(PublicMixin, viewsets.GenericViewSet):
    """Every KPI rating recorded by any authority, for contracts and in-house services alike:
    the measure, its target, the period, the value and its rating (CSV:
    `/public/outcome-kpis.csv`)."""

    serializer_class = OutcomeKpiSerializer
    filter_backends: list = []

    def query_parameters(self) -> tuple[Param, ...]:
        return (*OUTCOME_KPI_PARAMETERS, *PAGE_PARAMETERS)

    def get_queryset(self):
        query = self.request.query_params
        authority = None
        if code := query.get("authority", "").strip():
            authority = authority_by_public_slug(code)
            if authority is None:
                raise Http404("No authority with that code.")
        key = query.get("service", "")
        if key and service_get(key) is None:
            raise Http404("No service with that code.")
        return open_data.outcome_kpi_ratings(
            authority=authority, key=key, kind=query.get("kind", ""), within=_place_within(query)
        )

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        rows = [open_rows.outcome_kpi_row(r) for r in page]
        return self.get_paginated_response(OutcomeKpiSerializer(rows, many=True).data)


class KpiAssessmentSerializer(serializers.Serializer):
    authority_code = serializers.CharField()
    authority_name = serializers.CharField()
    contract_id = serializers.IntegerField()
    service = serializers.CharField()
    main_cpv = serializers.CharField(allow_blank=True)
    service_group = serializers.CharField(allow_blank=True)
    checked_on = serializers.DateField()
    num_kpis = serializers.IntegerField(allow_null=True, help_text="KPIs assessed")
    num_kpis_met = serializers.IntegerField(allow_null=True, help_text="Of them, met")
    is_published = serializers.BooleanField(allow_null=True, help_text="Published by the authority")


KPI_ASSESSMENT_PARAMETERS = (*OUTCOME_KPI_PARAMETERS[:2], OUTCOME_KPI_PARAMETERS[3])


def _place_within(query) -> set[int] | None:
    """The `place` filter: a saved place's bodies, or None for no filter (404 for no place)."""
    if not (slug := query.get("place", "").strip()):
        return None
    within = open_data.place_scope(slug)
    if within is None:
        raise Http404("No saved place with that name.")
    return within


@extend_schema(tags=["outcome KPIs"])
@extend_schema_view(
    list=extend_schema(
        parameters=openapi(KPI_ASSESSMENT_PARAMETERS), responses=KpiAssessmentSerializer(many=True)
    )
)
class KpiAssessmentViewSet(PublicMixin, viewsets.GenericViewSet):
    """The KPI assessments recorded while monitoring contracts a published decision keeps with a
    contractor: KPIs assessed and met (CSV: `/public/kpi-assessments.csv`)."""

    serializer_class = KpiAssessmentSerializer
    filter_backends: list = []

    def query_parameters(self) -> tuple[Param, ...]:
        return (*KPI_ASSESSMENT_PARAMETERS, *PAGE_PARAMETERS)

    def get_queryset(self):
        query = self.request.query_params
        authority = None
        if code := query.get("authority", "").strip():
            authority = authority_by_public_slug(code)
            if authority is None:
                raise Http404("No authority with that code.")
        key = query.get("service", "")
        if key and service_get(key) is None:
            raise Http404("No service with that code.")
        return open_data.kpi_assessments(authority=authority, key=key, within=_place_within(query))

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        rows = [open_rows.kpi_assessment_row(r) for r in page]
        return self.get_paginated_response(KpiAssessmentSerializer(rows, many=True).data)
