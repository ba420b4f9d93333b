"""Officer actions on authorities, mounted at /authorities/."""

from django.urls import path

from insource.authorities import views

app_name = "authorities"
urlpatterns = [
    path(
        "buyer-names/<int:pk>/confirm/",
        views.buyer_name_confirm_view,
        name="buyer-name-confirm",
    ),
]
