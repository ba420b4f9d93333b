"""Places: officers' pages at /places/, the public pages at /public/places/."""

from django.urls import path

from insource.places import views

app_name = "places"
urlpatterns = [
    path("<str:code>/", views.authority_places, name="authority"),
    path("<str:code>/new/", views.place_new, name="new"),
]

public_urlpatterns = [
    path("places/", views.public_list, name="list"),
    path("places/<slug:slug>/", views.public_place, name="place"),
    path("places/<slug:slug>/figures.csv", views.public_csv, name="csv"),
]
