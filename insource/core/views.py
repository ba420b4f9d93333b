"""Site-wide pages: home and error pages (never a bare 500)."""

from django.shortcuts import render
from django.utils import timezone

from insource.register.selectors import register_summary


def home(request):
    summary = register_summary(on=timezone.localdate())
    return render(request, "core/home.html", {"summary": summary})


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def server_error(request):
    return render(request, "core/500.html", status=500)
