"""The database cache's cheaper write (ADR 0058): one upsert, the table counted now and then."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from insource.core.cache import DatabaseCache

pytestmark = pytest.mark.django_db(transaction=True)

TABLE = "insource_cache"  # settings.CACHES["default"]["LOCATION"]


def backend(**options) -> DatabaseCache:
    return DatabaseCache(TABLE, {"KEY_PREFIX": "test-cache", "OPTIONS": options})


def rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM insource_cache")
        return cursor.fetchone()[0]


def test_the_default_cache_is_this_backend():
    assert isinstance(caches["default"], DatabaseCache)


def test_a_write_is_one_statement_and_no_count_between_counts():
    cache = backend(COUNT_EVERY=5)
    cache.set("first", 1)  # the first write of a process counts the table, as Django's does
    with CaptureQueriesContext(connection) as queries:
        cache.set("second", {"a": [1, 2]})
        cache.set("second", {"a": [3]})  # an existing key: updated in place
    sqls = [q["sql"] for q in queries]
    assert len(sqls) == 2, sqls
    assert not any("COUNT(" in sql.upper() for sql in sqls), sqls
    assert all("ON CONFLICT" in sql.upper() for sql in sqls), sqls
    assert cache.get("second") == {"a": [3]}
    assert cache.get("first") == 1


def test_every_nth_write_counts_the_table_and_culls_it():
    cache = backend(COUNT_EVERY=3, MAX_ENTRIES=4, CULL_FREQUENCY=2)
    for n in range(12):
        cache.set(f"key-{n}", n)
    # Culls run on writes 1, 4, 7 and 10 only: the table stays within MAX_ENTRIES plus the
    # writes since the last count.
    assert rows() <= 4 + 3
    with CaptureQueriesContext(connection) as queries:
        for n in range(12, 15):
            cache.set(f"key-{n}", n)
    counted = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counted) == 1


def test_expiry_and_timeouts_are_kept():
    cache = backend(COUNT_EVERY=1000)
    cache.set("warm-up", 0)
    cache.set("gone", "x", timeout=-1)
    cache.set("forever", "y", timeout=None)
    cache.set("soon", "z", timeout=60)
    assert cache.get("gone") is None
    assert cache.get("forever") == "y"
    assert cache.get("soon") == "z"
    assert cache.has_key("forever")
    assert not cache.has_key("gone")


def test_a_failed_write_inside_a_transaction_leaves_the_transaction_usable(monkeypatch):
    cache = backend(COUNT_EVERY=1000)
    cache.set("warm-up", 0)
    monkeypatch.setattr(cache, "_table", "no_such_cache_table")
    with transaction.atomic():
        cache.set("key", "value")  # fails quietly, as Django's does
        with connection.cursor() as cursor:  # the outer transaction goes on
            cursor.execute("SELECT COUNT(*) FROM insource_cache")
            assert cursor.fetchone()[0] >= 1


def test_add_and_touch_keep_djangos_meaning():
    cache = backend(COUNT_EVERY=1000)
    assert cache.add("once", 1) is True
    assert cache.add("once", 2) is False
    assert cache.get("once") == 1
    assert cache.touch("once", 30) is True
    assert cache.touch("missing", 30) is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")
def test_only_the_caches_own_commit_skips_waiting_for_the_disk():
    cache = backend(COUNT_EVERY=1000)
    cache.set("warm-up", 0)
    with CaptureQueriesContext(connection) as queries:
        cache.set("alone", 1)
    assert "set_config('synchronous_commit', 'off', true)" in queries[0]["sql"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = on")
        cache.set("inside", 2)
        with connection.cursor() as cursor:  # the caller's commit still waits for the disk
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"
    assert cache.get("alone") == 1
    assert cache.get("inside") == 2
