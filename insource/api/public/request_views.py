"""Information requests in the public API: published requests only, their public parts (never
who made them): the request as published, its law, state and due date, and its public history
with the documents released. Built on the public selectors of `insource.transparency`."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from insource.api.pagination import PagePagination
from insource.api.parameters import PAGE_PARAMETERS, Param, openapi
from insource.api.public.views import PublicMixin, conditional_json
from insource.authorities.selectors import authority_by_public_slug
from insource.transparency.models import RequestState
from insource.transparency.requests.public_selectors import request_public_get, requests_public
from insource.transparency.requests.selectors import status_of


class RequestSummarySerializer(serializers.Serializer):
    reference = serializers.CharField()
    title = serializers.CharField(source="public_title")
    authority = serializers.CharField(source="authority__name")
    state = serializers.CharField()
    regime = serializers.CharField()
    received_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    is_overdue = serializers.BooleanField()
    is_very_overdue = serializers.BooleanField()
    contract = serializers.IntegerField(source="contract_id", allow_null=True)
    decision = serializers.IntegerField(source="decision_id", allow_null=True)
    url = serializers.CharField()
    api_url = serializers.CharField()


class RequestEventSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    at = serializers.DateTimeField()
    party = serializers.CharField()
    public_text = serializers.CharField()
    exemptions = serializers.ListField(child=serializers.CharField())
    public_interest = serializers.CharField()
    statutory_basis = serializers.CharField()
    due_on_after = serializers.DateField(allow_null=True)
    documents = serializers.ListField(child=serializers.DictField(), source="attachments")


class RequestDetailSerializer(serializers.Serializer):
    reference = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()
    authority = serializers.CharField(source="authority.name")
    state = serializers.CharField()
    regime = serializers.CharField()
    received_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    contract = serializers.IntegerField(source="contract_id", allow_null=True)
    decision = serializers.IntegerField(source="decision_id", allow_null=True)
    events = RequestEventSerializer(many=True)


LIST_PARAMETERS = (
    Param("authority", "The authority's code, e.g. hry.", max_length=120),
    Param("state", "Only requests in this state.", enum=tuple(RequestState.values)),
    Param("overdue", "Only overdue (or very overdue) requests.", enum=("overdue", "very-overdue")),
)


def _summary(row: dict, on) -> dict:
    status = status_of(state=row["state"], due_on=row["due_on"], regime=row["regime"], on=on)
    url = reverse("requests:detail", kwargs={"reference": row["reference"]})
    return row | {
        "is_overdue": status.is_overdue,
        "is_very_overdue": status.code == "very-overdue",
        "url": url,
        "api_url": reverse("api-public:request-detail", kwargs={"reference": row["reference"]}),
    }


@extend_schema(tags=["requests"])
class RequestViewSet(PublicMixin, viewsets.ViewSet):
    """Published information requests and their public history; never the requester."""

    lookup_field = "reference"
    pagination_class = PagePagination
    lookup_value_regex = "IR-[0-9]{4}-[0-9]{6}"
    filter_backends: list = []

    @extend_schema(
        parameters=openapi(LIST_PARAMETERS), responses=RequestSummarySerializer(many=True)
    )
    def list(self, request):
        get, on = request.query_params, timezone.localdate()
        slug = get.get("authority", "").strip()
        authority = authority_by_public_slug(slug) if slug else None
        rows = requests_public(
            on=on,
            authority=authority,
            state=get.get("state", ""),
            overdue=get.get("overdue", ""),
        )
        if slug and authority is None:
            rows = rows.none()
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(rows, request, view=self)
        data = RequestSummarySerializer([_summary(r, on) for r in page], many=True).data
        return paginator.get_paginated_response(data)

    def query_parameters(self) -> tuple[Param, ...]:
        return (*LIST_PARAMETERS, *PAGE_PARAMETERS) if self.action == "list" else ()

    @extend_schema(responses=RequestDetailSerializer)
    def retrieve(self, request, reference=None):
        found = request_public_get(reference or "")
        if found is None:
            raise Http404("Not found.")
        events = {
            "events": [
                e.__dict__ | {"attachments": [a.__dict__ for a in e.attachments]}
                for e in found.events
            ]
        }
        return conditional_json(request, RequestDetailSerializer(found.__dict__ | events).data)
