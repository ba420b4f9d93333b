"""OpenAPI generation: every operation declares its errors, its headers and its conditional
requests (ADR 0010, 0017).

Public operations declare 400 (a parameter outside the schema), 404, 405, 429 and 500, each an
RFC 9457 problem (`application/problem+json`); token-authenticated ones add 401 and 403.
`postprocess` adds the rate-limit fields to every response, `Retry-After` to 429, and to the
details and downloads their `ETag` / `Last-Modified`, the conditional request headers and the
304 answer. Declared errors are what lets schemathesis check every response against the
document.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse

from insource.api.errors import PROBLEM_JSON, ProblemSerializer

PUBLIC_ERRORS = {
    "400": "A query parameter is outside the schema (unknown, repeated, of the wrong type, out "
    "of range or not an allowed value): `errors` names each and says what it accepts.",
    "404": "There is no such record, or no such page of results.",
    "405": "Only GET, HEAD and OPTIONS are allowed: the public API is read-only.",
    "429": "Too many requests from this address: wait for the number of seconds in Retry-After.",
    "500": "Something went wrong on the server (it is logged): try again later.",
}
TOKEN_ERRORS = {
    "401": "No token, or a token that is not valid: send `Authorization: Token <key>`.",
    "403": "The token's user may not do this for this authority.",
}
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the window of the limit nearest to running out.",
    "RateLimit-Remaining": "Requests left in that window.",
    "RateLimit-Reset": "Seconds until a request is free again.",
    "RateLimit-Policy": "Every limit that applies: `requests;w=seconds`, comma-separated.",
}
VALIDATOR_HEADERS = {
    "ETag": "The representation's validator: send it back in If-None-Match.",
    "Last-Modified": "When the data behind it last changed: send it back in If-Modified-Since.",
}
CONDITIONAL_PARAMETERS = [
    ("If-None-Match", "An ETag from an earlier response: 304 and no body if still current."),
    ("If-Modified-Since", "An HTTP date: 304 and no body if nothing changed since."),
]


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = dict(PUBLIC_ERRORS)
        if getattr(self.view, "authentication_classes", None):
            errors.update(TOKEN_ERRORS)
        for code, description in errors.items():
            if code not in responses:
                response = OpenApiResponse(ProblemSerializer, description=description)
                responses[code] = self._get_response_for_code(
                    response, code, media_types=[PROBLEM_JSON], direction=direction
                )
        return dict(sorted(responses.items()))


def _headers(descriptions: dict[str, str], type_: str = "string") -> dict:
    return {
        name: {"schema": {"type": type_}, "description": text}
        for name, text in descriptions.items()
    }


def _is_conditional(path: str) -> bool:
    return "{" in path or "/exports/" in path


def postprocess(result, generator, request, public):
    """drf-spectacular hook: headers, conditional requests and 304 on the public operations."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation["responses"]
            for code, response in responses.items():
                headers = response.setdefault("headers", {})
                headers.update(_headers(RATE_LIMIT_HEADERS))
                if code == "429":
                    headers.update(_headers({"Retry-After": "Seconds to wait."}, "integer"))
            if _is_conditional(path):
                _conditional(operation)
    return result


def _conditional(operation: dict) -> None:
    responses = operation["responses"]
    responses["200"].setdefault("headers", {}).update(_headers(VALIDATOR_HEADERS))
    responses["304"] = {
        "description": "Not modified: the copy the client holds is current (no body).",
        "headers": _headers(VALIDATOR_HEADERS),
    }
    operation["responses"] = dict(sorted(responses.items()))
    operation.setdefault("parameters", []).extend(
        {
            "in": "header",
            "name": name,
            "required": False,
            "schema": {"type": "string"},
            "description": text,
        }
        for name, text in CONDITIONAL_PARAMETERS
    )
