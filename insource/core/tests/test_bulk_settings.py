"""A bulk job's SQLite page cache: set for the job, put back after, even when the job fails;
nothing on other databases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insource.core.bulk import sqlite_page_cache

pytestmark = pytest.mark.django_db


def _cache_size():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's page cache")
def test_the_page_cache_is_the_jobs_then_as_it_was():
    before = _cache_size()
    with sqlite_page_cache(12_345):
        assert _cache_size() == -12_345
    assert _cache_size() == before != -12_345
    with pytest.raises(RuntimeError), sqlite_page_cache(777):
        assert _cache_size() == -777
        raise RuntimeError("the job failed")
    assert _cache_size() == before


@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite's is changed")
def test_elsewhere_no_statement_is_sent():
    with CaptureQueriesContext(connection) as sent, sqlite_page_cache(12_345):
        pass
    assert sent.captured_queries == []
