"""The public portal and information requests (public pages under /public/, the officers'
request queue under /requests/)."""

from django.urls import include, path

from insource.transparency.portal import views as portal_views

urlpatterns = [
    path("robots.txt", portal_views.robots_txt, name="robots"),
    path("sitemap.xml", portal_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", portal_views.sitemap_section, name="sitemap-section"),
    path("public/", include("insource.transparency.portal.urls")),
    path("", include("insource.transparency.requests.urls")),
]
