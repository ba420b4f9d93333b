"""Officers' community wealth pages, mounted at /wealth/."""

from django.urls import path

from insource.wealth import views

app_name = "wealth"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<str:code>/", views.authority, name="authority"),
    path("<str:code>/local-area/", views.local_area, name="local-area"),
    path("<str:code>/contracts/<int:pk>/", views.contract_page, name="contract"),
]
