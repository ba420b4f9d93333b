"""Officers' in-house service pages, mounted at /inhouse/; the public "Brought home" pages,
mounted at /public/ (namespace `brought-home`)."""

from django.urls import path

from insource.inhouse.views import officers as views
from insource.inhouse.views import public as public_views

app_name = "inhouse"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<str:code>/", views.authority_list, name="authority"),
    path("<str:code>/decisions/<int:pk>/go-live/", views.go_live, name="go-live"),
    path("<str:code>/services/<int:pk>/", views.service_page, name="service"),
    path("<str:code>/services/<int:pk>/years/", views.year_record, name="year"),
    path("<str:code>/contracts/<int:pk>/kpis/", views.contract_kpis, name="contract-kpis"),
    path(
        "<str:code>/<str:owner>/<int:pk>/kpis/add/",
        views.kpi_add,
        name="kpi-add",
    ),
    path("<str:code>/kpis/<int:pk>/rate/", views.kpi_rate, name="kpi-rate"),
]

public_urlpatterns = [
    path("brought-home/", public_views.national_list, name="list"),
    path("brought-home.csv", public_views.national_csv, name="csv"),
    path("brought-home/<int:pk>/", public_views.service_page, name="service"),
]
