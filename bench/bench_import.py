"""Import benchmark: OCDS releases into SQLite and PostgreSQL vs ocdskit compile.

Generates the file by rewriting the ids of the 200 real 2025 Contracts Finder releases, then in
one run measures (one warm-up round, median of N rounds, each command a fresh process; the
commands alternate within each round, so the machine's load falls on all of them alike):
  - `insource import FILE` as users run it, schema validation on (the default), and with
    `--no-validate`, into a fresh SQLite database (and PostgreSQL unless `--no-postgres`)
    (timed: process start, Django set-up, streaming parse, release checks, validation, spill,
    merge of multi-release ocids with ocdsmerge, mapping, buyer/supplier resolution, database
    writes, commit; not timed: migrate and authority seeding beforehand);
  - `ocdskit compile --schema <local 1.1.5 schema>` on the same file (output to /dev/null), by
    default from a separate virtualenv with `ocdskit[orjson]` (`--ocdskit`);
  - a bare `orjson.loads` of the whole file (the parse floor).
Memory: the peak resident set of the largest process and of the command's processes summed,
sampled every 20 ms.

Usage: .venv/bin/python bench/bench_import.py [--releases 20000] [--runs 3] [--no-postgres]
       [--ocdskit /tmp/ocdskit-venv/bin/ocdskit] [--prefix insource_bench]
Each import runs as users run it, from a copy of one seeded database. The project's bytecode is
compiled first (`compileall`), as an installed package's is: where `PYTHONDONTWRITEBYTECODE` is
set, every run would otherwise compile the source again.
(make that virtualenv with `python3 -m venv /tmp/ocdskit-venv &&
 /tmp/ocdskit-venv/bin/pip install 'ocdskit[orjson]'`)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (
    ROOT / "insource/demo/data/contracts-finder-ocds/contracts_finder_2025_release_package.json"
)
SCHEMA = ROOT / "insource/register/schema/release-schema.json"
OUT = ROOT / "bench" / "out"
PY = sys.executable
SAMPLE_EVERY = 0.02  # seconds between samples of resident memory
PG = "postgres://postgres@127.0.0.1:5432/"


def generate(n: int) -> Path:
    """A release package of n releases: the real ones with ids rewritten per copy."""
    path = OUT / f"releases-{n}.json"
    if path.exists():
        return path
    package = json.loads(SOURCE.read_text())
    releases = package.pop("releases")
    OUT.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps(package)[:-1] + ', "releases": [')
        for i in range(n):
            copy, r = divmod(i, len(releases))
            text = json.dumps(releases[r])
            ocid = releases[r]["ocid"]
            text = text.replace(ocid, f"{ocid}-c{copy}").replace(
                f'"id": "{releases[r]["id"]}"', f'"id": "{releases[r]["id"]}-c{copy}"'
            )
            f.write(("," if i else "") + text)
        f.write("]}")
    return path


def rss_of(cmd, env=None) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB, peak summed RSS MB) of one command.

    CPU time (user + system of the command and every process under it, from getrusage) is
    reported beside wall time because it barely moves when other work shares the machine; wall
    time does. Resident memory is sampled every 20 ms over the command's process tree: the
    peak of the largest single process, and the peak of their sum (an import reads its file in
    a process of its own beside the one that writes: ADR 0059)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    single = summed = 0
    while process.poll() is None:
        sizes = _tree_rss(process.pid)
        if sizes:
            single, summed = max(single, *sizes), max(summed, sum(sizes))
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - started
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, single / 2**20, summed / 2**20


PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(pid: int) -> list[int]:
    """The resident bytes of a process and every process under it, from /proc (a few small
    reads: sampling must not take CPU from what it measures)."""
    sizes, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as f:
                sizes.append(int(f.read().split()[1]) * PAGE)
            with open(f"/proc/{current}/task/{current}/children") as f:
                pending.extend(int(child) for child in f.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return sizes


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)


def _db(kind: str, name: str) -> tuple[dict, Path | str]:
    env = {**os.environ, "INSOURCE_ENV": "development", "INSOURCE_DEMO": "false"}
    if kind == "sqlite":
        db = OUT / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{db}"
        return env, db
    _psql(f"DROP DATABASE IF EXISTS {name}")
    env["DATABASE_URL"] = PG + name
    return env, name


def seeded_template(kind: str, prefix: str) -> Path | str:
    """A database migrated and seeded with the authorities once; each run starts from a copy."""
    env, db = _db(kind, f"{prefix}_template")
    if kind != "sqlite":
        _psql(f"CREATE DATABASE {db}")
    insource = str(Path(PY).parent / "insource")
    subprocess.run([insource, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [insource, "authorities", "seed"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return db


def fresh_db_env(kind: str, name: str, template: Path | str) -> dict:
    """A fresh copy of the seeded template (not timed)."""
    env, db = _db(kind, name)
    if kind == "sqlite":
        shutil.copyfile(template, db)
    else:
        _psql(f"CREATE DATABASE {db} TEMPLATE {template}")
    return env


def summarise(label: str, samples: list[tuple[float, float, float]]) -> dict:
    return {
        "label": label,
        "median_s": round(statistics.median(s[0] for s in samples), 2),
        "median_cpu_s": round(statistics.median(s[1] for s in samples), 2),
        "runs_s": [round(s[0], 2) for s in samples],
        "peak_rss_mb": round(max(s[2] for s in samples), 1),
        "peak_summed_rss_mb": round(max(s[3] for s in samples), 1),
    }


def alternated(commands: dict, runs: int) -> dict[str, dict]:
    """Each command once per round, in turn; round 0 is the warm-up."""
    samples: dict[str, list] = {label: [] for label in commands}
    for i in range(runs + 1):
        for label, (make_cmd, setup) in commands.items():
            env = setup(i) if setup else None
            sample = rss_of(make_cmd(), env)
            if i:
                samples[label].append(sample)
    return {label: summarise(label, found) for label, found in samples.items()}


def load() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    return out.strip().split("load average:")[-1].strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--releases", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--ocdskit", default="/tmp/ocdskit-venv/bin/ocdskit")
    parser.add_argument(
        "--prefix", default="insource_bench", help="names of the bench's databases and files"
    )
    args = parser.parse_args()
    path = generate(args.releases)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "insource")], check=True)
    insource = str(Path(PY).parent / "insource")
    ocdskit = args.ocdskit if Path(args.ocdskit).exists() else str(Path(PY).parent / "ocdskit")
    base = [insource, "import", str(path), "--json", "--on", "2026-11-23"]
    kinds = ["sqlite"] if args.no_postgres else ["sqlite", "postgres"]
    templates = {kind: seeded_template(kind, f"{args.prefix}_{kind}") for kind in kinds}

    def fresh(kind: str, **extra: str):
        name = f"{args.prefix}_{kind}_run"
        return lambda i: {**fresh_db_env(kind, name, templates[kind]), **extra}

    commands = {
        "orjson.loads (parse floor)": (
            lambda: [PY, "-c", f"import orjson;orjson.loads(open({str(path)!r},'rb').read())"],
            None,
        ),
        "ocdskit compile --schema local": (
            lambda: ["sh", "-c", f"{ocdskit} compile --schema {SCHEMA} < {path} > /dev/null"],
            None,
        ),
        "insource import (SQLite, validation on)": (lambda: base, fresh("sqlite")),
        "insource import --no-validate (SQLite)": (
            lambda: [*base, "--no-validate"],
            fresh("sqlite"),
        ),
    }
    if not args.no_postgres:
        commands["insource import (PostgreSQL, validation on)"] = (lambda: base, fresh("postgres"))
    before = load()
    found = alternated(commands, args.runs)
    after = load()
    results = list(found.values())
    for r in results:
        r["releases_per_s"] = round(args.releases / r["median_s"])
    floor, kit = found["orjson.loads (parse floor)"], found["ocdskit compile --schema local"]
    default = found["insource import (SQLite, validation on)"]
    ratios = {
        "import_validating_over_ocdskit_wall": round(default["median_s"] / kit["median_s"], 2),
        "import_validating_over_ocdskit_cpu": round(
            default["median_cpu_s"] / kit["median_cpu_s"], 2
        ),
        "import_validating_over_orjson_floor_wall": round(
            default["median_s"] / floor["median_s"], 2
        ),
        "import_no_validate_over_ocdskit_wall": round(
            found["insource import --no-validate (SQLite)"]["median_s"] / kit["median_s"], 2
        ),
    }
    ratios["import_validating_over_orjson_floor_cpu"] = round(
        default["median_cpu_s"] / floor["median_cpu_s"], 2
    )
    if not args.no_postgres:
        pg = found["insource import (PostgreSQL, validation on)"]
        ratios["postgres_over_sqlite_wall"] = round(pg["median_s"] / default["median_s"], 2)
    print(
        json.dumps(
            {
                "releases": args.releases,
                "ocdskit": ocdskit,
                "load_before": before,
                "load_after": after,
                "results": results,
                "ratios": ratios,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
