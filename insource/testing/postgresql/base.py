"""Django's PostgreSQL backend with a test suite's flush: `DELETE`, not `TRUNCATE` (ADR 0049).

Every test that commits (`transaction=True`, the live server of the browser tests) ends with
Django's `flush`, which on PostgreSQL is one `TRUNCATE` of every table: about 1 s on this
machine (3.5 s cold), because PostgreSQL swaps the files of all 80-odd tables however few rows
they hold. A test leaves a handful of rows, and deleting them takes 10–20 ms. Foreign keys
that Django makes are `DEFERRABLE INITIALLY DEFERRED`, so inside the flush's transaction the
tables can be emptied in any order. A flush that must cascade to tables outside its list
(`available_apps`) is left to `TRUNCATE … CASCADE`.

`insource/settings.py` names this engine only when `INSOURCE_ENV=test` and the database is
PostgreSQL; production runs Django's own backend unchanged.
"""

from __future__ import annotations

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or allow_cascade:
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        sql = ["SET CONSTRAINTS ALL DEFERRED;"]
        sql.extend(
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(t))};"
            for t in tables
        )
        if reset_sequences:
            wanted = set(tables)
            sequences = [
                s for s in self.connection.introspection.sequence_list() if s["table"] in wanted
            ]
            sql.extend(self.sequence_reset_by_name_sql(style, sequences))
        return sql


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
