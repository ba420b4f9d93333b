"""Officer pages for the register, mounted at /register/."""

from django.urls import path

from insource.register.feeds import views as feed_views
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
]
