"""The public read-only API: contracts, published decisions, authorities and the open-data
downloads. No sign-in; every request is throttled per client address. Views only parse, call
a selector and present (data comes from `insource.api.selectors` and the exporters)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from insource.api import selectors
from insource.api.conditional import (
    file_response,
    not_modified,
    strong_etag,
    validators,
    weak_etag,
)
from insource.api.errors import PROBLEM_JSON, problem
from insource.api.parameters import PAGE_PARAMETERS, Param, check_query, openapi
from insource.api.public import serializers
from insource.api.public.filters import (
    CONTRACT_PARAMETERS,
    DECISION_PARAMETERS,
    PublicContractFilter,
    PublicDecisionFilter,
)
from insource.api.throttling import (
    ExportRateThrottle,
    PublicRateThrottle,
    RateLimitHeadersMixin,
)
from insource.authorities.selectors import authority_get
from insource.core import page_cache
from insource.core.views import request_time
from insource.reviews.services.verification import decision_verify
from insource.transparency.exports.files import KINDS, export_chunks
from insource.transparency.exports.schedule import export_ready


class PublicMixin(RateLimitHeadersMixin):
    """Anonymous, throttled, JSON, and strict about its query (`query_parameters`)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicRateThrottle]
    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request, force=False):
        # JSON whatever the Accept header says (a download's body is not rendered at all).
        return super().perform_content_negotiation(request, force=True)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.query_params, self.query_parameters())

    def query_parameters(self) -> tuple[Param, ...]:
        """The parameters this action takes: a list's pages, else none."""
        return PAGE_PARAMETERS if getattr(self, "action", None) == "list" else ()


class ReadOnly(PublicMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"
    list_parameters: tuple[Param, ...] = ()

    def query_parameters(self) -> tuple[Param, ...]:
        return (*self.list_parameters, *PAGE_PARAMETERS) if self.action == "list" else ()

    def get_object(self):
        found = self.get_one(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        if found is None:
            raise Http404("Not found.")
        return found

    def list(self, request, *args, **kwargs):
        """A page of the list, from memory for anonymous clients (ADR 0046): after the
        throttle and the query's check, which every request still passes."""

        def build():
            return HttpResponse(
                JSONRenderer().render(super(ReadOnly, self).list(request, *args, **kwargs).data),
                content_type="application/json",
            )

        return page_cache.answer(request._request, f"api.{self.basename}.list", build)

    def retrieve(self, request, *args, **kwargs):
        return page_cache.answer(
            request._request,
            f"api.{self.basename}.detail",
            lambda: conditional_json(request, self.get_serializer(self.get_object()).data),
        )


def conditional_json(request, data) -> HttpResponseBase:
    """A detail as JSON with its validators, or 304 when the client's copy is current."""
    body = JSONRenderer().render(data)
    changed_at = selectors.data_version().changed_at
    headers = validators(etag=strong_etag(body), changed_at=changed_at, now=request_time(request))
    answer = not_modified(request, headers)
    if answer is None:
        answer = HttpResponse(body, content_type="application/json")
        for name, value in headers.items():
            answer[name] = value
    return answer


@extend_schema(tags=["contracts"])
@extend_schema_view(list=extend_schema(parameters=openapi(CONTRACT_PARAMETERS)))
class ContractViewSet(ReadOnly):
    """The contract register: every contract, with its suppliers and published decisions."""

    serializer_class = serializers.ContractSerializer
    list_parameters = CONTRACT_PARAMETERS
    filterset_class = PublicContractFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return selectors.contracts_public()

    def get_one(self, pk):
        return selectors.contract_public_get(pk)


@extend_schema(tags=["decisions"])
@extend_schema_view(list=extend_schema(parameters=openapi(DECISION_PARAMETERS)))
class DecisionViewSet(ReadOnly):
    """Published decisions only: outcome, reasons, grounds, standards and links to the pack."""

    serializer_class = serializers.DecisionSerializer
    list_parameters = DECISION_PARAMETERS
    filterset_class = PublicDecisionFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return selectors.decisions_public()

    def get_one(self, pk):
        return selectors.decision_public_get(pk)

    @extend_schema(
        responses=serializers.VerificationSerializer,
        summary="Check that a published decision reproduces",
        description="Evaluates the decision's stored facts again under its stored policy "
        "version (preset, rule-set version and parameter set, by hash) and compares the "
        "outcome, status, grounds and trace hash with what was stored. `differences` maps "
        "each field that differs to what was stored and what the reproduction gives.",
    )
    @action(detail=True, methods=["get"], url_path="verification")
    def verification(self, request, pk=None):
        found = decision_verify(self.get_object())
        return Response(serializers.VerificationSerializer(found).data)


@extend_schema(tags=["authorities"])
class AuthorityViewSet(ReadOnly):
    """Every authority: kind, nation, GSS code, the policy it adopted, and its counts."""

    serializer_class = serializers.AuthoritySerializer
    lookup_field = "code"

    def get_queryset(self):
        return selectors.authorities_public()

    def get_one(self, code):
        return selectors.authority_public_get(code)


AUTHORITY_PARAMETER = Param(
    "authority",
    "Only this authority's (its code, e.g. HRY): contracts it reviews, decisions.",
    max_length=120,
)


class Export(PublicMixin, APIView):
    """A download. The whole register's is a file built in the background after each change
    and served with its own ETag, Last-Modified and byte ranges (ADR 0047); one authority's is
    streamed on request (constant memory at any size), validated by the data's version."""

    throttle_classes = [PublicRateThrottle, ExportRateThrottle]
    kind = ""
    suffix = "json"

    def query_parameters(self) -> tuple[Param, ...]:
        return (AUTHORITY_PARAMETER,)

    def get(self, request):
        authority = self._authority(request)
        now = request_time(request)
        if authority is None:
            return self.whole(request, now)
        headers = self.validators(request, authority, now)
        answer = not_modified(request, headers)
        if answer is not None:
            return answer
        response = StreamingHttpResponse(
            self.build(authority, now), content_type=KINDS[self.kind].content_type
        )
        label = authority.code or authority.key.replace(":", "-")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.kind}-{label}.{self.suffix}"'
        )
        for name, value in headers.items():
            response[name] = value
        return response

    def whole(self, request, now) -> HttpResponseBase:
        """The built file; while none has ever been built, built now, once; meanwhile a 503
        that says it is being prepared (never a half-written file)."""
        built = export_ready(self.kind, now=now)
        if built is None:
            answer = JsonResponse(
                problem(503, _("This download is being prepared. Try again in a minute.")),
                status=503,
                content_type=PROBLEM_JSON,
            )
            answer["Retry-After"] = str(PREPARING_RETRY_SECONDS)
            return answer
        return file_response(
            request,
            built.path,
            content_type=KINDS[self.kind].content_type,
            filename=f"{self.kind}-all.{self.suffix}",
            now=now,
        )

    def build(self, authority, now):
        return export_chunks(
            self.kind, authority=authority, base_url=settings.INSOURCE_BASE_URL, now=now
        )

    def validators(self, request, authority, now) -> dict[str, str]:
        """Derived from the data's version and what shapes the file (no file is built)."""
        version = selectors.data_version()
        etag = weak_etag(
            self.kind,
            authority.pk,
            settings.INSOURCE_BASE_URL,
            settings.INSOURCE_SERVICE_NAME,
            settings.INSOURCE_OCID_PREFIX,
            version.key,
        )
        return validators(etag=etag, changed_at=version.changed_at, now=now)

    def _authority(self, request):
        code = request.query_params.get("authority", "").strip()
        if not code:
            return None
        authority = authority_get(code)
        if authority is None:
            raise Http404("No authority with that code.")
        return authority


PREPARING_RETRY_SECONDS = 30


OCDS_RESPONSE = {
    (200, "application/json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="An OCDS 1.1 package (UK profile), streamed."
    )
}
CSV_RESPONSE = {
    (200, "text/csv"): OpenApiResponse(
        OpenApiTypes.STR,
        description="CSV, UTF-8, starting with a byte-order mark (read it as `utf-8-sig`).",
    )
}


@extend_schema(tags=["exports"], parameters=openapi([AUTHORITY_PARAMETER]), responses=OCDS_RESPONSE)
class OcdsReleasesExport(Export):
    """The register as an OCDS release package: one release per contracting process."""

    kind = "ocds-releases"


@extend_schema(tags=["exports"], parameters=openapi([AUTHORITY_PARAMETER]), responses=OCDS_RESPONSE)
class OcdsRecordsExport(Export):
    """The register as an OCDS record package: per process, its compiled release."""

    kind = "ocds-records"


@extend_schema(tags=["exports"], parameters=openapi([AUTHORITY_PARAMETER]), responses=CSV_RESPONSE)
class ContractsCsvExport(Export):
    """The register as CSV, one row per contract (columns: ADR 0010)."""

    kind = "contracts"
    suffix = "csv"


@extend_schema(tags=["exports"], parameters=openapi([AUTHORITY_PARAMETER]), responses=CSV_RESPONSE)
class DecisionsCsvExport(Export):
    """Published decisions as CSV, one row per decision, with links to each pack."""

    kind = "decisions"
    suffix = "csv"
