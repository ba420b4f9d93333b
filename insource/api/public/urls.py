"""/api/public/v1/: the public read-only API, its OpenAPI document and its docs page."""

from django.urls import path

from insource.api.public import docs
from insource.api.public.routes import api_urlpatterns

urlpatterns = [
    *api_urlpatterns,
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(), name="docs"),
]
