"""The national view's public pages, mounted at /public/ (namespace `national`)."""

from django.urls import path

from insource.national import views

app_name = "national"
urlpatterns = [
    path("services/", views.services, name="services"),
    path("services/<str:key>/", views.service, name="service"),
    path("services/<str:key>/by-authority.csv", views.service_csv, name="service-csv"),
    path("outcome-kpis.csv", views.outcome_kpis_csv, name="outcome-kpis-csv"),
    path("kpi-assessments.csv", views.kpi_assessments_csv, name="kpi-assessments-csv"),
]
