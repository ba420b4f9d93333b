"""The public portal: search, authorities and contracts (no sign-in), under /public/."""

from django.urls import path

from insource.transparency.portal import views

app_name = "portal"
urlpatterns = [
    path("contracts/", views.contracts, name="contracts"),
    path("contracts/results.csv", views.contracts_csv, name="contracts-csv"),
    path("contracts/results.xlsx", views.contracts_xlsx, name="contracts-xlsx"),
    path("contracts/<int:pk>/", views.contract, name="contract"),
    path("authorities/", views.authorities, name="authorities"),
    path("open-data/", views.open_data, name="open-data"),
    path("authorities/choices.json", views.authority_choices, name="authority-choices"),
    path("authorities/<slug:slug>/", views.authority, name="authority"),
    path(
        "authorities/<slug:slug>/coming-up.csv",
        views.authority_pipeline_csv,
        name="authority-pipeline-csv",
    ),
    path(
        "authorities/<slug:slug>/coming-up.xlsx",
        views.authority_pipeline_xlsx,
        name="authority-pipeline-xlsx",
    ),
]
