"""Officer actions on buyer names, mounted at /authorities/: the URL names keep the
`authorities` namespace they have always had (`authorities:buyer-name-confirm`)."""

from django.urls import path

from insource.register.buyer_names import views as buyer_name_views

app_name = "authorities"
urlpatterns = [
    path(
        "buyer-names/<int:pk>/confirm/",
        buyer_name_views.buyer_name_confirm_view,
        name="buyer-name-confirm",
    ),
]
