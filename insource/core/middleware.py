"""Refuse requests whose path or query string holds a NUL character, before any view runs.

PostgreSQL cannot store or compare text containing NUL ("A string literal cannot contain NUL"),
so such a value reaching a query would be a server error; no real link or form sends one.
The APIs under /api/ check their own input and answer with their documented JSON errors."""

from __future__ import annotations

from django.http import HttpResponseBadRequest


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):  # the APIs answer with their own JSON errors
            return self.get_response(request)
        values = [request.path, *(v for vs in request.GET.lists() for v in vs[1])]
        if any("\x00" in value for value in values):
            return HttpResponseBadRequest(
                "The address contains a NUL character: remove it and try again.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
