"""Officer pages for the register, mounted at /register/."""

from django.urls import path

from insource.register.feeds import views as feed_views
from insource.register.uploads import views as uploads
from insource.register.views import adding, contracts, editing

app_name = "register"
urlpatterns = [
    path("", contracts.contract_list, name="contract-list"),
    path("contracts/<int:pk>/", contracts.contract_detail, name="contract-detail"),
    path("queue/", contracts.queue, name="queue"),
    path(
        "<str:code>/contracts/<int:pk>/correct/<str:field>/",
        editing.contract_correct_view,
        name="contract-correct",
    ),
    path(
        "<str:code>/contracts/<int:pk>/correct/<str:field>/undo/",
        editing.contract_undo_view,
        name="contract-correction-undo",
    ),
    path(
        "<str:code>/contracts/<int:pk>/unretire/",
        editing.contract_unretire_view,
        name="contract-unretire",
    ),
    path("<str:code>/contracts/add/", adding.contract_add_view, name="contract-add"),
    path(
        "<str:code>/contracts/add/check/", adding.contract_add_check_view, name="contract-add-check"
    ),
    path(
        "<str:code>/contracts/<int:pk>/retire/",
        editing.contract_retire_view,
        name="contract-retire",
    ),
    path("feeds/", feed_views.feed_pulls, name="feed-pulls"),
    path(
        "feeds/<int:pk>/progress.json",
        feed_views.feed_pull_progress,
        name="feed-pull-progress",
    ),
    # Uploading the authority's own register file (ADR 0032).
    path("<str:code>/upload/", uploads.upload_view, name="upload"),
    path("<str:code>/uploads/", uploads.upload_history_view, name="upload-history"),
    path(
        "<str:code>/upload/<str:token>/columns/",
        uploads.upload_columns_view,
        name="upload-columns",
    ),
    path("<str:code>/upload/<str:token>/check/", uploads.upload_check_view, name="upload-check"),
    path("<str:code>/upload/<str:token>/", uploads.upload_progress_view, name="upload-progress"),
    path(
        "<str:code>/upload/<str:token>/progress.json",
        uploads.upload_progress_json,
        name="upload-progress-json",
    ),
    path(
        "<str:code>/upload/<str:token>/report.csv",
        uploads.upload_report_view,
        name="upload-report",
    ),
]
