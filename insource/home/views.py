"""The start page: what the service is, a way into the portal, and the register's figures; for a
signed-in officer, first what waits for them (their first page, by role)."""

from django.shortcuts import render
from django.utils import timezone

from insource.core.context_processors import is_officer
from insource.core.views import request_time
from insource.home.presenters import officer_home
from insource.home.selectors import officer_work
from insource.register.selectors.pipeline import register_summary


def home(request):
    on = timezone.localdate(request_time(request))
    context = {"summary": register_summary(on=on)}
    if is_officer(request.user):
        context["officer"] = officer_home(officer_work(request.user, on=on), request.user)
    return render(request, "home/home.html", context)
