"""Officer pages for the register, mounted at /register/."""

from django.urls import path

from insource.register import views
from insource.register.feeds import views as feed_views

app_name = "register"
urlpatterns = [
    path("", views.contract_list, name="contract-list"),
    path("contracts/<int:pk>/", views.contract_detail, name="contract-detail"),
    path("queue/", views.queue, name="queue"),
    path(
        "<str:code>/contracts/<int:pk>/correct/<str:field>/",
        views.contract_correct_view,
        name="contract-correct",
    ),
    path("<str:code>/contracts/add/", views.contract_add_view, name="contract-add"),
    path(
        "<str:code>/contracts/add/check/", views.contract_add_check_view, name="contract-add-check"
    ),
    path(
        "<str:code>/contracts/<int:pk>/retire/", views.contract_retire_view, name="contract-retire"
    ),
    path("feeds/", feed_views.feed_pulls, name="feed-pulls"),
]
