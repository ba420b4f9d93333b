"""Benchmark `insource reviews screen` on a generated register of 1,000,000 contracts (SQLite).

    .venv/bin/python bench/bench_screening.py [--contracts 1000000] [--on 2026-11-23]

Not part of the test run. The register is shaped like the real one: the real demo register is
loaded once into a scratch database (`insource demo --no-server`), then each generated contract
copies a randomly drawn real contract (its reviewing authority, nature, CPV codes, framework flag,
VAT basis and suppliers, jointly) with its value scaled by a log-normal factor and its dates
shifted by up to three years either way (seeded). Generation is not timed. Timed: one
`insource reviews screen --on DATE --json` process (Django start-up, bulk reads, screening,
trace and row writes, commit), then a second run on the same date (idempotent: creates nothing).
Peak RSS is the child's (getrusage). Figures are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from national_register import generate  # the register's draw, shared (bench/national_register.py)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
INSOURCE = str(Path(sys.executable).parent / "insource")


def env_for(db: Path) -> dict:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "INSOURCE_ENV": "development"}


def demo_db() -> Path:
    """The real demo register in a scratch SQLite database (made once)."""
    db = OUT / "screening-demo.sqlite3"
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run([INSOURCE, "migrate", "-v0"], env=env_for(db), check=True)
    if not db.exists() or _count(db, "register_contract") == 0:
        subprocess.run(
            [INSOURCE, "demo", "--no-server"],
            env=env_for(db),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return db


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        con.close()


def timed_screen(db: Path, on: str) -> dict:
    """One `insource reviews screen` process: seconds, peak RSS (MB) and its JSON summary."""
    wrapper = (
        "import json,resource,subprocess,sys,time;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],check=True,capture_output=True,text=True);"
        "s=time.perf_counter()-t;"
        "print(json.dumps({'seconds':s,'peak_rss_mb':"
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,'summary':json.loads(p.stdout)}))"
    )
    cmd = [sys.executable, "-c", wrapper, INSOURCE, "reviews", "screen", "--on", on, "--json"]
    done = subprocess.run(cmd, env=env_for(db), check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--on", default="2026-11-23")
    args = parser.parse_args()
    started = time.perf_counter()
    db = generate(args.contracts)
    generated = time.perf_counter() - started
    first, second = timed_screen(db, args.on), timed_screen(db, args.on)
    con = sqlite3.connect(db)
    traces = con.execute("SELECT count(*) FROM reviews_screeningtrace").fetchone()[0]
    summary = first["summary"]
    figures = {
        "contracts": summary["screened"],
        "generate_seconds": round(generated, 1),
        "screen_seconds": round(first["seconds"], 2),
        "contracts_per_second": round(summary["screened"] / first["seconds"]),
        "peak_rss_mb": round(first["peak_rss_mb"]),
        "distinct_traces_stored": traces,
        "engine_evaluations": summary["classes"],
        "by_outcome": summary["by_outcome"],
        "rerun_seconds": round(second["seconds"], 2),
        "rerun_created": second["summary"]["created"],
        "rerun_unchanged": second["summary"]["unchanged"],
        "database_mb": round(db.stat().st_size / 2**20),
        "single_decision_latency": "see bench/bench_policy_evaluate.py",
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
