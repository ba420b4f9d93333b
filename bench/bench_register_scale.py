"""The public register, an authority page and the public API on a national register (issue 21).

    .venv/bin/python bench/bench_register_scale.py DATABASE_URL [--explain] [--on 2026-12-07]
        [--duration 15] [--connections 32] [--only NAME ...] [--skip-warm] [--skip-cold]

DATABASE_URL is a register made by `bench/national_register.py` (1,000,000 contracts and
100,000 reviews), on PostgreSQL or SQLite. Not part of the test run; needs `wrk`, gunicorn and
psutil (the `bench` extra).

`--explain`: each URL below is requested once in this process (Django's test client, page
cache off) with every SQL statement timed; the statements over 5 ms are printed with their
`EXPLAIN (ANALYZE, BUFFERS)` plan (PostgreSQL) or `EXPLAIN QUERY PLAN` (SQLite) — the evidence
for the indexes in docs/performance.md.

Otherwise, the load test: the server is gunicorn as `bench/bench_portal.py` runs it (2 worker
processes × 8 threads, DEBUG off; its helpers are reused), and each URL is driven with
`wrk --timeout 10s -c 32 -t 2 -d 15s --latency`: throughput, p50, p95, p99, server CPU per
request and non-2xx answers (the API's own rate limit, counted per client address: wrk's
requests come through one proxy from `--addresses` addresses, none reaching its limit),
with `uptime` before each run — the page cache off
(`INSOURCE_PAGE_CACHE=0`: every request builds its page: "cold") and on (after one request
has filled it: "warm"). The goal is p95 under 150 ms at 32 connections.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_portal import WRK_REPORT, measure, start_gunicorn, stop, wait_for  # noqa: E402
from national_register import connect  # noqa: E402

SLOW_MS = 5.0


def biggest_adopter(database_url: str) -> tuple[str, str]:
    """The adopting authority reviewing most contracts: (public slug, code)."""
    db = connect(database_url)
    key, code = db.rows(
        "SELECT a.key, a.code FROM authorities_authority a JOIN register_contract c "
        "ON c.reviewing_authority_id = a.id WHERE a.policy_adopted_on IS NOT NULL "
        "GROUP BY a.id, a.key, a.code ORDER BY count(*) DESC, a.id LIMIT 1"
    )[0]
    db.con.close()
    return (code.lower() if code else key.split(":", 1)[-1]), code


def urls(on: str, slug: str, code: str) -> dict[str, str]:
    """Every filter of the register search alone, then together; the authority page; the API."""
    search = {
        "search: none (end date, soonest first)": {},
        "search: ends on or after today, by end date": {"end_after": on, "sort": "end"},
        "search: words (q=care home)": {"q": "care home"},
        "search: authority": {"authority": code},
        "search: service (cpv=905)": {"cpv": "905"},
        "search: supplier (supplier=serco)": {"supplier": "serco"},
        "search: value £100k-£1m": {"value_min": "100000", "value_max": "1000000"},
        "search: end date range": {"end_after": on, "end_before": "31/12/2027"},
        "search: data-quality flag": {"flag": "NO_END_DATE"},
        "search: by value, highest first": {"sort": "-value"},
        "search: by title": {"sort": "title"},
        "search: page 200": {"end_after": on, "sort": "end", "page": "200"},
        "search: every filter": {
            "q": "services",
            "authority": code,
            "cpv": "8",
            "value_min": "10000",
            "end_after": on,
            "sort": "end",
        },
    }
    api = {
        "api: contracts ending from today": {"end_after": on, "sort": "end"},
        "api: contracts, words and authority": {"q": "care", "authority": code},
        "api: contracts, every filter": {
            "q": "services",
            "authority": code,
            "cpv": "8",
            "supplier": "ltd",
            "value_min": "10000",
            "end_after": on,
        },
    }
    found = {name: "/public/contracts/?" + urlencode(p) for name, p in search.items()}
    found["authority page"] = f"/public/authorities/{slug}/"
    found["authorities list"] = "/public/authorities/"
    found |= {name: "/api/public/v1/contracts/?" + urlencode(p) for name, p in api.items()}
    found["api: decisions"] = "/api/public/v1/decisions/"
    found["api: authorities"] = "/api/public/v1/authorities/"
    return found


def env_for(database_url: str, **extra: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "INSOURCE_ENV": "development",
        "DEBUG": "0",
        # The public API's own per-address limit (120 a minute), counted as in production:
        # wrk's requests come through one proxy from `--addresses` client addresses
        # (`X-Forwarded-For`, ADDRESSES below), so no address reaches its limit.
        "INSOURCE_PROXY_COUNT": "1",
        **extra,
    }


# --- EXPLAIN ---------------------------------------------------------------------------------


def explain(database_url: str, targets: dict[str, str]) -> None:
    os.environ.update(env_for(database_url, INSOURCE_PAGE_CACHE="0", ALLOWED_HOSTS="*"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client, timings = Client(), []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((sql, params, (time.perf_counter() - started) * 1000))

    for name, url in targets.items():
        client.get(url, HTTP_HOST="localhost")  # warm the process, the OS and PG's buffers
        timings.clear()
        started = time.perf_counter()
        with connection.execute_wrapper(timed):
            answer = client.get(url, HTTP_HOST="localhost")
        total = (time.perf_counter() - started) * 1000
        sql_ms = sum(t for _, _, t in timings)
        print(f"\n## {name}: {url}")
        print(
            f"status {answer.status_code}, {total:.0f} ms, {len(timings)} queries, "
            f"{sql_ms:.0f} ms in SQL"
        )
        for sql, params, ms in sorted(timings, key=lambda t: -t[2]):
            if ms < SLOW_MS:
                break
            print(f"\n-- {ms:.1f} ms\n{_inline(connection, sql, params)}")
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                else:
                    cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
                for row in cursor.fetchall():
                    print("   ", " | ".join(str(v) for v in row))


def _inline(connection, sql: str, params) -> str:
    try:
        with connection.cursor() as cursor:
            return cursor.mogrify(sql, params).decode()
    except (AttributeError, TypeError):
        return f"{sql}  -- {params!r}"


# --- load --------------------------------------------------------------------------------------


def start_server(database_url: str, port: int, args, *, cache: bool) -> subprocess.Popen:
    env = env_for(database_url, INSOURCE_PAGE_CACHE="1" if cache else "0")
    return start_gunicorn(port, args, env)


def clear_page_cache(database_url: str) -> None:
    db = connect(database_url)
    db.execute("DELETE FROM insource_cache")
    db.con.commit()
    db.con.close()


# Each request from the next of `n` client addresses, as a proxy in front reports them.
ADDRESSES = """
local n, next_address = %d, 0
request = function()
  next_address = (next_address + 1) %% n
  local address = string.format("10.%%d.%%d.%%d", math.floor(next_address / 65536) %% 256,
    math.floor(next_address / 256) %% 256, next_address %% 256)
  return wrk.format(nil, nil, {["X-Forwarded-For"] = address})
end
"""


def load(database_url: str, targets: dict[str, str], args) -> list[dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(ADDRESSES % args.addresses + WRK_REPORT)
    script, rows, port = Path(lua.name), [], 8771
    base = f"http://127.0.0.1:{port}"
    modes = [m for m, skip in (("cold", args.skip_cold), ("warm", args.skip_warm)) if not skip]
    try:
        for mode in modes:
            clear_page_cache(database_url)
            server = start_server(database_url, port, args, cache=mode == "warm")
            try:
                wait_for(base + "/robots.txt", 120)
                for name, path in targets.items():
                    for _ in range(2 * args.workers):  # every worker imported, the cache filled
                        wait_for(base + path, 120)
                    row = measure(f"{mode} | {name}", server.pid, base + path, args, script)
                    rows.append(row | {"url": path})
            finally:
                stop(server)
    finally:
        script.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--on", default=time.strftime("%Y-%m-%d"))
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads-per-worker", type=int, default=8, help="gthread threads")
    parser.add_argument(
        "--addresses", type=int, default=2000, help="client addresses behind the one proxy"
    )
    parser.add_argument("--only", nargs="*", help="names (substrings) of the URLs to run")
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument("--skip-warm", action="store_true")
    args = parser.parse_args()
    slug, code = biggest_adopter(args.database_url)
    targets = urls(args.on, slug, code)
    if args.only:
        targets = {n: u for n, u in targets.items() if any(o in n for o in args.only)}
    if args.explain:
        explain(args.database_url, targets)
        return
    rows = load(args.database_url, targets, args)
    print(json.dumps(rows))
    print()
    print("| page cache | query | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | non-2xx | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        mode, name = r["server"].split(" | ", 1)
        load_avg = r["uptime_before"].split("load average:")[-1].strip()
        print(
            f"| {mode} | {name} | {r['throughput_rps']} | {r['p50_ms']} | {r['p95_ms']} | "
            f"{r['p99_ms']} | {r['cpu_ms_per_request']} | {r['non_2xx']} | {load_avg} |"
        )


if __name__ == "__main__":
    main()
