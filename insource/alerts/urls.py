"""Following an authority, a service or a contract (public, under /public/follow/)."""

from django.urls import path

from insource.alerts.views import feeds, pages

app_name = "alerts"
urlpatterns = [
    path("check-your-email/", pages.sent, name="sent"),
    path("confirm/<str:token>/", pages.confirm, name="confirm"),
    path("stop/<str:ref>/<str:token>/", pages.stop, name="stop"),
    path("<str:kind>/<str:ident>/", pages.follow, name="follow"),
    path("<str:kind>/<str:ident>/feed.atom", feeds.news_atom, name="atom"),
    path("<str:kind>/<str:ident>/calendar.ics", feeds.news_calendar, name="calendar"),
]
