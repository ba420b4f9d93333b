"""The public portal and information requests (public pages under /public/, the officers'
request queue under /requests/)."""

from django.urls import include, path

urlpatterns = [
    path("public/", include("insource.transparency.portal.urls")),
    path("", include("insource.transparency.requests.urls")),
]
