"""Rate limits are counted in a cache every worker shares (the database by default, Redis when
configured), and every response says where the client stands (ADR 0017)."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client
from rest_framework.test import APIRequestFactory

from insource.api.throttling import PublicRateThrottle

BASE = "/api/public/v1"
pytestmark = pytest.mark.django_db


def test_the_default_cache_is_the_database(settings):
    assert isinstance(caches["default"], DatabaseCache)
    assert settings.CACHES["default"]["LOCATION"] in connection.introspection.table_names()


def test_responses_carry_the_drafts_rate_limit_fields(client, settings):
    settings.INSOURCE_API_PUBLIC_RATE = "3/minute"
    cache.clear()
    seen = [client.get(f"{BASE}/authorities/") for _ in range(4)]
    assert [r["RateLimit-Remaining"] for r in seen] == ["2", "1", "0", "0"]
    assert {r["RateLimit-Limit"] for r in seen} == {"3"}
    assert seen[0]["RateLimit-Policy"] == "3;w=60"
    assert 0 < int(seen[0]["RateLimit-Reset"]) <= 60
    assert seen[3].status_code == 429
    assert 0 < int(seen[3]["Retry-After"]) <= 60
    assert seen[3]["RateLimit-Reset"] == seen[3]["Retry-After"]


def test_downloads_report_the_limit_nearest_to_running_out(client, world, settings):
    settings.INSOURCE_API_EXPORT_RATE = "2/hour"
    cache.clear()
    response = client.get(f"{BASE}/exports/contracts.csv")
    assert response["RateLimit-Limit"] == "2" and response["RateLimit-Remaining"] == "1"
    assert response["RateLimit-Policy"] == "100000;w=60, 2;w=3600"


@pytest.mark.django_db(transaction=True)
def test_the_count_is_shared_by_clients_on_separate_database_connections(settings):
    """Two threads, each with its own database connection (as two workers have): the second
    is refused once the first has used the allowance."""
    settings.INSOURCE_API_PUBLIC_RATE = "3/minute"
    cache.clear()
    codes: dict[str, list[int]] = {}

    def worker(name: str, n: int):
        from django.db import connections

        client = Client(REMOTE_ADDR="192.0.2.7")
        codes[name] = [client.get(f"{BASE}/authorities/").status_code for _ in range(n)]
        connections.close_all()

    for name, n in (("first", 2), ("second", 2)):
        thread = threading.Thread(target=worker, args=(name, n))
        thread.start()
        thread.join()
    assert codes == {"first": [200, 200], "second": [200, 429]}
    cache.clear()


def _redis_cache(location: str):
    from django.core.cache.backends.redis import RedisCache

    return RedisCache(location, {"KEY_PREFIX": "insource-test"})


def _redis_up() -> bool:
    try:
        import redis

        return redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except Exception:  # noqa: BLE001 (no server, no package: the test is skipped)
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis server on 127.0.0.1:6379")
def test_with_redis_two_separate_clients_share_one_count(settings):
    """Two RedisCache clients (two connection pools, as two worker processes would have)."""
    settings.INSOURCE_API_PUBLIC_RATE = "2/minute"
    first, second = (
        _redis_cache("redis://127.0.0.1:6379/15"),
        _redis_cache("redis://127.0.0.1:6379/15"),
    )
    request = APIRequestFactory().get("/", REMOTE_ADDR=f"198.51.100.{uuid.uuid4().int % 250}")
    request.user = AnonymousUser()

    keys = set()

    def allowed(store) -> bool:
        throttle = PublicRateThrottle()
        throttle.cache = store
        answer = throttle.allow_request(request, view=None)
        keys.add(throttle.key)
        return answer

    try:
        assert [allowed(first), allowed(second), allowed(first)] == [True, True, False]
        assert allowed(second) is False
    finally:
        first.delete_many(list(keys))


def test_redis_url_switches_the_cache_to_redis(monkeypatch):
    import importlib

    import insource.settings as live

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    try:
        fresh = importlib.reload(live)
        assert fresh.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert fresh.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(live)
