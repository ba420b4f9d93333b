"""Every API error is `{"detail": "..."}`; invalid query parameters add `errors` by field."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler as drf_exception_handler

INVALID_QUERY = "Check the query parameters: {}"


class ErrorSerializer(serializers.Serializer):
    """An error: what went wrong, and for invalid parameters the message for each."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, ValidationError):
        return response
    errors = _as_lists(response.data)
    first = next(iter(errors.values()), [""])[0] if errors else ""
    response.data = {"detail": INVALID_QUERY.format(first).rstrip(": "), "errors": errors}
    return response


def _as_lists(data) -> dict[str, list[str]]:
    if isinstance(data, dict):
        return {
            str(k): [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in data.items()
        }
    if isinstance(data, list):
        return {"non_field_errors": [str(m) for m in data]}
    return {"non_field_errors": [str(data)]}


def not_found(request, *args, **kwargs):
    """Any /api/ URL that matches no endpoint: a JSON 404, never the site's HTML page."""
    from django.http import JsonResponse

    return JsonResponse({"detail": "Not found."}, status=404)
