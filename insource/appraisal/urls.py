"""Officer pages of the options appraisal, mounted at /appraisal/; the public CSV under
/public/ (`public_urlpatterns`)."""

from django.urls import path

from insource.appraisal.views import appraisal as views
from insource.appraisal.views import lines as line_views
from insource.appraisal.views import runs as run_views

app_name = "appraisal"
urlpatterns = [
    path("<str:code>/<int:pk>/", views.appraisal_page, name="page"),
    path("<str:code>/<int:pk>/start/", views.appraisal_start_view, name="start"),
    path("<str:code>/<int:pk>/settings/", views.appraisal_settings, name="settings"),
    path("<str:code>/<int:pk>/load/", views.appraisal_load_view, name="load"),
    path("<str:code>/<int:pk>/run/", views.appraisal_run_view, name="run"),
    path("<str:code>/<int:pk>/lines/add/<str:option>/", line_views.line_add, name="line-add"),
    path("<str:code>/<int:pk>/lines/<int:line_pk>/", line_views.line_edit, name="line-edit"),
    path(
        "<str:code>/<int:pk>/lines/<int:line_pk>/remove/",
        line_views.line_remove,
        name="line-remove",
    ),
    path("<str:code>/<int:pk>/runs/<int:run_pk>/", run_views.run_detail, name="run-detail"),
    path(
        "<str:code>/<int:pk>/runs/<int:run_pk>/appraisal.csv",
        run_views.run_csv_download,
        name="run-csv",
    ),
    path(
        "<str:code>/<int:pk>/runs/<int:run_pk>/appraisal.json",
        run_views.run_document_download,
        name="run-json",
    ),
]

public_urlpatterns = [
    path(
        "decisions/<int:pk>/appraisal.csv",
        run_views.published_appraisal_csv,
        name="decision-csv",
    ),
]
