"""Site-wide pages: home and error pages (never a bare 500)."""

from django.shortcuts import render
from django.utils import timezone

from insource.core.audit import Actor
from insource.register.selectors import register_summary


def who_and_when(request) -> tuple[Actor, object]:
    """The signed-in person and the moment of their request: what every write service needs.
    Request handlers (views and admin actions) read the clock here, never below them."""
    return Actor.for_user(request.user), timezone.now()


def home(request):
    summary = register_summary(on=timezone.localdate())
    return render(request, "core/home.html", {"summary": summary})


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def server_error(request):
    return render(request, "core/500.html", status=500)
