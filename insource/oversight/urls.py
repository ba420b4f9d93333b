"""The audit committee's pages, mounted at /standards/ beside the continuing contracts."""

from django.urls import path

from insource.oversight import views

app_name = "oversight"
urlpatterns = [
    path("<str:code>/audit/", views.audit, name="audit"),
    path("<str:code>/audit/reports/<str:quarter>/", views.report, name="report"),
    path(
        "<str:code>/audit/reports/<str:quarter>/draft.pdf",
        views.report_draft_pdf,
        name="report-draft-pdf",
    ),
    path(
        "<str:code>/audit/reports/<str:quarter>/pdf-progress.json",
        views.report_pdf_progress,
        name="report-pdf-progress",
    ),
    path("<str:code>/audit/recommendations/", views.recommendations, name="recommendations"),
    path("<str:code>/audit/recommendations/<int:pk>/", views.respond, name="recommendation"),
]
