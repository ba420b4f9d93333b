"""/api/public/v1/: the public read-only API, its OpenAPI document and its docs page."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from insource.api.public import docs, views
from insource.api.public.brought_home import BroughtHomeViewSet
from insource.api.public.request_views import RequestViewSet

router = SimpleRouter()
router.register("contracts", views.ContractViewSet, basename="contract")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("authorities", views.AuthorityViewSet, basename="authority")
router.register("requests", RequestViewSet, basename="request")
router.register("brought-home", BroughtHomeViewSet, basename="brought-home")

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

urlpatterns = [
    *api_urlpatterns,
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(), name="docs"),
]
