"""Benchmark the public register search against Datasette on the same SQLite register (issue 21).

    .venv/bin/python bench/bench_portal.py [--db PATH] [--datasette PATH/TO/datasette]
        [--duration 20] [--connections 32] [--threads 2] [--workers 4] [--on 2026-12-07]

Not part of the test run; needs `wrk` (`apt-get install -y wrk`), gunicorn and psutil (the
`bench` extra: `pip install -e .[bench]`) and a Datasette in a virtualenv of its own, never a
dependency of the product:

    python3 -m venv /tmp/datasette-venv && /tmp/datasette-venv/bin/pip install datasette

The register is the real demo register (`insource demo --no-server`, made once into the
database given, or `bench/out/portal-demo.sqlite3`). Datasette serves a copy of the same file
(taken after a WAL checkpoint, so both read identical data; Datasette opens it `--immutable`,
its mode for publishing read-only data). The query on both: contracts ending on or after the
day, soonest first, 50 rows a page, as an HTML page:

- Insource: `/public/contracts/?end_after=DAY&sort=end` (gunicorn, 2 worker processes of 8
  threads — its `gthread` worker, which keeps connections alive —, DEBUG off);
- Datasette: `/DB/register_contract?end_on__gte=DAY&duplicate_of_id__isnull=1&_sort=end_on
  &_size=50&_col=...` (the same columns the register table shows; the same rows), with facet
  suggestions off (`--setting suggest_facets off`: they try a facet on every column).

Each server is measured with `wrk --timeout 10s -c 32 -t 2 -d 20s --latency` on one URL:

- cold: a freshly started server (Insource: its workers started on another query, then its
  page cache emptied: every visitor's first request for the page finds nothing);
- warm: the same again, the server left running after the cold run;
- Insource also without the page cache (`INSOURCE_PAGE_CACHE=0`): every request builds the page.

Server CPU per request is the utime+stime of the server's processes (the master and every
worker, from /proc/<pid>/stat through psutil) over the run, divided by the requests served.
The machine's load (`uptime`) is printed before each run. Figures are printed as JSON and as a
Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
COLUMNS = (
    "id",
    "award_id",
    "title",
    "buyer_name",
    "reviewing_authority_id",
    "supplier_names",
    "value_inc_vat",
    "start_on",
    "end_on",
    "status",
)
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d non2xx=%d errors=%d p50=%d p95=%d p99=%d\\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def env_for(db: Path, **extra: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "INSOURCE_ENV": "development",
        "DEBUG": "0",
        **extra,
    }


def demo_db(db: Path) -> Path:
    """The real demo register in a scratch SQLite database (made once)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists() or _count(db, "register_contract") == 0:
        subprocess.run(
            [str(BIN / "insource"), "demo", "--no-server"],
            env=env_for(db),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    subprocess.run([str(BIN / "insource"), "migrate", "-v0"], env=env_for(db), check=True)
    return db


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        con.close()


def copy_for_datasette(db: Path) -> Path:
    """A copy of the same register (after a checkpoint, so the copy holds every row)."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    copy = db.with_name("datasette-register.sqlite3")
    shutil.copyfile(db, copy)
    con = sqlite3.connect(copy)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    return copy


def clear_page_cache(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("DELETE FROM insource_cache WHERE cache_key LIKE '%pages:%'")
    con.commit()
    con.close()


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def load_average() -> float:
    return os.getloadavg()[0]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def warm_workers(url: str, args) -> None:
    """Start every worker (imports, templates) on another query, so 'cold' is the page cache's
    coldness, not the processes'."""
    wait_for(url)
    for _ in range(4 * args.workers):
        with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310
            answer.read()


def cpu_seconds(pid: int) -> float:
    """utime + stime of a server and all its children (gunicorn's workers)."""
    root = psutil.Process(pid)
    total = 0.0
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_wrk(url: str, args, script: Path) -> dict:
    command = [
        "wrk",
        "--timeout",
        "10s",
        "-c",
        str(args.connections),
        "-t",
        str(args.threads),
        "-d",
        f"{args.duration}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"BENCH (.*)", out)
    fields = dict(pair.split("=") for pair in found[1].split())
    return {k: int(v) for k, v in fields.items()}


def measure(name: str, server_pid: int, url: str, args, script: Path) -> dict:
    load_before = uptime()
    cpu_before = cpu_seconds(server_pid)
    result = run_wrk(url, args, script)
    cpu = cpu_seconds(server_pid) - cpu_before
    requests = result["requests"]
    seconds = result["duration_us"] / 1e6
    row = {
        "server": name,
        "requests": requests,
        "throughput_rps": round(requests / seconds, 1),
        "p50_ms": round(result["p50"] / 1000, 1),
        "p95_ms": round(result["p95"] / 1000, 1),
        "p99_ms": round(result["p99"] / 1000, 1),
        "cpu_ms_per_request": round(cpu * 1000 / max(requests, 1), 2),
        "non_2xx": result["non2xx"],
        "socket_errors": result["errors"],
        "uptime_before": load_before,
        "load_1min_after": round(load_average(), 2),
    }
    print(json.dumps(row), flush=True)
    return row


def start_gunicorn(port: int, args, env: dict) -> subprocess.Popen:
    """Insource under gunicorn as every portal benchmark runs it (DEBUG off in `env`)."""
    command = [
        str(BIN / "gunicorn"),
        "insource.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        getattr(args, "worker_class", "gthread"),
        "--threads",
        str(args.threads_per_worker),
        "--backlog",
        "256",
        "--no-control-socket",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def start_insource(db: Path, port: int, args, *, cache: bool) -> subprocess.Popen:
    return start_gunicorn(port, args, env_for(db, INSOURCE_PAGE_CACHE="1" if cache else "0"))


def start_datasette(copy: Path, port: int, args) -> subprocess.Popen:
    command = [
        args.datasette,
        "serve",
        "--immutable",
        str(copy),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "10000",
        # Facet suggestions try a facet on every column of each page: an exploring aid, not
        # the query; with them on, Datasette served 0.4 requests/s here. Off, as in production.
        "--setting",
        "suggest_facets",
        "off",
    ]
    return subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL)


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "portal-demo.sqlite3")
    parser.add_argument("--datasette", default="/tmp/datasette-venv/bin/datasette")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads-per-worker", type=int, default=8, help="gthread threads")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--skip-datasette", action="store_true")
    parser.add_argument("--on", default=date.today().isoformat(), help="the day (ISO)")
    parser.add_argument("--skip-uncached", action="store_true")
    args = parser.parse_args()

    db = demo_db(args.db)
    copy = copy_for_datasette(db)
    insource_url = f"http://127.0.0.1:8761/public/contracts/?end_after={args.on}&sort=end"
    columns = "".join(f"&_col={c}" for c in COLUMNS if c != "id")
    datasette_url = (
        f"http://127.0.0.1:8762/{copy.stem}/register_contract?end_on__gte={args.on}"
        f"&duplicate_of_id__isnull=1&_sort=end_on&_size=50{columns}"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(WRK_REPORT)
    script = Path(lua.name)
    rows = []
    try:
        # Insource with its page cache: cold (emptied, fresh server), then warm.
        clear_page_cache(db)
        server = start_insource(db, 8761, args, cache=True)
        try:
            warm_workers(insource_url.replace("sort=end", "sort=-end"), args)
            clear_page_cache(db)
            rows.append(measure("insource cold", server.pid, insource_url, args, script))
            rows.append(measure("insource warm", server.pid, insource_url, args, script))
        finally:
            stop(server)
        if not args.skip_uncached:
            server = start_insource(db, 8761, args, cache=False)
            try:
                wait_for("http://127.0.0.1:8761/public/authorities/")
                rows.append(measure("insource no cache", server.pid, insource_url, args, script))
            finally:
                stop(server)
        # Datasette: cold (fresh process), then warm.
        if not args.skip_datasette:
            server = start_datasette(copy, 8762, args)
            try:
                wait_for(f"http://127.0.0.1:8762/{copy.stem}")
                rows.append(measure("datasette cold", server.pid, datasette_url, args, script))
                rows.append(measure("datasette warm", server.pid, datasette_url, args, script))
            finally:
                stop(server)
    finally:
        script.unlink()
    by = {r["server"]: r for r in rows}
    ratios = {
        f"{a} / {b}": round(by[a]["throughput_rps"] / by[b]["throughput_rps"], 2)
        for a, b in (
            ("insource warm", "datasette warm"),
            ("insource cold", "datasette cold"),
            ("insource no cache", "datasette warm"),
        )
        if a in by and b in by
    }
    print(json.dumps({"ratios": ratios, "insource_url": insource_url, "datasette": datasette_url}))
    print()
    print("| server | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | non-2xx | load |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        load = r["uptime_before"].split("load average:")[-1].strip()
        print(
            f"| {r['server']} | {r['throughput_rps']} | {r['p50_ms']} | {r['p95_ms']} | "
            f"{r['p99_ms']} | {r['cpu_ms_per_request']} | {r['non_2xx']} | {load} |"
        )
    for name, value in ratios.items():
        print(f"\n{name} (throughput): **{value}×**")


if __name__ == "__main__":
    main()
