"""The start page: what the service is, a way into the portal, and the register's figures."""

from django.shortcuts import render
from django.utils import timezone

from insource.register.selectors.pipeline import register_summary


def home(request):
    summary = register_summary(on=timezone.localdate())
    return render(request, "home/home.html", {"summary": summary})
