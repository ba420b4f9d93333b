"""Every API error is an RFC 9457 problem document, `application/problem+json` (ADR 0017).

`{"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "...",
"errors": {"page_size": ["..."]}}`: `title` is the status's reason phrase (as RFC 9457 asks
for `about:blank`), `detail` says what went wrong in this request, and the extension member
`errors` names each invalid query parameter with why. An unexpected error is logged and
answered as a 500 problem, never a traceback or an HTML page.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

PROBLEM_JSON = "application/problem+json"
INVALID_QUERY = "Check the query parameters: {}"
logger = logging.getLogger("insource.api")


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem: what went wrong, and for invalid parameters the message for each."""

    type = serializers.CharField(help_text="Always about:blank: the status says what kind.")
    title = serializers.CharField(help_text="The HTTP status's reason phrase.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong with this request.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Each invalid query parameter, with why and what it accepts.",
    )


class ProblemRenderer(JSONRenderer):
    media_type = PROBLEM_JSON


def problem(status: int, detail: str, errors: dict | None = None) -> dict:
    """The problem document for a status, with `errors` only when there are any."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    return body | ({"errors": errors} if errors else {})


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.error("Unexpected error in the API", exc_info=exc)
        set_rollback()
        response = Response(problem(500, _("Something went wrong on our side: try again later.")))
        response.status_code = 500
    elif isinstance(exc, ValidationError):
        errors = _as_lists(response.data)
        first = next(iter(errors.values()), [""])[0] if errors else ""
        response.data = problem(400, INVALID_QUERY.format(first).rstrip(": "), errors)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        response.data = problem(response.status_code, str(detail))
    response.content_type = PROBLEM_JSON
    return response


def _as_lists(data) -> dict[str, list[str]]:
    if isinstance(data, dict):
        if set(data) == {"detail"} and not isinstance(data["detail"], dict | list):
            data = {"non_field_errors": data["detail"]}
        return {
            str(k): [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in data.items()
        }
    if isinstance(data, list):
        return {"non_field_errors": [str(m) for m in data]}
    return {"non_field_errors": [str(data)]}


def not_found(request, *args, **kwargs):
    """Any /api/ URL that matches no endpoint: a problem 404, never the site's HTML page."""
    return JsonResponse(problem(404, "Not found."), status=404, content_type=PROBLEM_JSON)
