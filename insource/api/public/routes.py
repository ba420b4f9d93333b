"""The public API's endpoints under /api/public/v1/: the data and the downloads.

One list read twice: `urls.py` serves it (with the schema and docs pages beside it) and
`docs.py` describes it in the OpenAPI document, which lists the public endpoints only.
"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from insource.api.public import views
from insource.api.public.brought_home import BroughtHomeViewSet
from insource.api.public.national import (
    KpiAssessmentViewSet,
    OutcomeKpiViewSet,
    ServiceViewSet,
)
from insource.api.public.request_views import RequestViewSet

router = SimpleRouter()
router.register("contracts", views.ContractViewSet, basename="contract")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("authorities", views.AuthorityViewSet, basename="authority")
router.register("requests", RequestViewSet, basename="request")
router.register("brought-home", BroughtHomeViewSet, basename="brought-home")
router.register("services", ServiceViewSet, basename="service")
router.register("outcome-kpis", OutcomeKpiViewSet, basename="outcome-kpi")
router.register("kpi-assessments", KpiAssessmentViewSet, basename="kpi-assessment")

api_urlpatterns = [
    *router.urls,
    path(
        "exports/ocds/releases.json",
        views.OcdsReleasesExport.as_view(),
        name="export-ocds-releases",
    ),
    path(
        "exports/ocds/records.json", views.OcdsRecordsExport.as_view(), name="export-ocds-records"
    ),
    path("exports/contracts.csv", views.ContractsCsvExport.as_view(), name="export-contracts-csv"),
    path("exports/decisions.csv", views.DecisionsCsvExport.as_view(), name="export-decisions-csv"),
]
