"""Benchmark `insource reviews screen` on a generated register of 1,000,000 contracts.

    .venv/bin/python bench/bench_screening.py [--contracts 1000000] [--on 2026-11-23]
        [--workers 1,2] [--repeat 2] [--database-url postgres://...]

Not part of the test run. The register is shaped like the real one (`bench/national_register.py`
draws it): the real demo register grown to N contracts, each a copy of a randomly drawn real
contract with its value scaled and its dates shifted (seeded). Generation is not timed.

SQLite (the default): the register is generated once into `bench/out/screening-N.sqlite3` and
every first run starts from a fresh copy of it. PostgreSQL (`--database-url`): make the register
first with `bench/national_register.py URL --contracts N --reviews 0 --no-screenings --fresh`;
before each first run the benchmark deletes the date's screenings and the traces (then VACUUM
ANALYZE), so every run screens every contract for the first time.

Timed, for each worker count in turn (alternating, `--repeat` rounds): one `insource reviews
screen --on DATE --json --workers W` process (Django start-up, reads, screening, trace and row
writes, commit), then a second run on the same date (idempotent: creates nothing). Wall
seconds, CPU seconds (user + system of the command and its worker processes) and peak RSS of
the largest process; the load average (`uptime`) before each run. Printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from national_register import generate  # the register's draw, shared (bench/national_register.py)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
INSOURCE = str(Path(sys.executable).parent / "insource")
WRAPPER = (
    "import json,resource,subprocess,sys,time;t=time.perf_counter();"
    "p=subprocess.run(sys.argv[1:],check=True,capture_output=True,text=True);"
    "s=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
    "print(json.dumps({'seconds':s,'cpu_seconds':u.ru_utime+u.ru_stime,"
    "'peak_rss_mb':u.ru_maxrss/1024,'summary':json.loads(p.stdout)}))"
)


def env_for(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "INSOURCE_ENV": "development"}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def timed_screen(url: str, on: str, workers: int) -> dict:
    """One `insource reviews screen` process: wall and CPU seconds, peak RSS (MB), summary."""
    cmd = [sys.executable, "-c", WRAPPER, INSOURCE, "reviews", "screen", "--on", on, "--json"]
    cmd += ["--workers", str(workers)]
    before = load()
    done = subprocess.run(cmd, env=env_for(url), check=True, capture_output=True, text=True)
    return json.loads(done.stdout) | {"load_before": before}


class SqliteRegister:
    """Each first run on a fresh copy of the generated register."""

    vendor = "sqlite"

    def __init__(self, contracts: int):
        self.pristine = OUT / f"screening-{contracts}.sqlite3"
        if not self.pristine.exists():
            generate(contracts)
        self.scratch = OUT / f"screening-{contracts}-run.sqlite3"

    def fresh(self, on: str) -> str:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.scratch}{suffix}").unlink(missing_ok=True)
        shutil.copy(self.pristine, self.scratch)
        return f"sqlite:///{self.scratch}"

    def traces(self) -> int:
        con = sqlite3.connect(self.scratch)
        try:
            return con.execute("SELECT count(*) FROM reviews_screeningtrace").fetchone()[0]
        finally:
            con.close()

    def size_mb(self) -> int:
        return round(self.scratch.stat().st_size / 2**20)


class PostgresRegister:
    """The register `bench/national_register.py` made; each first run after deleting the
    date's screenings and the traces."""

    vendor = "postgresql"

    def __init__(self, url: str):
        import psycopg

        self.url, self.psycopg = url, psycopg
        libpq = url.replace("postgres://", "postgresql://", 1)
        self.libpq = libpq

    def _sql(self, *statements, params=()) -> list:
        with self.psycopg.connect(self.libpq, autocommit=True) as con:
            rows = []
            for statement in statements:
                cur = con.execute(statement, params if "%s" in statement else ())
                rows = cur.fetchall() if cur.description else rows
            return rows

    def fresh(self, on: str) -> str:
        self._sql("DELETE FROM reviews_screening WHERE screened_on = %s", params=(on,))
        self._sql(
            "DELETE FROM reviews_screeningtrace t WHERE NOT EXISTS "
            "(SELECT 1 FROM reviews_screening s WHERE s.trace_id = t.id)",
            "VACUUM ANALYZE reviews_screening",
            "VACUUM ANALYZE reviews_screeningtrace",
        )
        return self.url

    def traces(self) -> int:
        return self._sql("SELECT count(*) FROM reviews_screeningtrace")[0][0]

    def size_mb(self) -> int:
        return round(self._sql("SELECT pg_database_size(current_database())")[0][0] / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--on", default="2026-11-23")
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}", help="e.g. 1,2")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of alternated runs")
    parser.add_argument("--database-url", help="a PostgreSQL register (national_register.py)")
    args = parser.parse_args()
    if args.database_url:
        register = PostgresRegister(args.database_url)
    else:
        register = SqliteRegister(args.contracts)
    runs = []
    for round_ in range(args.repeat):
        for workers in (int(w) for w in args.workers.split(",")):
            url = register.fresh(args.on)
            first, second = timed_screen(url, args.on, workers), timed_screen(url, args.on, workers)
            summary = first["summary"]
            runs.append(
                {
                    "round": round_ + 1,
                    "workers": workers,
                    "contracts": summary["screened"],
                    "first_seconds": round(first["seconds"], 2),
                    "first_cpu_seconds": round(first["cpu_seconds"], 2),
                    "first_load_before": first["load_before"],
                    "first_created": summary["created"],
                    "rerun_seconds": round(second["seconds"], 2),
                    "rerun_cpu_seconds": round(second["cpu_seconds"], 2),
                    "rerun_load_before": second["load_before"],
                    "rerun_created": second["summary"]["created"],
                    "rerun_unchanged": second["summary"]["unchanged"],
                    "peak_rss_mb": round(max(first["peak_rss_mb"], second["peak_rss_mb"])),
                    "engine_evaluations": summary["classes"],
                    "distinct_traces_stored": register.traces(),
                    "by_outcome": summary["by_outcome"],
                }
            )
            print(json.dumps(runs[-1]), file=sys.stderr, flush=True)
    figures = {
        "database": register.vendor,
        "database_mb": register.size_mb(),
        "cpus": os.cpu_count(),
        "runs": runs,
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
