"""A cache write on the database cache: Django's backend against Insource's (ADR 0058).

    .venv/bin/python bench/bench_cache_writes.py [DATABASE_URL] [--entries 50000]
        [--writes 2000] [--rounds 5]

The cache table is filled with `--entries` stored pages (what a national register's page
cache holds), then each round times `--writes` writes of a rate-limit count (DRF's history of
120 request times, as the public API writes on every request) through Django's
`DatabaseCache` and through `insource.core.cache.DatabaseCache`, alternated; the median per
write (wall and this process's CPU) and the ratio are printed, with the machine's load.
Default database: a scratch PostgreSQL database `bench_cache_writes` (made and dropped);
`sqlite:////tmp/x.sqlite3` for SQLite. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_DEFAULT = "postgres://postgres@127.0.0.1:5432/bench_cache_writes"


def setup(database_url: str) -> None:
    os.environ.update(
        {"INSOURCE_ENV": "development", "INSOURCE_DEMO": "false", "DATABASE_URL": database_url}
    )
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")
    import django

    django.setup()


def fill(entries: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    call_command("createcachetable", verbosity=0)
    page = "p" * 4000  # a stored page is a few kB of base64
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM insource_cache")
        rows = [(f"insource:1:pages:{n}", page, "2999-01-01 00:00:00") for n in range(entries)]
        for start in range(0, len(rows), 5000):
            cursor.executemany(
                "INSERT INTO insource_cache (cache_key, value, expires) VALUES (%s, %s, %s)",
                rows[start : start + 5000],
            )


def per_write(cache, writes: int) -> tuple[float, float]:
    history = [time.time() - n * 0.5 for n in range(120)]
    wall, cpu = time.perf_counter(), time.process_time()
    for n in range(writes):
        cache.set(f"throttle_public_10.0.{n % 50}.1", history, 60)
    return (
        (time.perf_counter() - wall) / writes * 1e6,
        (time.process_time() - cpu) / writes * 1e6,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", default=PG_DEFAULT)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    scratch = args.database_url == PG_DEFAULT
    if scratch:
        os.system("psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS bench_cache_writes'")
        os.system("psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE bench_cache_writes'")
    setup(args.database_url)
    from django.core.cache.backends.db import DatabaseCache as Django
    from django.db import connection

    from insource.core.cache import DatabaseCache as Insource

    fill(args.entries)
    params = {"KEY_PREFIX": "insource", "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 4}}
    backends = {"Django's DatabaseCache": Django, "insource.core.cache": Insource}
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in backends}
    print(f"{connection.vendor}, {args.entries:,} entries; load {os.getloadavg()[0]:.2f}")
    for _ in range(args.rounds):
        for name, cls in backends.items():
            results[name].append(per_write(cls("insource_cache", params), args.writes))
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        medians[name] = wall
        print(f"{name:24} {wall:8.0f} µs a write (CPU {cpu:6.0f} µs)")
    django_wall, ours = medians.values()
    print(f"ratio (Insource ÷ Django): {ours / django_wall:.2f}; load {os.getloadavg()[0]:.2f}")
    connection.close()
    if scratch:
        os.system("psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS bench_cache_writes'")


if __name__ == "__main__":
    main()
