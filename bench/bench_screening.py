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
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

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


def _shift(text: str | None, days: int) -> str | None:
    return None if text is None else (date.fromisoformat(text) + timedelta(days=days)).isoformat()


def _copy(row: tuple, cols: list[str], new_id: int, rnd: random.Random) -> tuple:
    values = dict(zip(cols, row, strict=True))
    days, factor = rnd.randint(-1100, 1100), Decimal(str(round(rnd.lognormvariate(0, 0.6), 3)))
    values["id"], values["source_key"] = new_id, f"bench:{new_id}"
    for money in ("value_amount", "value_inc_vat"):
        if values[money] is not None:
            values[money] = str((Decimal(str(values[money])) * factor).quantize(Decimal("0.01")))
    for day in ("awarded_on", "start_on", "end_on", "max_end_on"):
        values[day] = _shift(values[day], days)
    return tuple(values[c] for c in cols)


def generate(n: int, seed: int = 7) -> Path:
    """A copy of the demo database grown to n contracts by sampling its real contracts."""
    db = OUT / f"screening-{n}.sqlite3"
    shutil.copy(demo_db(), db)
    con = sqlite3.connect(db)
    # The demo screens its register: start from none, so every contract is screened for the
    # first time in the timed run.
    con.executescript("DELETE FROM reviews_screening; DELETE FROM reviews_screeningtrace;")
    cols = [r[1] for r in con.execute("PRAGMA table_info(register_contract)")]
    real = con.execute(f"SELECT {', '.join(cols)} FROM register_contract").fetchall()  # noqa: S608
    links: dict[int, list[int]] = {}
    for contract_id, supplier_id in con.execute(
        "SELECT contract_id, supplier_id FROM register_contract_suppliers"
    ):
        links.setdefault(contract_id, []).append(supplier_id)
    rnd, next_id = random.Random(seed), max(r[0] for r in real) + 1
    insert = (
        f"INSERT INTO register_contract ({', '.join(cols)}) "  # noqa: S608
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    for start in range(0, n - len(real), 50_000):
        batch = [rnd.choice(real) for _ in range(min(50_000, n - len(real) - start))]
        rows = [_copy(r, cols, next_id + i, rnd) for i, r in enumerate(batch)]
        con.executemany(insert, rows)
        con.executemany(
            "INSERT INTO register_contract_suppliers (contract_id, supplier_id) VALUES (?, ?)",
            [(next_id + i, s) for i, r in enumerate(batch) for s in links.get(r[0], ())],
        )
        next_id += len(batch)
    con.commit()
    con.execute("VACUUM")
    con.close()
    return db


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
