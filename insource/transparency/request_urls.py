"""Information requests: the public form and pages, and the officers' queue."""

from django.urls import path  # noqa: F401 (used as pages are added)

app_name = "requests"
urlpatterns: list = []  # filled by the pages as they are built
