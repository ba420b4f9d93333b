"""Top-level URL configuration."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from insource.appraisal.urls import public_urlpatterns as appraisal_public_urls
from insource.inhouse.urls import public_urlpatterns as inhouse_public_urls
from insource.oversight import views as oversight_views
from insource.oversight.suppliers import views as supplier_views
from insource.places.urls import public_urlpatterns as places_public_urls
from insource.register.urls import urlpatterns as register_urls
from insource.reviews.urls import public_urlpatterns
from insource.reviews.urls import register_urlpatterns as pipeline_urls
from insource.sharing.urls import public_urlpatterns as sharing_public_urls

urlpatterns = [
    path("", include("insource.home.urls")),  # home
    # sign-in/ (login), sign-in/code/ (otp-verify), sign-in/set-up-authenticator/ (otp-enrol),
    # sign-out/ (logout)
    path("", include("insource.accounts.urls")),
    # /register/: the register's pages and the expiry pipeline (reviews'), one `register` namespace
    path("register/", include((register_urls + pipeline_urls, "register"))),
    path("authorities/", include("insource.register.buyer_names.urls")),
    path("reviews/", include("insource.reviews.urls")),
    path("standards/", include("insource.standards.urls")),
    path("standards/", include("insource.oversight.urls")),
    path("legal/", include("insource.legal.urls")),
    path("appraisal/", include("insource.appraisal.urls")),
    path("wealth/", include("insource.wealth.urls")),
    path("places/", include("insource.places.urls")),
    path("transition/", include("insource.transition.urls")),
    path("inhouse/", include("insource.inhouse.urls")),
    path("sharing/", include("insource.sharing.urls")),
    # the language switcher (a POST from every page's header; ADR 0035): under /public/ so it
    # is open before two-factor too
    path("public/language/", set_language, name="set-language"),
    path("public/follow/", include("insource.alerts.urls")),
    path("public/", include((public_urlpatterns, "public"))),
    path("public/", include((appraisal_public_urls, "appraisal-public"))),
    path("public/", include((inhouse_public_urls, "brought-home"))),
    path("public/", include((places_public_urls, "places-public"))),
    path("public/", include((sharing_public_urls, "shared-work"))),
    path("public/", include("insource.national.urls")),
    path("public/suppliers/<str:identity>/", supplier_views.supplier, name="supplier"),
    path("public/audit-reports/<int:pk>/", oversight_views.public_report, name="audit-report"),
    path("api/", include("insource.api.urls")),
    path("", include("insource.transparency.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "insource.core.views.not_found"
handler500 = "insource.core.views.server_error"
