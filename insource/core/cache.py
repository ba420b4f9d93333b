"""The shared cache on the database (ADR 0058): Django's database cache with a cheaper write.

Django's `DatabaseCache.set` runs `SELECT COUNT(*)` over the whole cache table on every
write (to decide whether to cull), then a `SELECT` of the key and an `UPDATE` or `INSERT`
inside a savepoint. The public API writes its rate-limit count on every request and the page
cache writes every page it builds, so on a national register, where the table holds tens of
thousands of pages, the count alone cost more than serving the page from memory.

Here a `set` is one upsert (`INSERT … ON CONFLICT (cache_key) DO UPDATE`, which SQLite and
PostgreSQL both have). On PostgreSQL, outside a caller's transaction, the upsert's own commit
does not wait for the disk (`synchronous_commit` off for that transaction only). The table is
counted, and culled when over `MAX_ENTRIES`, on the first write of a process and then one
write in `COUNT_EVERY` (default 200). The table can therefore hold at most about
`COUNT_EVERY` × processes entries more than `MAX_ENTRIES` before a cull: a bound, not a
leak. `add` and `touch` (rare) are Django's own.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router, transaction

COUNT_EVERY = 200


class DatabaseCache(DjangoDatabaseCache):
    """Django's database cache; `set` is one upsert and the table is counted now and then."""

    def __init__(self, table, params):
        super().__init__(table, params)
        options = params.get("OPTIONS", {})
        self._count_every = max(int(options.get("COUNT_EVERY", COUNT_EVERY)), 1)
        self._writes = itertools.count()

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        if mode != "set" or next(self._writes) % self._count_every == 0:
            return super()._base_set(mode, key, value, timeout)
        return self._upsert(key, value, timeout)

    def _upsert(self, key, value, timeout) -> bool:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        expires = connection.ops.adapt_datetimefield_value(self._expiry(timeout))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        # The table and column names are quoted identifiers from settings, not input.
        table, k, v, e = (quote(name) for name in (self._table, "cache_key", "value", "expires"))
        in_transaction = connection.in_atomic_block
        if connection.vendor == "postgresql" and not in_transaction:
            # Its own transaction, which need not wait for the disk: a cache entry lost in a
            # crash is only built again. Never inside a caller's transaction (it would make
            # the caller's commit wait for nothing either).
            rows = "SELECT %s, %s, %s FROM (SELECT set_config('synchronous_commit', 'off', true)) s"
        else:
            rows = "VALUES (%s, %s, %s)"
        sql = (
            f"INSERT INTO {table} ({k}, {v}, {e}) {rows} "  # noqa: S608
            f"ON CONFLICT ({k}) DO UPDATE SET {v} = excluded.{v}, {e} = excluded.{e}"
        )
        try:
            # Inside a transaction, a failed write must not break the caller's: a savepoint.
            # Outside one, the single statement is its own transaction.
            with transaction.atomic(using=db) if in_transaction else contextlib.nullcontext():
                with connection.cursor() as cursor:
                    cursor.execute(sql, [key, encoded, expires])
        except DatabaseError:
            return False  # as Django's: a cache write may fail quietly
        return True

    def _expiry(self, timeout) -> datetime:
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        return expires.replace(microsecond=0)
