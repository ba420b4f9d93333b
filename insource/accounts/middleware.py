"""Two-factor for every officer page: a signed-in user who has not entered their authenticator
code yet reaches only public pages and the sign-in pages until they do."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

PUBLIC_PREFIXES = ("/public/", "/api/public/")


class OTPRequiredMiddleware:
    """Redirect to the code page when INSOURCE_REQUIRE_2FA is on and the user is signed in
    but not OTP-verified. Goes after django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_code(request):
            return redirect_to_login(request.get_full_path(), reverse("otp-verify"))
        return self.get_response(request)


def needs_code(request) -> bool:
    """Whether this request is for an officer page the user may not see before their code."""
    user = request.user
    if not (settings.INSOURCE_REQUIRE_2FA and user.is_authenticated):
        return False
    return not user.is_verified() and not is_open_path(request.path_info)


def is_open_path(path: str) -> bool:
    """Home, static files, the sign-in pages, and everything public."""
    open_prefixes = (reverse("login"), reverse("logout"), settings.STATIC_URL, *PUBLIC_PREFIXES)
    return path == reverse("home") or path.startswith(open_prefixes)
