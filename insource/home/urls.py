"""The home pages, mounted at the site's root: `home` (no namespace) is the start page."""

from django.urls import path

from insource.home import views

urlpatterns = [
    path("", views.home, name="home"),
]
