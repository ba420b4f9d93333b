"""Information requests: the public form and pages under /public/requests/ (open to all), the
officers' queue under /requests/<authority code>/ (two-factor)."""

from django.urls import path

from insource.transparency.requests import officer_views as officer
from insource.transparency.requests import views

app_name = "requests"
urlpatterns = [
    path("public/requests/", views.request_list, name="list"),
    path("public/requests/new/", views.request_new, name="new"),
    path("public/requests/sent/", views.request_sent, name="sent"),
    path("public/requests/confirm/<str:token>/", views.request_confirm, name="confirm"),
    path("public/requests/<str:reference>/", views.request_detail, name="detail"),
    path(
        "public/requests/<str:reference>/documents/<int:pk>/",
        views.attachment_public,
        name="document",
    ),
    path(
        "public/requests/<str:reference>/private/<str:token>/",
        views.request_private,
        name="private",
    ),
    path("requests/", officer.requests_mine, name="mine"),
    path("requests/<str:code>/", officer.queue, name="queue"),
    path("requests/<str:code>/<str:reference>/", officer.officer_request, name="officer"),
    path(
        "requests/<str:code>/<str:reference>/documents/<int:pk>/",
        officer.attachment_officer,
        name="officer-document",
    ),
    path(
        "requests/<str:code>/<str:reference>/<slug:action>/",
        officer.officer_action,
        name="action",
    ),
]
