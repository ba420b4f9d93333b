"""The audit committee's pages, mounted at /standards/ beside the continuing contracts."""

from django.urls import path

from insource.oversight import views

app_name = "oversight"
urlpatterns = [
    path("<str:code>/audit/", views.audit, name="audit"),
]
