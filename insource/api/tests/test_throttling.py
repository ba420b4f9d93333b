"""Rate limits: the public API answers 429 (a problem document) with Retry-After once exceeded."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_public_api_returns_429_when_the_rate_is_exceeded(client, settings):
    settings.INSOURCE_API_PUBLIC_RATE = "3/minute"
    cache.clear()
    codes = [client.get("/api/public/v1/authorities/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/public/v1/contracts/")
    assert response.status_code == 429
    assert "throttled" in response.json()["detail"] and int(response["Retry-After"]) > 0


def test_each_client_address_has_its_own_count(client, settings):
    settings.INSOURCE_API_PUBLIC_RATE = "1/minute"
    cache.clear()
    assert client.get("/api/public/v1/authorities/", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get("/api/public/v1/authorities/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/public/v1/authorities/", REMOTE_ADDR="10.0.0.2").status_code == 200
    # A client cannot reset its count by sending its own X-Forwarded-For (no trusted proxy).
    spoofed = client.get(
        "/api/public/v1/authorities/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert spoofed.status_code == 429


def test_downloads_have_their_own_tighter_limit(client, settings, world):
    settings.INSOURCE_API_EXPORT_RATE = "1/hour"
    cache.clear()
    assert client.get("/api/public/v1/exports/contracts.csv").status_code == 200
    blocked = client.get("/api/public/v1/exports/contracts.csv")
    assert blocked.status_code == 429 and blocked["Content-Type"] == "application/problem+json"
    assert client.get("/api/public/v1/contracts/").status_code == 200
