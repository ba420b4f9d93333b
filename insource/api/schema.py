"""OpenAPI generation: every operation declares its error responses, all `{"detail": ...}`.

Public operations declare 400 (invalid query), 404 (no such record or page) and 429 (rate
limit); token-authenticated ones add 401 and 403. Declared errors are what lets schemathesis
check that every response the API gives is one the document promises.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse

from insource.api.errors import ErrorSerializer

PUBLIC_ERRORS = {
    "400": "The query parameters are not valid: `errors` names each and says why.",
    "404": "There is no such record, or no such page of results.",
    "429": "Too many requests from this address: wait for the number of seconds in Retry-After.",
}
TOKEN_ERRORS = {
    "401": "No token, or a token that is not valid: send `Authorization: Token <key>`.",
    "403": "The token's user may not do this for this authority.",
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = dict(PUBLIC_ERRORS)
        if getattr(self.view, "authentication_classes", None):
            errors.update(TOKEN_ERRORS)
        for code, description in errors.items():
            if code not in responses:
                response = OpenApiResponse(ErrorSerializer, description=description)
                responses[code] = self._get_response_for_code(response, code, direction=direction)
        return dict(sorted(responses.items()))
