"""The home pages, mounted at the site's root: `home` (no namespace) is the start page."""

from django.urls import path

from insource.home import views
from insource.home.jobs import views as jobs_views

urlpatterns = [
    path("", views.home, name="home"),
    # The background jobs, for the site's administrators (ADR 0054).
    path("jobs/", jobs_views.job_list, name="jobs"),
    path("jobs/<int:pk>/", jobs_views.job_detail, name="job"),
    path("jobs/<int:pk>/progress.json", jobs_views.job_progress, name="job-progress"),
]
