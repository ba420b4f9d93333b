"""The public portal and information requests (public pages under /public/, the officers'
request queue under /requests/)."""

from django.urls import include, path

urlpatterns = [
    path("public/", include("insource.transparency.portal_urls")),
    path("", include("insource.transparency.request_urls")),
]
