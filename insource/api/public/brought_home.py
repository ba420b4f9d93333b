"""/api/public/v1/brought-home/: every service brought home by any adopter, with the figures
of the public "Brought home" pages and their CSV (`insource.inhouse.figures.summary_row`), and
one service's years and KPI ratings. Explicit fields; counts and shares only, no person's data."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from insource.api.public.views import PublicMixin, conditional_json
from insource.api.selectors import valid_id
from insource.inhouse import selectors
from insource.inhouse.figures import service_figures, summary_row

MONEY = {"allow_null": True, "help_text": "Pounds, as a decimal string"}
PCT = {"allow_null": True, "help_text": "Percent, one decimal place, as a string"}


class BroughtHomeSerializer(serializers.Serializer):
    """One service brought home: its latest service year against the forecast band and the last
    contract's price, KPI ratings under the contract and in house, staff shares."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The public Brought home page")
    authority_code = serializers.CharField()
    authority_name = serializers.CharField()
    service = serializers.CharField()
    main_cpv = serializers.CharField(allow_blank=True)
    route = serializers.ChoiceField(choices=["in-house", "public-public"])
    started_on = serializers.DateField(help_text="Go-live: the first day run in house")
    contract_id = serializers.IntegerField(help_text="The contract it replaced")
    contract_price_per_year_gbp = serializers.CharField(**MONEY)
    latest_year = serializers.IntegerField(allow_null=True, help_text="1 = the year from go-live")
    latest_year_starts_on = serializers.DateField(allow_null=True)
    outturn_gbp = serializers.CharField(**MONEY)
    forecast_p10_gbp = serializers.CharField(**MONEY)
    forecast_p50_gbp = serializers.CharField(**MONEY)
    forecast_p90_gbp = serializers.CharField(**MONEY)
    outturn_against_forecast = serializers.ChoiceField(
        choices=["below", "within", "above"], allow_null=True
    )
    outturn_against_contract_pct = serializers.CharField(**PCT)
    num_kpis = serializers.IntegerField()
    kpis_good_under_contract = serializers.IntegerField()
    kpis_rated_under_contract = serializers.IntegerField()
    kpis_good_in_house = serializers.IntegerField()
    kpis_rated_in_house = serializers.IntegerField()
    num_social_outcomes = serializers.IntegerField()
    headcount = serializers.IntegerField(allow_null=True)
    share_paid_fair_wage_pct = serializers.CharField(**PCT)
    share_living_locally_pct = serializers.CharField(**PCT)
    pay_uplift_pct = serializers.CharField(**PCT)
    is_illustrative = serializers.BooleanField(help_text="Some figures were made up for the demo")


class RatingSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    value = serializers.DecimalField(max_digits=16, decimal_places=4)
    rating = serializers.CharField()
    derived_rating = serializers.CharField()
    delivered_by = serializers.CharField()
    is_illustrative = serializers.BooleanField()


class KpiSerializer(serializers.Serializer):
    name = serializers.CharField(source="kpi.name")
    kind = serializers.CharField(source="kpi.kind")
    unit = serializers.CharField(source="kpi.unit")
    target = serializers.DecimalField(source="kpi.target", max_digits=16, decimal_places=4)
    direction = serializers.CharField(source="kpi.direction")
    period = serializers.CharField(source="kpi.period")
    ratings = RatingSerializer(many=True)


class YearSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="year.number")
    starts_on = serializers.DateField(source="year.starts_on")
    ends_on = serializers.DateField(source="year.ends_on")
    outturn_gbp = serializers.DecimalField(
        source="year.outturn_gbp", max_digits=14, decimal_places=2
    )
    forecast_p10_gbp = serializers.DecimalField(
        source="year.forecast_p10_gbp", max_digits=14, decimal_places=2, allow_null=True
    )
    forecast_p90_gbp = serializers.DecimalField(
        source="year.forecast_p90_gbp", max_digits=14, decimal_places=2, allow_null=True
    )
    against_forecast = serializers.CharField(source="position", allow_null=True)
    headcount = serializers.IntegerField(source="year.headcount", allow_null=True)
    share_paid_fair_wage_pct = serializers.DecimalField(
        source="share_fair_wage_pct", max_digits=5, decimal_places=1, allow_null=True
    )
    share_living_locally_pct = serializers.DecimalField(
        source="share_local_pct", max_digits=5, decimal_places=1, allow_null=True
    )


class BroughtHomeDetailSerializer(BroughtHomeSerializer):
    years = YearSerializer(many=True)
    kpis = KpiSerializer(many=True)


def _row(request, figures) -> dict:
    url = request.build_absolute_uri(reverse("brought-home:service", args=[figures.service.pk]))
    return summary_row(figures) | {"url": url}


@extend_schema(tags=["brought home"])
@extend_schema_view(
    list=extend_schema(responses=BroughtHomeSerializer(many=True)),
    retrieve=extend_schema(responses=BroughtHomeDetailSerializer),
)
class BroughtHomeViewSet(PublicMixin, viewsets.GenericViewSet):
    """Every service brought home by any authority using Insource, with the same figures as the
    public pages and the CSV (`/public/brought-home.csv`)."""

    serializer_class = BroughtHomeSerializer
    lookup_value_regex = "[0-9]+"
    filter_backends: list = []

    def get_queryset(self):
        return selectors.services_public()

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        rows = [_row(request, service_figures(s, list(s.kpis.all()))) for s in page]
        return self.get_paginated_response(BroughtHomeSerializer(rows, many=True).data)

    def retrieve(self, request, pk=None):
        number = valid_id(pk)
        figures = None if number is None else selectors.service_public_figures(number)
        if figures is None:
            raise Http404("Not found.")
        data = _row(request, figures) | {"years": figures.years, "kpis": figures.kpis}
        return conditional_json(request, BroughtHomeDetailSerializer(data).data)
