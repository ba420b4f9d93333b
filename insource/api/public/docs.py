"""The public API's OpenAPI document and its Swagger UI page, served with no CDN.

Swagger UI comes from drf-spectacular-sidecar's static files. The page is the split view: its
start-up script is a separate request (`?script=`), so it runs under the site's strict CSP
(script-src 'self') with no inline script and no exception; the page's few styles are a static
file instead of drf-spectacular's inline `<style>`, so style-src 'self' holds too.
"""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from insource.api.public.routes import api_urlpatterns
from insource.api.throttling import PublicRateThrottle, RateLimitHeadersMixin


def public_patterns():
    return [path("api/public/v1/", include((api_urlpatterns, "api-public")))]


class SchemaView(RateLimitHeadersMixin, SpectacularAPIView):
    """The OpenAPI 3 document (YAML; `?format=json` for JSON): public endpoints only."""

    throttle_classes = [PublicRateThrottle]

    def _get_schema_response(self, request):
        self.patterns = public_patterns()
        return super()._get_schema_response(request)


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    url_name = "api-public:schema"
    title = "Public API"
