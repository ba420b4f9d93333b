"""CORS: the public API and its downloads answer any origin, read-only and without
credentials; the internal API and the site send no CORS header at all (ADR 0017)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
ORIGIN = "https://data.example.org"


def test_public_reads_and_downloads_are_open_to_any_origin(client, world):
    for path in ("/api/public/v1/contracts/", "/api/public/v1/exports/ocds/releases.json"):
        response = client.get(path, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        exposed = response["Access-Control-Expose-Headers"].lower()
        assert {"etag", "ratelimit-remaining", "retry-after"} <= set(exposed.split(", "))


def test_a_preflight_is_answered_for_get_only(client, db):
    response = client.options(
        "/api/public/v1/contracts/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize(
    "path", ["/api/v1/authorities/ZZA/reviews/", "/public/contracts/", "/", "/sign-in/"]
)
def test_no_cors_for_the_internal_api_or_the_site(client, world, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    preflight = client.options(path, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    for answer in (response, preflight):
        assert not [h for h in answer.headers if h.lower().startswith("access-control-")]
