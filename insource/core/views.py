"""Site-wide pages: the error pages (never a bare 500). The home page is `insource/home/`."""

import logging
from datetime import datetime

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from insource.core.audit import Actor

logger = logging.getLogger(__name__)


def request_time(request) -> datetime:
    """The moment of a request, read from the clock once and the same for every reader during
    it. Request handlers (views, admin actions, the access module) read the clock here and pass
    the time down as an argument; nothing below them reads it."""
    at = getattr(request, "_insource_at", None)
    if at is None:
        at = request._insource_at = timezone.now()
    return at


def who_and_when(request) -> tuple[Actor, datetime]:
    """The signed-in person and the moment of their request: what every write service needs."""
    return Actor.for_user(request.user), request_time(request)


def not_found(request, exception=None):
    """handler404: the product's page, never Django's (which lists every URL pattern)."""
    return render(request, "core/404.html", status=404)


def server_error(request):
    """handler500: the product's page; if even that cannot be drawn (the database is down and
    a context processor needs it), a plain page saying the same."""
    try:
        return render(request, "core/500.html", status=500)
    except Exception:  # noqa: BLE001 - the last resort must not raise
        logger.exception("The error page could not be drawn")
        return HttpResponse(PLAIN_500, status=500, content_type="text/html; charset=utf-8")


PLAIN_500 = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>Sorry, there is a problem with the service</title></head><body>"
    "<h1>Sorry, there is a problem with the service</h1><p>Try again later.</p>"
    '<p>Nothing you entered has been changed.</p><p><a href="/">Go to the start page</a></p>'
    "</body></html>"
)
