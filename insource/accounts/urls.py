"""Sign-in and sign-out, mounted at the site root. Names are global (`login`, `logout`,
`otp-verify`, `otp-enrol`): templates and settings use `{% url 'login' %}`."""

from django.contrib.auth import views as auth_views
from django.urls import path

from insource.accounts import views

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/code/", views.otp_verify_view, name="otp-verify"),
    path("sign-in/set-up-authenticator/", views.otp_enrol_view, name="otp-enrol"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
]
