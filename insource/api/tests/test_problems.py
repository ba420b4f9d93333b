"""Errors are RFC 9457 problem documents (application/problem+json) on the APIs, for 400, 404,
405, 429 and 500, and the OpenAPI document declares them so (ADR 0017)."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from insource.api import selectors

pytestmark = pytest.mark.django_db
BASE = "/api/public/v1"
MEMBERS = {"type", "title", "status", "detail"}


def problem_of(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert MEMBERS <= set(body) and body["status"] == status and body["type"] == "about:blank"
    assert body["detail"]
    return body


def test_400_404_405_and_429_are_problems(client, world, settings):
    assert problem_of(client.get(f"{BASE}/contracts/", {"cpv": "x"}), 400)["errors"]["cpv"]
    assert problem_of(client.get(f"{BASE}/contracts/999999/"), 404)["title"] == "Not Found"
    assert problem_of(client.get(f"{BASE}/contracts/", {"page": 99}), 404)
    assert problem_of(client.get("/api/nothing/"), 404)["detail"] == "Not found."
    gone = problem_of(client.post(f"{BASE}/contracts/", {}), 405)
    assert gone["title"] == "Method Not Allowed" and "POST" in gone["detail"]
    problem_of(client.delete(f"{BASE}/exports/contracts.csv"), 405)
    settings.INSOURCE_API_PUBLIC_RATE = "1/minute"
    cache.clear()
    client.get(f"{BASE}/authorities/")
    limited = problem_of(client.get(f"{BASE}/authorities/"), 429)
    assert limited["title"] == "Too Many Requests" and "errors" not in limited


def test_an_unexpected_error_is_a_logged_500_problem_not_a_traceback(
    client, world, monkeypatch, caplog
):
    def broken(pk):
        raise RuntimeError("boom: secret internals")

    monkeypatch.setattr(selectors, "contract_public_get", broken)
    response = client.get(f"{BASE}/contracts/{world.contracts['refuse'].pk}/")
    body = problem_of(response, 500)
    assert body["title"] == "Internal Server Error" and "boom" not in response.content.decode()
    assert any("boom" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_the_internal_api_answers_problems_too(client, world):
    assert problem_of(client.get("/api/v1/authorities/ZZA/reviews/"), 401)["title"]


def test_the_document_declares_every_error_as_a_problem(client, db):
    document = json.loads(client.get(f"{BASE}/schema/", {"format": "json"}).content)
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "errors"} <= set(problem["properties"])
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for code in ("400", "404", "405", "429", "500"):
                content = operation["responses"][code]["content"]
                assert list(content) == ["application/problem+json"], (path, code)
            assert "Retry-After" in operation["responses"]["429"]["headers"]
            assert "RateLimit-Remaining" in operation["responses"]["200"]["headers"]
