"""/api/: the public API (/api/public/v1/) and the internal token API (/api/v1/).

Anything else under /api/ is a JSON 404, so an API client never gets an HTML page."""

from django.urls import include, path, re_path

from insource.api.errors import not_found

urlpatterns = [
    path("public/v1/", include(("insource.api.public.urls", "api-public"))),
    path("v1/", include(("insource.api.internal.urls", "api-v1"))),
    re_path(r"^", not_found),
]
