"""Top-level URL configuration."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from insource.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", include("insource.register.urls")),
    path("authorities/", include("insource.authorities.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "insource.core.views.not_found"
handler500 = "insource.core.views.server_error"
