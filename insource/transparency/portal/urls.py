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
    path("authorities/<slug:slug>/", views.authority, name="authority"),
]
